package io.mempool.driver.ring;

import io.mempool.testkit.MempoolOpsConformance;

/** The conformance suite on {@code ring_mp_sc}. */
class RingMpScConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return "ring_mp_sc";
    }
}
