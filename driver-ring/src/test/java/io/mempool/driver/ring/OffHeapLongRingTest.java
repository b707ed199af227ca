package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.OffHeapRegion;
import io.mempool.driver.ring.LongRing.SyncMode;
import io.mempool.testkit.MemzoneRegions;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DPDK test_ring's single-thread checks on off-heap rings, each made by {@code createIn} in a region of
 * exactly {@code bytes()} bytes and used through a second view from {@code attach}; then what only an
 * off-heap ring has: views, the header's checks, and hostile addresses and lengths.
 */
class OffHeapLongRingTest extends LongRingTest {
    private final MemzoneRegions regions = new MemzoneRegions();

    @AfterEach
    void freeRegions() {
        regions.close();
    }

    @Override
    LongRing make(final LongRingBuilder builder) {
        final OffHeapRegion region = regions.region(builder.bytes());
        builder.createIn(region);
        return LongRing.attach(region);
    }

    private static int getInt(final long address) {
        return OffHeapRegion.containing(address, Integer.BYTES).getInt(0);
    }

    private static long getLong(final long address) {
        return OffHeapRegion.containing(address, Long.BYTES).getLong(0);
    }

    private static void putInt(final long address, final int value) {
        OffHeapRegion.containing(address, Integer.BYTES).putInt(0, value);
    }

    @Test
    void addressFormsFindTheMemzoneAndRefuseMemoryOutsideAny() {
        final long length = LongRing.bytesFor(5);
        final long address = regions.allocate(length);
        LongRing.createIn(address, length, 5).enqueueBulk(new long[] {7}, 0, 1);
        assertEquals(1, LongRing.attach(address, length).count(), "the address forms reach the same ring");
        final String message = assertThrows(IllegalArgumentException.class,
            () -> LongRing.attach(0x7f00_0000_0000L, length)).getMessage();
        assertTrue(message.startsWith("range: [0x7f0000000000, +" + length + ") (expected: inside a live memzone"), message);
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void viewsShareHandlesAndKeepTheCreatorsConfig(final SyncMode producer, final SyncMode consumer) {
        final LongRingBuilder builder = LongRing.builder(100).exactSize(true).producer(producer).consumer(consumer);
        final long address = regions.allocate(builder.bytes());
        final LongRing creator = builder.createIn(address, builder.bytes());
        final LongRing view = LongRing.attach(address, builder.bytes());
        assertEquals(producer, view.producerSync());
        assertEquals(consumer, view.consumerSync());
        assertEquals(100, view.capacity());
        assertEquals(128, view.slots());
        assertEquals(30, creator.enqueueBulk(new long[30], 0, 30));
        final long[] in = {11, 12, 13};
        assertEquals(3, view.enqueueBulk(in, 0, 3));
        assertEquals(33, creator.count());
        final long[] out = new long[33];
        assertEquals(33, creator.dequeueBulk(out, 0, 33));
        assertArrayEquals(in, Arrays.copyOfRange(out, 30, 33), "FIFO across views");
        assertEquals(0, view.count());
        assertTrue(view.toString().contains("off-heap at 0x" + Long.toHexString(address)), view.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 7, 1000, 1023, 1024})
    void bytesForIsTheHeaderAndPow2OfCapacityPlusOneSlots(final int capacity) {
        final long slots = capacity == 0 ? 1 : Integer.highestOneBit(capacity) << 1; // pow2(capacity + 1)
        assertEquals(LongRingDescriptor.HEADER_LENGTH + 8 * slots, LongRing.bytesFor(capacity));
        if (capacity > 0) {
            assertEquals(LongRing.bytesFor(capacity), LongRing.builder(capacity).exactSize(true).bytes());
        }
        assertEquals(LongRing.bytesFor(capacity), LongRing.builder((int) slots).bytes());
    }

    @Test
    void bytesForRejectsCapacitiesOutOfRange() {
        assertEquals("capacity: -1 (expected: 0.." + LongRing.MAX_EXACT_CAPACITY + ")",
            assertThrows(IllegalArgumentException.class, () -> LongRing.bytesFor(-1)).getMessage());
        assertEquals(LongRingDescriptor.HEADER_LENGTH + 8L * LongRing.MAX_SLOTS, LongRing.bytesFor(LongRing.MAX_EXACT_CAPACITY));
    }

    @Test
    void staticCreateInMakesAnExactMultiRing() {
        final long length = LongRing.bytesFor(5);
        final LongRing ring = LongRing.createIn(regions.allocate(length), length, 5);
        assertEquals(5, ring.capacity());
        assertEquals(SyncMode.MULTI, ring.producerSync());
        assertEquals(SyncMode.MULTI, ring.consumerSync());
        assertEquals(5, ring.enqueueBurst(new long[8], 0, 8), "holds exactly 5");
    }

    @Test
    void createInRefusesABadAddressOrAShortLengthAndWritesNothing() {
        final LongRingBuilder builder = LongRing.builder(64);
        final long length = builder.bytes();
        final long address = regions.allocate(length);
        assertEquals("address: 0x0 (expected: non-zero and 8-byte aligned)",
            assertThrows(IllegalArgumentException.class, () -> builder.createIn(0, length)).getMessage());
        assertEquals("address: 0x" + Long.toHexString(address + 4) + " (expected: non-zero and 8-byte aligned)",
            assertThrows(IllegalArgumentException.class, () -> builder.createIn(address + 4, length)).getMessage());
        assertEquals("length: " + (length - 1) + " (expected: >= " + length + ", LongRingDescriptor.bytesFor(64 slots))",
            assertThrows(IllegalArgumentException.class, () -> builder.createIn(address, length - 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LongRing.createIn(address, length, 0));
        for (long at = address; at < address + length; at += 8) {
            assertEquals(0L, getLong(at), "byte " + (at - address) + " written by a refused createIn");
        }
    }

    @Test
    void attachRefusesZeroedMemory() {
        final long length = LongRing.bytesFor(63);
        final long address = regions.allocate(length);
        assertEquals("magic: 0x0 (expected: 0x4a4d5052494e4701, a LongRing made by createIn)",
            assertThrows(IllegalArgumentException.class, () -> LongRing.attach(address, length)).getMessage());
    }

    @Test
    void attachRefusesGarbage() {
        final long length = LongRing.bytesFor(63);
        final long address = regions.allocate(length);
        final SplittableRandom random = new SplittableRandom(7);
        final OffHeapRegion region = OffHeapRegion.containing(address, length);
        for (long at = 0; at < length; at += 8) {
            region.putLong(at, random.nextLong());
        }
        final String message = assertThrows(IllegalArgumentException.class, () -> LongRing.attach(address, length))
            .getMessage();
        assertTrue(message.startsWith("magic: 0x" + Long.toHexString(getLong(address))), message);
    }

    @Test
    void attachRefusesABadAddressOrALengthShortOfTheHeaderOrTheSlots() {
        final LongRingBuilder builder = LongRing.builder(64);
        final long length = builder.bytes();
        final long address = regions.allocate(length);
        builder.createIn(address, length);
        assertThrows(IllegalArgumentException.class, () -> LongRing.attach(0, length));
        assertThrows(IllegalArgumentException.class, () -> LongRing.attach(address + 1, length));
        assertEquals("length: 0 (expected: >= 384, a LongRing's header)",
            assertThrows(IllegalArgumentException.class, () -> LongRing.attach(address, 0)).getMessage());
        assertEquals("length: " + (length - 8) + " (expected: >= " + length + ", 64 slots)",
            assertThrows(IllegalArgumentException.class, () -> LongRing.attach(address, length - 8)).getMessage());
    }

    /** Each header field, corrupted alone in a valid ring, is refused with its name and both values. */
    @Test
    void attachChecksEveryHeaderField() {
        final LongRingBuilder builder = LongRing.builder(64).producer(SyncMode.RTS).consumer(SyncMode.RTS).htdMax(8);
        final long length = builder.bytes();
        final long address = regions.allocate(length);
        builder.createIn(address, length);
        assertCorrupt(address, length, LongRingDescriptor.VERSION_OFFSET, 2, "layout version: 2 (expected: 1)");
        assertCorrupt(address, length, LongRingDescriptor.SLOTS_OFFSET, 48, "slots: 48 (expected: a power of two in 1..1073741824)");
        assertCorrupt(address, length, LongRingDescriptor.SLOTS_OFFSET, 0, "slots: 0 (expected: a power of two in 1..1073741824)");
        assertCorrupt(address, length, LongRingDescriptor.SLOTS_OFFSET, 128, "length: " + length + " (expected: >= "
            + LongRingDescriptor.bytesFor(128) + ", 128 slots)");
        assertCorrupt(address, length, LongRingDescriptor.CAPACITY_OFFSET, 64, "capacity: 64 (expected: 0..63)");
        assertCorrupt(address, length, LongRingDescriptor.PRODUCER_SYNC_OFFSET, 0,
            "producer sync: 0 (expected: 1..4, the code of SINGLE, MULTI, RTS or HTS)");
        assertCorrupt(address, length, LongRingDescriptor.CONSUMER_SYNC_OFFSET, 9,
            "consumer sync: 9 (expected: 1..4, the code of SINGLE, MULTI, RTS or HTS)");
        assertCorrupt(address, length, LongRingDescriptor.PRODUCER_HTD_MAX_OFFSET, 64, "producer htd max: 64 (expected: 0..63)");
        assertCorrupt(address, length, LongRingDescriptor.CONSUMER_HTD_MAX_OFFSET, 9,
            "consumer htd max: 9 (expected: 8, the producer's: one bound for both RTS sides)");
        assertEquals(8, getInt(address + LongRingDescriptor.PRODUCER_HTD_MAX_OFFSET), "every field restored");
        assertEquals(SyncMode.RTS, LongRing.attach(address, length).producerSync());
    }

    private static void assertCorrupt(final long address, final long length, final int offset, final int value,
                                      final String message) {
        final int saved = getInt(address + offset);
        putInt(address + offset, value);
        try {
            assertEquals(message, assertThrows(IllegalArgumentException.class, () -> LongRing.attach(address, length))
                .getMessage());
        } finally {
            putInt(address + offset, saved);
        }
    }

    @Test
    void aNonRtsSideMustHaveNoHtdMax() {
        final LongRingBuilder builder = LongRing.builder(64);
        final long length = builder.bytes();
        final long address = regions.allocate(length);
        builder.createIn(address, length);
        assertCorrupt(address, length, LongRingDescriptor.CONSUMER_HTD_MAX_OFFSET, 1, "consumer htd max: 1 (expected: 0..0)");
    }
}
