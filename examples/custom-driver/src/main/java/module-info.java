/**
 * An example third-party jmempool driver: the {@code sharded_stack} ops. It needs nothing of jmempool
 * but the SPI module, and registers its provider here for the module path (and in
 * {@code META-INF/services/io.mempool.api.MempoolOps} for the class path).
 */
module com.example.mempool.sharded {
    requires transitive io.mempool.api;

    exports com.example.mempool.sharded;

    provides io.mempool.api.MempoolOps with com.example.mempool.sharded.ShardedStackOps;
}
