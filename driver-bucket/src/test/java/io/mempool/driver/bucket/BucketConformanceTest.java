package io.mempool.driver.bucket;

import io.mempool.testkit.MempoolOpsConformance;

/**
 * The conformance suite on {@code bucket}: the placement rules and the contiguous-block rules run (the
 * store places its objects and has blocks), and the SPI rules run on stores it populated.
 */
class BucketConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return BucketOps.NAME;
    }
}
