package io.mempool.driver.agrona;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.testkit.MemzoneRegions;
import java.util.stream.Stream;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code agrona_*} stores in a memzone: formatted in the caller's range, opened by {@code attach} after
 * their header is checked, and freed view by view without touching the memory.
 */
class AgronaMemzoneTest {
    private final MemzoneRegions regions = new MemzoneRegions();

    static Stream<MempoolOps<? extends OffHeapLongStore>> ops() {
        return Stream.of(new AgronaMpMcOps(), new AgronaSpScOps());
    }

    @AfterEach
    void freeRegions() {
        regions.close();
    }

    @ParameterizedTest
    @MethodSource("ops")
    <S extends OffHeapLongStore> void viewsShareTheStoreAndFreeOneAtATime(final MempoolOps<S> ops) {
        final OpsConfig config = OpsConfig.of("pool", 100);
        final long bytes = ops.memzoneBytes(config);
        assertEquals(ops.alloc(config).bufferLength(), bytes, "the buffer alloc would own");
        final long address = regions.allocate(bytes);
        final S store = ops.allocIn(config, address, bytes);
        final S view = ops.attach(config, address, bytes);
        assertTrue(ops.enqueue(store, new long[] {8, 16, 24}, 0, 3));
        assertEquals(3, ops.count(view));
        final long[] out = new long[2];
        assertTrue(ops.dequeue(view, out, 0, 2));
        assertArrayEquals(new long[] {8, 16}, out, "FIFO across views");
        ops.free(view);
        assertThrows(IllegalStateException.class, () -> ops.count(view), "a freed view is retired");
        assertEquals(1, ops.count(store), "the other view still works");
        assertTrue(ops.enqueue(store, out, 0, 2));
        ops.free(store);
        final S again = ops.attach(config, address, bytes);
        assertEquals(3, ops.count(again), "free of every view leaves the memory, and the handles, in place");
        regions.assertGuards();
    }

    @ParameterizedTest
    @MethodSource("ops")
    <S extends OffHeapLongStore> void attachRefusesZeroedMemoryAndShortRanges(final MempoolOps<S> ops) {
        final OpsConfig config = OpsConfig.of("pool", 10);
        final long bytes = ops.memzoneBytes(config);
        final long address = regions.allocate(bytes);
        assertEquals("magic: 0x0 (expected: 0x4a4d504147524e01, a store made by allocIn)",
            assertThrows(IllegalArgumentException.class, () -> ops.attach(config, address, bytes)).getMessage());
        ops.allocIn(config, address, bytes);
        assertEquals("length: 100 (expected: >= 384, a store's header)",
            assertThrows(IllegalArgumentException.class, () -> ops.attach(config, address, 100)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ops.attach(config, address, bytes - 1));
        assertThrows(IllegalArgumentException.class, () -> ops.attach(config, address + 4, bytes));
        assertThrows(IllegalArgumentException.class, () -> ops.attach(config, 0, bytes));
    }

    @ParameterizedTest
    @MethodSource("ops")
    <S extends OffHeapLongStore> void allocInRefusesBadRangesAndWritesNothing(final MempoolOps<S> ops) {
        final OpsConfig config = OpsConfig.of("pool", 10);
        final long bytes = ops.memzoneBytes(config);
        final long address = regions.allocate(bytes);
        assertThrows(IllegalArgumentException.class, () -> ops.allocIn(config, address, bytes - 1));
        assertThrows(IllegalArgumentException.class, () -> ops.allocIn(config, address + 1, bytes));
        assertThrows(IllegalArgumentException.class, () -> ops.allocIn(config, 0, bytes));
        assertThrows(IllegalArgumentException.class, () -> ops.allocIn(null, address, bytes));
        for (long at = address; at < address + bytes; at += 8) {
            assertEquals(0L, UnsafeApi.getLong(at), "byte " + (at - address) + " written by a refused allocIn");
        }
    }

    @Test
    void attachRefusesTheOtherShapeAndAnotherCapacityNamingBoth() {
        final OpsConfig config = OpsConfig.of("pool", 64);
        final AgronaSpScOps spsc = new AgronaSpScOps();
        final AgronaMpMcOps mpmc = new AgronaMpMcOps();
        final long bytes = mpmc.memzoneBytes(config);
        final long address = regions.allocate(bytes);
        spsc.allocIn(config, address, bytes);
        assertEquals("slot length: 8 (expected: 16)",
            assertThrows(IllegalArgumentException.class, () -> mpmc.attach(config, address, bytes)).getMessage());
        assertEquals("capacity: 64 (expected: 63, the config's (agrona_sp_sc stores hold exactly their capacity))",
            assertThrows(IllegalArgumentException.class,
                () -> spsc.attach(OpsConfig.of("pool", 63), address, bytes)).getMessage());
    }

    @Test
    void attachChecksTheLayoutVersionAndTheSlotCount() {
        final OpsConfig config = OpsConfig.of("pool", 64);
        final AgronaMpMcOps ops = new AgronaMpMcOps();
        final long bytes = ops.memzoneBytes(config);
        final long address = regions.allocate(bytes);
        ops.allocIn(config, address, bytes);
        UnsafeApi.putInt(address + AgronaStoreDescriptor.VERSION_OFFSET, 9);
        assertEquals("layout version: 9 (expected: 1)",
            assertThrows(IllegalArgumentException.class, () -> ops.attach(config, address, bytes)).getMessage());
        UnsafeApi.putInt(address + AgronaStoreDescriptor.VERSION_OFFSET, AgronaStoreDescriptor.LAYOUT_VERSION);
        UnsafeApi.putInt(address + AgronaStoreDescriptor.SLOT_COUNT_OFFSET, 128);
        assertEquals("slot count: 128 (expected: 64)",
            assertThrows(IllegalArgumentException.class, () -> ops.attach(config, address, bytes)).getMessage());
        UnsafeApi.putInt(address + AgronaStoreDescriptor.SLOT_COUNT_OFFSET, 64);
        UnsafeApi.putInt(address + AgronaStoreDescriptor.CAPACITY_OFFSET, 0);
        assertThrows(IllegalArgumentException.class, () -> ops.attach(config, address, bytes));
    }

    @Test
    void allocInOverAnOldStoreStartsEmpty() {
        final OpsConfig config = OpsConfig.of("pool", 16);
        final AgronaMpMcOps ops = new AgronaMpMcOps();
        final long bytes = ops.memzoneBytes(config);
        final long address = regions.allocate(bytes);
        final ManyToManyOffHeapLongStore old = ops.allocIn(config, address, bytes);
        assertTrue(ops.enqueue(old, new long[] {1, 2, 3, 4, 5}, 0, 5));
        assertTrue(ops.dequeue(old, new long[2], 0, 2));
        final ManyToManyOffHeapLongStore fresh = ops.allocIn(config, address, bytes);
        assertEquals(0, ops.count(fresh));
        assertFalse(ops.dequeue(fresh, new long[1], 0, 1));
        final long[] all = new long[16];
        for (int i = 0; i < 16; i++) {
            all[i] = 64L * (i + 1);
        }
        assertTrue(ops.enqueue(fresh, all, 0, 16), "the full capacity, however the old store's indices stood");
        final long[] out = new long[16];
        assertTrue(ops.dequeue(fresh, out, 0, 16));
        assertArrayEquals(all, out);
    }
}
