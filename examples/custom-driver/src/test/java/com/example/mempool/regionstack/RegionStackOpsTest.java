package com.example.mempool.regionstack;

import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolOpsRegistry;
import io.mempool.testkit.MemzoneRegions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider: found by name, its memzone forms (region and address), and the README's shared pool. */
class RegionStackOpsTest {
    private final RegionStackOps ops = new RegionStackOps();
    private final MemzoneRegions regions = new MemzoneRegions();

    @AfterEach
    void freeRegions() {
        regions.close();
    }

    @Test
    void theRegistryFindsItByName() {
        assertTrue(MempoolOpsRegistry.names().contains("region_stack"), "names: " + MempoolOpsRegistry.names());
        assertInstanceOf(RegionStackOps.class, MempoolOpsRegistry.get("region_stack"));
    }

    @Test
    void allocIsOnTheHeapAndAllocInInTheRegion() {
        final OpsConfig config = OpsConfig.of("p", 100);
        assertTrue(ops.alloc(config).toString().contains("on the heap"));
        assertEquals(SpinLockLongStackDescriptor.bytesFor(100), ops.memzoneBytes(config));
        final OffHeapRegion region = regions.region(ops.memzoneBytes(config));
        assertTrue(ops.allocIn(config, region).toString().contains("off-heap"));
        assertThrows(IllegalArgumentException.class, () -> ops.memzoneBytes(null));
    }

    @Test
    void attachRefusesAStackOfAnotherCapacityNamingBoth() {
        final OpsConfig made = OpsConfig.of("p", 64);
        final OffHeapRegion region = regions.region(ops.memzoneBytes(made));
        ops.allocIn(made, region);
        assertEquals("capacity: 64 (expected: 100, the capacity of pool q)", assertThrows(IllegalArgumentException.class,
            () -> ops.attach(OpsConfig.of("q", 100), region)).getMessage());
    }

    @Test
    void theAddressFormsFindTheMemzoneThatHoldsTheRange() {
        final OpsConfig config = OpsConfig.of("p", 16);
        final long bytes = ops.memzoneBytes(config);
        final long address = regions.allocate(bytes);
        final SpinLockLongStack creator = ops.allocIn(config, address, bytes);
        assertTrue(ops.enqueue(creator, new long[] {8, 16}, 0, 2));
        assertEquals(2, ops.count(ops.attach(config, address, bytes)), "count through a view opened by address");
        final IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
            () -> ops.allocIn(config, 0x1000, bytes));
        assertTrue(outside.getMessage().startsWith("range: [0x1000, +" + bytes + ") (expected: inside a live memzone"),
            outside.getMessage());
    }

    /** The README's example, as written there: a shared pool, whose store allocIn puts in a memzone. */
    @Test
    void readmeExample() {
        try (Mempool mp = Mempool.builder("region_demo")
                .size(1023)
                .elementSize(256)
                .ops("region_stack")                // the memzone store, by name
                .shared(true)                       // store and objects in shared memzones
                .create()) {
            final long[] objs = new long[32];
            if (!mp.getBulk(objs, 0, objs.length)) {
                throw new IllegalStateException("pool exhausted");
            }
            for (int i = 0; i < objs.length; i++) {
                final ByteBuffer view = mp.byteBuffer(objs[i]);   // exactly that object's 256 bytes
                view.putInt(0, i);
            }
            mp.putBulk(objs, 0, objs.length);
            assertEquals("region_stack", mp.opsName());
            assertEquals(1023, mp.availCount());
        }
    }
}
