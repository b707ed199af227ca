/**
 * DPDK's ring for the JVM: {@link io.mempool.driver.ring.LongRing} and the six {@code ring_*} stores,
 * provided to the pool through {@link java.util.ServiceLoader}.
 *
 * <p>Heap and off-heap rings alike need no JVM flag: off-heap memory is an api {@code OffHeapRegion}.
 */
module io.mempool.driver.ring {
    requires transitive io.mempool.api;

    exports io.mempool.driver.ring;

    provides io.mempool.api.MempoolOps with
        io.mempool.driver.ring.RingMpMcOps,
        io.mempool.driver.ring.RingSpScOps,
        io.mempool.driver.ring.RingMpScOps,
        io.mempool.driver.ring.RingSpMcOps,
        io.mempool.driver.ring.RingMtRtsOps,
        io.mempool.driver.ring.RingMtHtsOps;
}
