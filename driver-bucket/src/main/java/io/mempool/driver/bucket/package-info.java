/**
 * DPDK's bucket mempool driver ({@code drivers/mempool/bucket}) for {@code long} handles: the
 * {@code bucket} ops ({@link io.mempool.driver.bucket.BucketOps}) and its store
 * ({@link io.mempool.driver.bucket.BucketStore}), which lays the objects out itself in buckets aligned to
 * their size and hands whole buckets out as contiguous blocks; and its two lock-free building blocks,
 * {@link io.mempool.driver.bucket.LockFreeBucketStack} (the stacks of full buckets and of partly filled
 * ones) and {@link io.mempool.driver.bucket.MpscAdoptionRing} (objects freed by one thread into a bucket
 * another thread owns).
 *
 * <p><b>Memory-order prefixes.</b> Field accessors in this package name their order, as JCTools does:
 * <ul>
 *   <li>{@code lp} / {@code sp}: plain load / store;</li>
 *   <li>{@code lv} / {@code sv}: volatile load / store;</li>
 *   <li>{@code la}: acquire load ({@code getAcquire});</li>
 *   <li>{@code so}: ordered (release) store ({@code setRelease});</li>
 *   <li>{@code cas}: volatile compare-and-set, returns whether it succeeded;</li>
 *   <li>{@code cae}: volatile compare-and-exchange, returns the witness value;</li>
 *   <li>{@code xadd}: volatile get-and-add; {@code or}: volatile get-and-bitwise-or.</li>
 * </ul>
 */
package io.mempool.driver.bucket;
