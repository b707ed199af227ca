/**
 * An example third-party jmempool driver: the {@code sharded_stack} ops (on the heap) and the
 * {@code region_stack} ops (a store that can live in a memzone). It needs nothing of jmempool but the SPI
 * module, and no JVM flag on any JDK; it registers its providers here for the module path (and in
 * {@code META-INF/services/io.mempool.api.MempoolOps} for the class path).
 */
module com.example.mempool.sharded {
    requires transitive io.mempool.api;

    exports com.example.mempool.sharded;
    exports com.example.mempool.regionstack;

    provides io.mempool.api.MempoolOps with
        com.example.mempool.sharded.ShardedStackOps,
        com.example.mempool.regionstack.RegionStackOps;
}
