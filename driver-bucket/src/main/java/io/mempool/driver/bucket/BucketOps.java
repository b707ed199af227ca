package io.mempool.driver.bucket;

import io.mempool.api.Checks;
import io.mempool.api.ElementGeometry;
import io.mempool.api.MemoryNeed;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.api.PopulateCallback;

/**
 * The {@code bucket} ops: DPDK's bucket mempool driver, a {@link BucketStore} per pool. The store places
 * the pool's objects itself, in buckets aligned to their size ({@link #calcMemSize}, {@link #populate}),
 * and hands out whole buckets as contiguous blocks ({@link #contigBlockSize}, {@link #dequeueContigBlocks}).
 * Threads that put and get their own buckets work mostly on state of their own; see {@link BucketStore}.
 *
 * <p><b>Params</b> ({@link OpsConfig#params()}):
 * <ul>
 *   <li>{@value #PARAM_BUCKET_SIZE_KB}: each bucket's KiB and alignment, a power of two in {@code 1..2048};
 *       default {@value #DEFAULT_BUCKET_SIZE_KB}, DPDK's {@code RTE_DRIVER_MEMPOOL_BUCKET_SIZE_KB}.</li>
 *   <li>{@value #PARAM_MAX_THREADS}: the entries of the per-thread table, {@code 1..4095}; default twice
 *       the available processors, at least 8. Threads beyond it use the shared state only.</li>
 * </ul>
 *
 * <p>Stateless and safe for any number of threads; the stores are safe for any number of producers and
 * consumers at once, so {@link #requiredFlags()} is empty and {@code SP_PUT}/{@code SC_GET} change nothing.
 * A put of a handle happens-before the get that returns it.
 *
 * <p><b>Note:</b> the bucket state is per process, on the heap, as DPDK's is per process: a bucket pool
 * cannot be shared between processes, so {@link #memzoneBytes} stays negative.
 */
public final class BucketOps implements MempoolOps<BucketStore> {
    /** The name this ops is selected by. */
    public static final String NAME = "bucket";
    /** The param naming each bucket's KiB. */
    public static final String PARAM_BUCKET_SIZE_KB = "bucket_size_kb";
    /** The param naming the thread table's entries. */
    public static final String PARAM_MAX_THREADS = "max_threads";
    /** DPDK's default bucket, in KiB. */
    public static final int DEFAULT_BUCKET_SIZE_KB = 64;

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public BucketOps() {
        // stateless
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@value #PARAM_BUCKET_SIZE_KB} or {@value #PARAM_MAX_THREADS} is
     *                                  malformed or out of range.
     */
    @Override
    public BucketStore alloc(final OpsConfig config) {
        Checks.notNull("config", config);
        return new BucketStore(config.capacity(), bucketSizeKb(config), config.intParam(PARAM_MAX_THREADS,
            Math.min(BucketStateDescriptor.MAX_THREADS, Math.max(8, 2 * Runtime.getRuntime().availableProcessors()))));
    }

    /**
     * {@inheritDoc}
     *
     * <p>All of them: the store always has room for its own objects.
     *
     * @throws IllegalArgumentException if a handle is not an object the store placed; nothing is added.
     */
    @Override
    public boolean enqueue(final BucketStore store, final long[] objs, final int offset, final int n) {
        return store.enqueue(objs, offset, n);
    }

    /** {@inheritDoc} */
    @Override
    public boolean dequeue(final BucketStore store, final long[] objs, final int offset, final int n) {
        return store.dequeue(objs, offset, n);
    }

    /** {@inheritDoc} */
    @Override
    public int count(final BucketStore store) {
        return store.count();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store lives on the heap and holds no other resource: the GC reclaims it.
     */
    @Override
    public void free(final BucketStore store) {
        Checks.notNull("store", store);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Objects per bucket, once the first populate has laid the buckets out; 0 before.
     */
    @Override
    public int contigBlockSize(final BucketStore store) {
        return store.contigBlockSize();
    }

    /** {@inheritDoc} */
    @Override
    public boolean dequeueContigBlocks(final BucketStore store, final long[] firsts, final int offset, final int n) {
        return store.dequeueContigBlocks(firsts, offset, n);
    }

    /**
     * {@inheritDoc}
     *
     * <p>DPDK's {@code bucket_calc_mem_size}: {@code ceil(n / objectsPerBucket)} whole buckets, at least one
     * bucket per chunk, aligned to the bucket size.
     *
     * @throws IllegalArgumentException if {@value #PARAM_BUCKET_SIZE_KB} is out of range or an element does
     *                                  not fit a bucket.
     */
    @Override
    public MemoryNeed calcMemSize(final OpsConfig config, final int n, final ElementGeometry geometry) {
        Checks.notNull("config", config);
        return BucketLayout.of(BucketLayout.bucketBytes(bucketSizeKb(config)), geometry).need(n);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link BucketStore#populate} with the region's address and length: the store only computes
     * handles, it never touches the memory.
     */
    @Override
    public int populate(final BucketStore store, final int maxObjects, final OffHeapRegion region,
                        final ElementGeometry geometry, final PopulateCallback callback) {
        Checks.notNull("region", region);
        return store.populate(maxObjects, region.address(), region.length(), geometry, callback);
    }

    /**
     * @return the ops name.
     */
    @Override
    public String toString() {
        return NAME;
    }

    private static int bucketSizeKb(final OpsConfig config) {
        return config.intParam(PARAM_BUCKET_SIZE_KB, DEFAULT_BUCKET_SIZE_KB);
    }
}
