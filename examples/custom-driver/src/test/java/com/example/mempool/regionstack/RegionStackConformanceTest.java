package com.example.mempool.regionstack;

import io.mempool.testkit.MempoolOpsConformance;

/**
 * jmempool's whole conformance suite on the {@code region_stack} ops. Its {@code memzoneBytes} is not
 * negative, so the kit's memzone rules run too: every SPI rule again on stores that {@code allocIn} put in
 * regions of core memzones, views from {@code attach}, garbage refused, a freed view leaving the others.
 */
class RegionStackConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return RegionStackOps.NAME;
    }
}
