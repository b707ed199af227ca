/**
 * Off-heap stores of {@code long} handles on Agrona's {@link org.agrona.concurrent.AtomicBuffer}, and the
 * {@code agrona_mp_mc} / {@code agrona_sp_sc} {@link io.mempool.api.MempoolOps} providers over them.
 *
 * <p>Every word a store shares between threads (indices, slot sequences, handles) lives in one aligned
 * direct buffer laid out by {@link io.mempool.driver.agrona.AgronaStoreDescriptor}: no heap object per
 * element, no heap reference or pointer in the buffer, so the same layout could later be mapped from a file
 * shared between processes.
 *
 * <p><b>Memory-order prefixes</b> (JCTools' convention), used by every accessor in this package:
 * <ul>
 *   <li>{@code lp} / {@code sp}: plain load / store ({@code getLong} / {@code putLong}, or a plain VarHandle
 *       {@code get}); each use says what orders it instead;</li>
 *   <li>{@code lv} / {@code sv}: volatile load / store ({@code getLongVolatile} / {@code putLongVolatile});</li>
 *   <li>{@code la}: load-acquire ({@code getLongAcquire});</li>
 *   <li>{@code so}: store-release, "ordered" ({@code putLongRelease});</li>
 *   <li>{@code cas}: compare-and-set, volatile semantics ({@code compareAndSetLong}, VarHandle
 *       {@code compareAndSet}).</li>
 * </ul>
 */
package io.mempool.driver.agrona;
