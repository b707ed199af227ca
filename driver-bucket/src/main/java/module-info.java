/**
 * DPDK's bucket mempool driver for {@code long} handles: objects placed in size-aligned buckets, handed
 * out as whole contiguous blocks (the {@code bucket} store).
 */
module io.mempool.driver.bucket {
    requires transitive io.mempool.api;

    exports io.mempool.driver.bucket;

    provides io.mempool.api.MempoolOps with
        io.mempool.driver.bucket.BucketOps;
}
