/**
 * {@link io.mempool.driver.ring.LongRing}, DPDK's {@code rte_ring} for {@code long} handles, and the
 * {@code ring_*} stores built on it ({@code ring_mp_mc}, {@code ring_sp_sc}, {@code ring_mp_sc},
 * {@code ring_sp_mc}, {@code ring_mt_rts}, {@code ring_mt_hts}). A ring lives on the heap
 * ({@code HeapLongRing}: padded fields and a {@code long[]}) or in off-heap memory the caller owns
 * ({@code OffHeapLongRing}, laid out by {@link io.mempool.driver.ring.LongRingDescriptor}, shareable
 * between processes); {@code LongRingHeadTail} is DPDK's head/tail algorithm over either.
 *
 * <p><b>Access-name convention</b> (JCTools'), used by every accessor of a shared word in this package,
 * a field's VarHandle or an offset of an {@link io.mempool.api.OffHeapRegion}:
 * <ul>
 *   <li>{@code lp} / {@code sp}: plain load / store, no ordering; only where one thread owns the field
 *       or a later release publishes it;</li>
 *   <li>{@code lv} / {@code sv}: volatile load / store (sequentially consistent);</li>
 *   <li>{@code la}: acquire load, later accesses stay after it;</li>
 *   <li>{@code so}: ordered (release) store, earlier accesses stay before it;</li>
 *   <li>{@code cas}: compare-and-set, {@code weakCas...Release} a weak CAS with release semantics that
 *       may fail spuriously (callers loop); {@code cax}: compare-and-exchange, returns the witness.</li>
 * </ul>
 * Every such call in the code carries a one-line reason for its order.
 */
package io.mempool.driver.ring;
