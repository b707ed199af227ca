package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.driver.ring.LongRing.SyncMode;
import io.mempool.testkit.MemzoneRegions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The six ring stores in a memzone: the off-heap ring {@code alloc} would make on the heap, and an
 * {@code attach} that refuses a ring made for another ops or config, naming both values.
 */
class RingOpsMemzoneTest {
    private final MemzoneRegions regions = new MemzoneRegions();

    @AfterEach
    void freeRegions() {
        regions.close();
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.RingOpsTest#opsAndModes")
    void allocInMakesTheRingAllocWouldMakeOffHeap(final MempoolOps<LongRing> ops, final String name,
                                                  final SyncMode producer, final SyncMode consumer) {
        final OpsConfig config = OpsConfig.of("pool", 100);
        final LongRing heap = ops.alloc(config);
        final long bytes = ops.memzoneBytes(config);
        assertEquals(LongRingDescriptor.bytesFor(heap.slots()), bytes, name);
        final long address = regions.allocate(bytes);
        final LongRing zone = ops.allocIn(config, address, bytes);
        assertTrue(zone.toString().contains("off-heap"), zone.toString());
        assertEquals(heap.slots(), zone.slots());
        assertEquals(heap.capacity(), zone.capacity());
        assertEquals(producer, zone.producerSync());
        assertEquals(consumer, zone.consumerSync());
        assertEquals(heap.prodHtdMax, zone.prodHtdMax);

        final LongRing view = ops.attach(config, address, bytes);
        assertTrue(ops.enqueue(zone, new long[] {8, 16, 24}, 0, 3));
        assertEquals(3, ops.count(view));
        final long[] out = new long[3];
        assertTrue(ops.dequeue(view, out, 0, 3));
        assertArrayEquals(new long[] {8, 16, 24}, out);
        ops.free(view);
        assertTrue(ops.enqueue(zone, out, 0, 1), "free of a view leaves the ring usable");
        assertEquals(1, ops.count(zone));
    }

    @Test
    void attachRefusesARingOfOtherModesNamingBoth() {
        final OpsConfig config = OpsConfig.of("pool", 100);
        final RingMpMcOps mpmc = new RingMpMcOps();
        final long bytes = mpmc.memzoneBytes(config);
        final long address = regions.allocate(bytes);
        mpmc.allocIn(config, address, bytes);
        assertEquals("producer sync: MULTI (expected: SINGLE, as ring_sp_sc makes it for capacity 100)",
            assertThrows(IllegalArgumentException.class, () -> new RingSpScOps().attach(config, address, bytes)).getMessage());
        assertEquals("consumer sync: MULTI (expected: SINGLE, as ring_mp_sc makes it for capacity 100)",
            assertThrows(IllegalArgumentException.class, () -> new RingMpScOps().attach(config, address, bytes)).getMessage());
        assertEquals("slots: 128 (expected: 256, as ring_mp_mc makes it for capacity 200)",
            assertThrows(IllegalArgumentException.class,
                () -> mpmc.attach(OpsConfig.of("pool", 200), address, bytes)).getMessage());
    }

    @Test
    void attachRefusesAnRtsRingOfAnotherBound() {
        final RingMtRtsOps rts = new RingMtRtsOps();
        final OpsConfig made = new OpsConfig("pool", 100, Set.of(), Map.of(RingMtRtsOps.HTD_MAX, "4"));
        final long bytes = rts.memzoneBytes(made);
        final long address = regions.allocate(bytes);
        rts.allocIn(made, address, bytes);
        assertEquals(4, rts.attach(made, address, bytes).prodHtdMax);
        assertEquals("producer htd max: 4 (expected: 12, as ring_mt_rts makes it for capacity 100)",
            assertThrows(IllegalArgumentException.class,
                () -> rts.attach(OpsConfig.of("pool", 100), address, bytes)).getMessage());
    }

    @Test
    void memzoneCallsRejectNullsAndShortRanges() {
        final RingMpMcOps ops = new RingMpMcOps();
        final OpsConfig config = OpsConfig.of("pool", 7);
        assertThrows(IllegalArgumentException.class, () -> ops.memzoneBytes(null));
        final long bytes = ops.memzoneBytes(config);
        final long address = regions.allocate(bytes);
        assertThrows(IllegalArgumentException.class, () -> ops.allocIn(null, address, bytes));
        assertThrows(IllegalArgumentException.class, () -> ops.allocIn(config, address, bytes - 1));
        assertThrows(IllegalArgumentException.class, () -> ops.attach(config, address, bytes), "zeroed memory");
        assertThrows(IllegalArgumentException.class, () -> ops.attach(null, address, bytes));
        assertThrows(IllegalArgumentException.class,
            () -> ops.memzoneBytes(OpsConfig.of("pool", LongRing.MAX_SLOTS)), "beyond the ring's limit");
    }
}
