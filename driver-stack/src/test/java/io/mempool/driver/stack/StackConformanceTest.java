package io.mempool.driver.stack;

import io.mempool.testkit.MempoolOpsConformance;

/** The shared conformance suite on the {@code stack} ops. */
class StackConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return "stack";
    }
}
