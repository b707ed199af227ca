package com.example.mempool.sharded;

import io.mempool.api.OpsConfig;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolOpsRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider: found by name, its {@code shards} parameter, and the README's example. */
class ShardedStackOpsTest {
    private static OpsConfig config(final int capacity, final String shards) {
        return new OpsConfig("p", capacity, Set.of(), Map.of(ShardedStackOps.SHARDS_PARAM, shards));
    }

    @Test
    void theRegistryFindsItByName() {
        assertTrue(MempoolOpsRegistry.names().contains("sharded_stack"), "names: " + MempoolOpsRegistry.names());
        assertInstanceOf(ShardedStackOps.class, MempoolOpsRegistry.get("sharded_stack"));
    }

    @Test
    void theShardsParameterSetsTheShardCount() {
        final ShardedStackOps ops = new ShardedStackOps();
        assertEquals(5, ops.alloc(config(100, "5")).shardCount(), "shards=5");
        assertEquals(2, ops.alloc(config(2, "64")).shardCount(), "shards=64 on a capacity of 2");
        assertEquals(Math.min(ShardedStackOps.defaultShards(), 100), ops.alloc(OpsConfig.of("p", 100)).shardCount(),
            "no shards parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65", "-1", "four", ""})
    void aBadShardsParameterIsRejected(final String shards) {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new ShardedStackOps().alloc(config(100, shards)), "shards=" + shards);
        assertTrue(ex.getMessage().startsWith("shards: "), ex.getMessage());
    }

    /** The README's example, as written there. */
    @Test
    void readmeExample() {
        try (Mempool mp = Mempool.builder("sharded_demo")
                .size(4095)
                .elementSize(256)
                .cacheSize(128)
                .ops("sharded_stack")               // the driver, by name
                .opsParam("shards", "4")            // optional: its one parameter
                .create()) {
            final long[] objs = new long[64];
            if (!mp.getBulk(objs, 0, objs.length)) {
                throw new IllegalStateException("pool exhausted");
            }
            mp.putBulk(objs, 0, objs.length);
            assertEquals("sharded_stack", mp.opsName());
            assertEquals(4095, mp.availCount());
        }
    }
}
