package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.driver.ring.LongRing.SyncMode;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DPDK test_ring's single-thread checks, for every combination of producer and consumer sync modes, on
 * rings that {@link #make} puts on the heap or in off-heap memory.
 */
abstract class LongRingTest {
    private static final long SENTINEL = 0xDEAD_BEEFL;

    /**
     * @param builder the ring wanted.
     * @return that ring, where the subclass puts it.
     */
    abstract LongRing make(LongRingBuilder builder);

    private LongRing ring(final int count, final SyncMode producer, final SyncMode consumer) {
        return make(LongRing.builder(count).producer(producer).consumer(consumer));
    }

    private static long[] sequence(final long first, final int n) {
        final long[] table = new long[n];
        for (int i = 0; i < n; i++) {
            table[i] = first + i;
        }
        return table;
    }

    private static void assertCounts(final LongRing ring, final int expected) {
        assertEquals(expected, ring.count(), "count");
        assertEquals(ring.capacity() - expected, ring.freeCount(), "freeCount");
        assertEquals(expected == ring.capacity(), ring.isFull(), "isFull");
        assertEquals(expected == 0, ring.isEmpty(), "isEmpty");
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void fillAndEmptyCyclesKeepCountsAndOrder(final SyncMode producer, final SyncMode consumer) {
        final LongRing ring = ring(64, producer, consumer);
        long next = 1;
        long expected = 1;
        final long[] out = new long[7];
        for (int cycle = 0; cycle < 5; cycle++) {
            assertCounts(ring, 0);
            for (int filled = 0; filled < ring.capacity(); ) {
                final int n = Math.min(7, ring.capacity() - filled);
                assertEquals(n, ring.enqueueBulk(sequence(next, n), 0, n));
                next += n;
                filled += n;
                assertCounts(ring, filled);
            }
            assertEquals(0, ring.enqueueBulk(new long[] {next}, 0, 1), "a full ring takes nothing");
            for (int left = ring.capacity(); left > 0; ) {
                final int n = Math.min(7, left);
                assertEquals(n, ring.dequeueBulk(out, 0, n));
                for (int i = 0; i < n; i++) {
                    assertEquals(expected++, out[i], "FIFO order");
                }
                left -= n;
                assertCounts(ring, left);
            }
            assertEquals(0, ring.dequeueBulk(out, 0, 1), "an empty ring gives nothing");
        }
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void oversizedBulkGivesZeroAndChangesNothing(final SyncMode producer, final SyncMode consumer) {
        final LongRing ring = ring(16, producer, consumer);
        assertEquals(10, ring.enqueueBulk(sequence(100, 10), 0, 10));
        assertEquals(0, ring.enqueueBulk(sequence(200, 6), 0, 6), "only 5 free");
        assertCounts(ring, 10);
        final long[] out = new long[16];
        Arrays.fill(out, SENTINEL);
        assertEquals(0, ring.dequeueBulk(out, 0, 11), "only 10 present");
        assertTrue(Arrays.stream(out).allMatch(v -> v == SENTINEL), "a failed dequeue writes nothing");
        assertCounts(ring, 10);
        assertEquals(10, ring.dequeueBulk(out, 3, 10));
        assertArrayEquals(sequence(100, 10), Arrays.copyOfRange(out, 3, 13));
        assertCounts(ring, 0);
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void burstMovesAsManyAsPossible(final SyncMode producer, final SyncMode consumer) {
        final LongRing ring = ring(16, producer, consumer);
        assertEquals(12, ring.enqueueBurst(sequence(1, 12), 0, 12));
        assertEquals(3, ring.enqueueBurst(sequence(13, 8), 0, 8), "3 free of 15");
        assertCounts(ring, 15);
        assertEquals(0, ring.enqueueBurst(sequence(21, 4), 0, 4));
        final long[] out = new long[20];
        Arrays.fill(out, SENTINEL);
        assertEquals(15, ring.dequeueBurst(out, 2, 18));
        assertArrayEquals(sequence(1, 15), Arrays.copyOfRange(out, 2, 17));
        assertEquals(SENTINEL, out[0]);
        assertEquals(SENTINEL, out[1]);
        assertEquals(SENTINEL, out[17], "only the taken slots are written");
        assertEquals(0, ring.dequeueBurst(out, 0, 4));
        assertCounts(ring, 0);
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void exactSizeRingHoldsExactlyItsCount(final SyncMode producer, final SyncMode consumer) {
        final LongRing exact = make(LongRing.builder(16).exactSize(true).producer(producer).consumer(consumer));
        final LongRing standard = ring(16, producer, consumer);
        assertEquals(16, exact.enqueueBurst(sequence(1, 20), 0, 20));
        assertEquals(15, standard.enqueueBurst(sequence(1, 20), 0, 20));
        assertCounts(exact, 16);
        assertEquals(exact.capacity(), standard.capacity() + 1, "one more than the standard ring");
        final long[] out = new long[16];
        for (int round = 0; round < 10; round++) {
            assertEquals(16, exact.dequeueBulk(out, 0, 16));
            assertArrayEquals(sequence(1 + round * 16L, 16), out);
            assertEquals(16, exact.enqueueBulk(sequence(17 + round * 16L, 16), 0, 16), "exactly count again");
            assertEquals(0, exact.enqueueBulk(out, 0, 1));
        }
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void fifoAcrossTheWrapOfTheSlots(final SyncMode producer, final SyncMode consumer) {
        final LongRing ring = ring(8, producer, consumer);
        checkFifo(ring, new SplittableRandom(42), 20_000);
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void fifoAcrossTheWrapOfTheIndicesAt2Pow32(final SyncMode producer, final SyncMode consumer) {
        final LongRing ring = make(LongRing.builder(32).producer(producer).consumer(consumer).startIndex(-40));
        assertCounts(ring, 0);
        checkFifo(ring, new SplittableRandom(7), 5_000);
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void fifoAcrossTheSignChangeOfTheIndices(final SyncMode producer, final SyncMode consumer) {
        final LongRing ring =
            make(LongRing.builder(32).producer(producer).consumer(consumer).startIndex(Integer.MAX_VALUE - 40));
        checkFifo(ring, new SplittableRandom(9), 5_000);
    }

    /** Random bulk and burst sizes, checking order and counts; the indices pass the 2^32 or sign wrap early. */
    private static void checkFifo(final LongRing ring, final SplittableRandom random, final int rounds) {
        final long[] in = new long[ring.capacity() + 2];
        final long[] out = new long[ring.capacity() + 2];
        long next = 1;
        long expected = 1;
        int count = 0;
        for (int round = 0; round < rounds; round++) {
            final int n = random.nextInt(in.length + 1);
            if (random.nextBoolean()) {
                for (int i = 0; i < n; i++) {
                    in[i] = next + i;
                }
                final boolean bulk = random.nextBoolean();
                final int added = bulk ? ring.enqueueBulk(in, 0, n) : ring.enqueueBurst(in, 0, n);
                final int room = ring.capacity() - count;
                assertEquals(bulk ? (n <= room ? n : 0) : Math.min(n, room), added);
                next += added;
                count += added;
            } else {
                final boolean bulk = random.nextBoolean();
                final int taken = bulk ? ring.dequeueBulk(out, 0, n) : ring.dequeueBurst(out, 0, n);
                assertEquals(bulk ? (n <= count ? n : 0) : Math.min(n, count), taken);
                for (int i = 0; i < taken; i++) {
                    assertEquals(expected++, out[i], "FIFO order");
                }
                count -= taken;
            }
            assertCounts(ring, count);
        }
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void badArgumentsAreRejectedAndChangeNothing(final SyncMode producer, final SyncMode consumer) {
        final LongRing ring = ring(16, producer, consumer);
        assertEquals(4, ring.enqueueBulk(sequence(1, 4), 0, 4));
        final long[] table = new long[8];
        Arrays.fill(table, SENTINEL);
        for (final TableCall call : new TableCall[] {
            ring::enqueueBulk, ring::enqueueBurst, ring::dequeueBulk, ring::dequeueBurst}) {
            assertThrows(IllegalArgumentException.class, () -> call.apply(null, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> call.apply(table, 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> call.apply(table, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> call.apply(table, 0, 9));
            assertThrows(IndexOutOfBoundsException.class, () -> call.apply(table, 5, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> call.apply(table, 9, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> call.apply(table, Integer.MAX_VALUE, 2));
            assertEquals(0, call.apply(table, 8, 0), "n == 0 at the end of the table is fine and moves nothing");
            assertCounts(ring, 4);
            assertTrue(Arrays.stream(table).allMatch(v -> v == SENTINEL), "the table is untouched");
        }
        final long[] out = new long[4];
        assertEquals(4, ring.dequeueBulk(out, 0, 4));
        assertArrayEquals(sequence(1, 4), out);
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void zeroLengthCallsChangeNothing(final SyncMode producer, final SyncMode consumer) {
        final LongRing ring = ring(4, producer, consumer);
        assertEquals(0, ring.enqueueBulk(new long[0], 0, 0));
        assertEquals(0, ring.dequeueBurst(new long[0], 0, 0));
        assertEquals(3, ring.enqueueBulk(sequence(1, 3), 0, 3));
        assertEquals(0, ring.enqueueBurst(new long[1], 1, 0), "a full ring still accepts nothing");
        assertEquals(0, ring.dequeueBulk(new long[1], 0, 0));
        assertCounts(ring, 3);
        assertFalse(ring.toString().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#withRts")
    void serialisedRtsStillMovesEverything(final SyncMode producer, final SyncMode consumer) {
        final LongRing ring = make(LongRing.builder(16).producer(producer).consumer(consumer).htdMax(0));
        checkFifo(ring, new SplittableRandom(3), 2_000);
    }

    /** One of the four table calls, to run the same argument checks on each. */
    @FunctionalInterface
    private interface TableCall {
        int apply(long[] objs, int offset, int n);
    }
}
