package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.driver.ring.LongRing.SyncMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DPDK test_ring's creation checks: sizes, exact size, the 0x7fffffff limit, and htdMax. */
class LongRingBuilderTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 3, 6, 1000, (1 << 30) + 1, 0x7fffffff, Integer.MIN_VALUE})
    void rejectsCountThatIsNotAPowerOfTwoInRange(final int count) {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> LongRing.builder(count).build());
        assertTrue(ex.getMessage().startsWith("count: " + count + " (expected: "), ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1 << 30, 0x7fffffff, Integer.MIN_VALUE})
    void rejectsExactCountOutOfRange(final int count) {
        assertThrows(IllegalArgumentException.class, () -> LongRing.builder(count).exactSize(true).build());
    }

    @Test
    void standardRingHasCapacityOneBelowItsSlots() {
        final LongRing ring = LongRing.builder(1024).build();
        assertEquals(1024, ring.slots());
        assertEquals(1023, ring.capacity());
        assertEquals(SyncMode.MULTI, ring.producerSync());
        assertEquals(SyncMode.MULTI, ring.consumerSync());
    }

    @Test
    void oneSlotRingHasNoRoomAsInDpdk() {
        final LongRing ring = LongRing.builder(1).build();
        assertEquals(0, ring.capacity());
        assertEquals(0, ring.enqueueBurst(new long[] {7}, 0, 1));
        assertTrue(ring.isEmpty());
        assertTrue(ring.isFull());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 8, 100, 1023, 1024})
    void exactSizeRingHasPow2OfCountPlusOneSlots(final int count) {
        final LongRing ring = LongRing.builder(count).exactSize(true).build();
        assertEquals(count, ring.capacity());
        assertEquals(Integer.highestOneBit(count) << 1, ring.slots());
        assertTrue(ring.slots() > count);
    }

    @Test
    void rejectsNullModes() {
        assertThrows(IllegalArgumentException.class, () -> LongRing.builder(8).producer(null));
        assertThrows(IllegalArgumentException.class, () -> LongRing.builder(8).consumer(null));
    }

    @Test
    void htdMaxNeedsAnRtsSideAndARangeWithinCapacity() {
        assertThrows(IllegalArgumentException.class, () -> LongRing.builder(16).htdMax(-1));
        assertThrows(IllegalArgumentException.class, () -> LongRing.builder(16).htdMax(2).build());
        assertThrows(IllegalArgumentException.class,
            () -> LongRing.builder(16).producer(SyncMode.RTS).htdMax(16).build());
        assertEquals(15, LongRing.builder(16).consumer(SyncMode.RTS).htdMax(15).build().capacity());
        assertEquals(SyncMode.RTS, LongRing.builder(16).producer(SyncMode.RTS).htdMax(0).build().producerSync());
    }

    @Test
    void buildMakesIndependentRings() {
        final LongRingBuilder builder = LongRing.builder(8).producer(SyncMode.SINGLE);
        final LongRing first = builder.build();
        final LongRing second = builder.build();
        assertEquals(1, first.enqueueBulk(new long[] {1}, 0, 1));
        assertEquals(0, second.count());
        assertEquals(SyncMode.SINGLE, second.producerSync());
    }
}
