package io.mempool.driver.agrona;

import io.mempool.testkit.MempoolOpsConformance;

/** The project's conformance suite run on the {@code agrona_sp_sc} ops. */
class AgronaSpScConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return AgronaSpScOps.NAME;
    }
}
