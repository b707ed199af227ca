package com.example.mempool.sharded;

import io.mempool.testkit.MempoolOpsConformance;

/** jmempool's whole conformance suite on the {@code sharded_stack} ops, with the default shard count. */
class ShardedStackConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return ShardedStackOps.NAME;
    }
}
