package io.mempool.driver.bucket;

import io.mempool.api.Checks;
import io.mempool.api.ElementGeometry;
import io.mempool.api.MemoryNeed;

/**
 * Where a bucket store puts its objects: buckets of {@code bucket_size_kb} KiB, each aligned to its size,
 * holding {@link #objectsPerBucket} whole elements one after another from the bucket's first byte, each
 * element {@code headerSize} bytes of header then the object (the handle), {@code totalSize} apart. The
 * bucket's state lives on the heap, so the bucket keeps no header room of its own (DPDK keeps a cache
 * line for {@code struct bucket_header}). An element never crosses its bucket's end, and since the bucket
 * start is aligned to at least 1 KiB and {@code totalSize} is a multiple of the alignment, every handle is
 * aligned as the geometry asks.
 *
 * <p>DPDK caps the bucket at the IOVA page size; jmempool's memory has no IOVA pages to respect, so the
 * bucket is exactly {@code bucket_size_kb} KiB.
 *
 * <p>Immutable.
 */
final class BucketLayout {
    /** The largest bucket: the largest alignment a store may ask for ({@link MemoryNeed#MAX_ALIGN}). */
    static final int MAX_BUCKET_SIZE_KB = MemoryNeed.MAX_ALIGN / 1024;

    final ElementGeometry geometry;
    final int bucketBytes;
    final int bucketShift;
    final int objectsPerBucket;
    final int wordsPerBucket;

    // objectsPerBucket <= 2 MiB / 8 B = 2^18, within BucketStateDescriptor.MAX_OBJECTS_PER_BUCKET
    private BucketLayout(final ElementGeometry geometry, final int bucketBytes) {
        this.geometry = geometry;
        this.bucketBytes = bucketBytes;
        this.bucketShift = Integer.numberOfTrailingZeros(bucketBytes);
        this.objectsPerBucket = bucketBytes / geometry.totalSize();
        this.wordsPerBucket = (objectsPerBucket + Long.SIZE - 1) / Long.SIZE;
    }

    /**
     * @param bucketSizeKb the {@code bucket_size_kb} param.
     * @return the bucket's bytes.
     * @throws IllegalArgumentException if it is not a power of two in {@code 1..}{@value #MAX_BUCKET_SIZE_KB}.
     */
    static int bucketBytes(final int bucketSizeKb) {
        if (bucketSizeKb < 1 || bucketSizeKb > MAX_BUCKET_SIZE_KB || Integer.bitCount(bucketSizeKb) != 1) {
            throw new IllegalArgumentException(Checks.message(BucketOps.PARAM_BUCKET_SIZE_KB, bucketSizeKb,
                "a power of two in 1.." + MAX_BUCKET_SIZE_KB + ", the bucket's KiB and alignment"));
        }
        return bucketSizeKb * 1024;
    }

    /**
     * @param bucketBytes a bucket size from {@link #bucketBytes(int)}.
     * @param geometry    the pool's element layout.
     * @return the layout.
     * @throws IllegalArgumentException if {@code geometry} is null or not even one element fits a bucket.
     */
    static BucketLayout of(final int bucketBytes, final ElementGeometry geometry) {
        Checks.notNull("geometry", geometry);
        if (geometry.totalSize() > bucketBytes) {
            throw new IllegalArgumentException(Checks.message("totalSize", geometry.totalSize(),
                "<= " + bucketBytes + ", the bucket's bytes: raise " + BucketOps.PARAM_BUCKET_SIZE_KB));
        }
        return new BucketLayout(geometry, bucketBytes);
    }

    /**
     * DPDK's {@code bucket_calc_mem_size}: whole buckets, aligned to their size.
     *
     * @param n how many objects, {@code >= 1}.
     * @return the memory: {@code ceil(n / objectsPerBucket)} buckets, one bucket at least, aligned to a bucket.
     * @throws IllegalArgumentException if {@code n < 1}.
     */
    MemoryNeed need(final int n) {
        Checks.atLeast("n", n, 1);
        final long buckets = (n + (long) objectsPerBucket - 1) / objectsPerBucket;
        return new MemoryNeed(buckets * bucketBytes, bucketBytes, bucketBytes);
    }

    /**
     * @param geometry the geometry of a later chunk.
     * @return this layout, if {@code geometry} is the one it was made for.
     * @throws IllegalArgumentException if it is not: a pool has one element layout.
     */
    BucketLayout checkSame(final ElementGeometry geometry) {
        if (!this.geometry.equals(Checks.notNull("geometry", geometry))) {
            throw new IllegalArgumentException(Checks.message("geometry", geometry,
                this.geometry + ", the geometry of the chunks populated before"));
        }
        return this;
    }

    /** @return the handle of element {@code k} of the bucket starting at {@code bucketBase}. */
    long handle(final long bucketBase, final int k) {
        return bucketBase + (long) k * geometry.totalSize() + geometry.headerSize();
    }

    /** @return {@code address} rounded up to a bucket boundary. */
    long alignUp(final long address) {
        return (address + bucketBytes - 1) & -(long) bucketBytes;
    }
}
