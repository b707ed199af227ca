/**
 * DPDK's ring for the JVM: {@link io.mempool.driver.ring.LongRing} and the six {@code ring_*} stores,
 * provided to the pool through {@link java.util.ServiceLoader}.
 *
 * <p>An off-heap ring (Agrona 2.x reaches {@code jdk.internal.misc.Unsafe}) needs
 * {@code --add-exports java.base/jdk.internal.misc=org.agrona} on the module path
 * ({@code =ALL-UNNAMED} on the class path); a heap ring needs nothing.
 */
module io.mempool.driver.ring {
    requires transitive io.mempool.api;
    requires org.agrona;

    exports io.mempool.driver.ring;

    provides io.mempool.api.MempoolOps with
        io.mempool.driver.ring.RingMpMcOps,
        io.mempool.driver.ring.RingSpScOps,
        io.mempool.driver.ring.RingMpScOps,
        io.mempool.driver.ring.RingSpMcOps,
        io.mempool.driver.ring.RingMtRtsOps,
        io.mempool.driver.ring.RingMtHtsOps;
}
