package io.mempool.driver.stack;

import io.mempool.testkit.MempoolOpsConformance;

/** The shared conformance suite on the {@code lf_stack} ops. */
class LfStackConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return "lf_stack";
    }
}
