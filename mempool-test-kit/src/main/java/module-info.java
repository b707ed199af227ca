/**
 * The conformance suite every {@link io.mempool.api.MempoolOps} driver runs: extend
 * {@link io.mempool.testkit.MempoolOpsConformance} in a test and name the ops.
 */
module io.mempool.testkit {
    requires transitive io.mempool.core;
    requires transitive org.junit.jupiter.api;
    requires org.junit.jupiter.params;

    exports io.mempool.testkit;

    opens io.mempool.testkit to org.junit.platform.commons;
}
