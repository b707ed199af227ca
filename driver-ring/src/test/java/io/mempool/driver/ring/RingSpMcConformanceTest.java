package io.mempool.driver.ring;

import io.mempool.testkit.MempoolOpsConformance;

/** The conformance suite on {@code ring_sp_mc}. */
class RingSpMcConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return "ring_sp_mc";
    }
}
