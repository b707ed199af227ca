package io.mempool.driver.agrona;

import io.mempool.testkit.MempoolOpsConformance;

/** The project's conformance suite run on the {@code agrona_mp_mc} ops. */
class AgronaMpMcConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return AgronaMpMcOps.NAME;
    }
}
