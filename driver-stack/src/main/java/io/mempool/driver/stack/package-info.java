/**
 * LIFO stores for {@code long} handles, DPDK's {@code rte_stack}: {@link io.mempool.driver.stack.LongStack}
 * (a spinlock-guarded array, ops name {@code stack}) and {@link io.mempool.driver.stack.LockFreeLongStack}
 * (DPDK's lf_stack with a tagged-index head, ops name {@code lf_stack}). Both hand back the most
 * recently stored handle first, whose memory is most likely still in a cache: DPDK added them for
 * pipelines where one thread allocates and another frees.
 *
 * <p><b>Memory-order prefixes.</b> Field accessors in this package name their order, as JCTools does:
 * <ul>
 *   <li>{@code lp} / {@code sp}: plain load / store;</li>
 *   <li>{@code lv} / {@code sv}: volatile load / store;</li>
 *   <li>{@code la}: acquire load ({@code getAcquire});</li>
 *   <li>{@code so}: ordered (release) store ({@code setRelease});</li>
 *   <li>{@code cas}: volatile compare-and-set, returns whether it succeeded;</li>
 *   <li>{@code cae}: volatile compare-and-exchange, returns the witness value;</li>
 *   <li>{@code xadd}: volatile get-and-add.</li>
 * </ul>
 */
package io.mempool.driver.stack;
