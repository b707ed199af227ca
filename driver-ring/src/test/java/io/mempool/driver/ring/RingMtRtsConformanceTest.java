package io.mempool.driver.ring;

import io.mempool.testkit.MempoolOpsConformance;

/** The conformance suite on {@code ring_mt_rts}. */
class RingMtRtsConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return "ring_mt_rts";
    }
}
