/**
 * DPDK's {@code rte_stack} for {@code long} handles: the {@code stack} (spinlock) and {@code lf_stack}
 * (lock-free) stores.
 */
module io.mempool.driver.stack {
    requires transitive io.mempool.api;

    exports io.mempool.driver.stack;

    provides io.mempool.api.MempoolOps with
        io.mempool.driver.stack.StackOps,
        io.mempool.driver.stack.LfStackOps;
}
