package com.example.mempool.sharded;

import io.mempool.testkit.MempoolOpsConformance;

import java.util.Map;

/**
 * The suite again with eight shards, passed as a driver parameter through the kit's
 * {@code opsParams()} hook: more of its bulks span several shards than with one shard per core.
 */
class ShardedStackEightShardsConformanceTest extends MempoolOpsConformance {
    @Override
    protected String opsName() {
        return ShardedStackOps.NAME;
    }

    @Override
    protected Map<String, String> opsParams() {
        return Map.of(ShardedStackOps.SHARDS_PARAM, "8");
    }
}
