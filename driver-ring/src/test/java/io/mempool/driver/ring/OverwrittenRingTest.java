package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.OffHeapRegion;
import io.mempool.driver.ring.LongRing.SyncMode;
import io.mempool.testkit.MemzoneRegions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A ring in shared memory whose words another process overwrote: words that contradict each other make
 * calls throw at once, naming them, and never hand out more than the ring holds; a side stopped inside an
 * operation (a predecessor that never publishes) makes a call give up after the stall time (300 ms in
 * this module's tests) and every later call of that side give up at once while the side stays stopped.
 */
class OverwrittenRingTest {
    private static final int CAPACITY = 63;

    private final MemzoneRegions regions = new MemzoneRegions();

    @AfterEach
    void freeRegions() {
        regions.close();
    }

    private LongRing filled(final OffHeapRegion region, final SyncMode producer, final SyncMode consumer) {
        final LongRing ring = LongRing.builder(CAPACITY + 1).producer(producer).consumer(consumer).createIn(region);
        final long[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(10, ring.enqueueBurst(ten, 0, 10));
        return ring;
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void aProducerTailFarBeyondTheConsumerHeadMakesDequeuesThrow(final SyncMode producer, final SyncMode consumer) {
        final OffHeapRegion region = regions.region(LongRing.builder(CAPACITY + 1).bytes());
        final LongRing ring = filled(region, producer, consumer);
        final int far = 10 + 1000;
        region.putLong(LongRingDescriptor.PRODUCER_TAIL_OFFSET, (long) far << 32 | far);
        final long[] into = new long[32];
        for (final int n : new int[] {1, 32}) {
            final String message = assertThrows(IllegalStateException.class, () -> ring.dequeueBurst(into, 0, n)).getMessage();
            assertTrue(message.contains("inconsistent indices") && message.contains("producer tail " + far), message);
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void aConsumerTailBeyondTheProducerHeadMakesEnqueuesThrow(final SyncMode producer, final SyncMode consumer) {
        final OffHeapRegion region = regions.region(LongRing.builder(CAPACITY + 1).bytes());
        final LongRing ring = filled(region, producer, consumer);
        final int beyond = 10 + 5;
        region.putLong(LongRingDescriptor.CONSUMER_TAIL_OFFSET, (long) beyond << 32 | beyond);
        final String message = assertThrows(IllegalStateException.class, () -> ring.enqueueBurst(new long[] {11}, 0, 1))
            .getMessage();
        assertTrue(message.contains("inconsistent indices") && message.contains("consumer tail " + beyond), message);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void aStoppedConsumerSideGivesUpThenFailsFastUntilItMoves(final SyncMode producer, final SyncMode consumer) {
        final OffHeapRegion region = regions.region(LongRing.builder(CAPACITY + 1).bytes());
        final LongRing ring = filled(region, producer, consumer);
        final long[] into = new long[2];
        if (consumer == SyncMode.SINGLE) {
            assertEquals(2, ring.dequeueBurst(into, 0, 2), "a single consumer waits for nobody");
            return;
        }
        // an operation of the consumer side reserved index 0 and never published: the head is one ahead
        if (consumer == SyncMode.HTS) {
            region.putLong(LongRingDescriptor.CONSUMER_TAIL_OFFSET, 1L << 32);
        } else {
            region.putLong(LongRingDescriptor.CONSUMER_HEAD_OFFSET, consumer == SyncMode.RTS ? 1L << 32 | 1 : 1);
        }
        // RTS lets up to htdMax operations pass the stopped one before new ones wait
        String first = null;
        for (int i = 0; i < CAPACITY && first == null; i++) {
            try {
                ring.dequeueBurst(into, 0, 1);
            } catch (final IllegalStateException stopped) {
                first = stopped.getMessage();
            }
        }
        assertTrue(first != null && first.contains("consumer side stopped") && first.contains("given up on after"), first);
        final String second = assertThrows(IllegalStateException.class, () -> ring.dequeueBurst(into, 0, 1)).getMessage();
        assertTrue(second.contains("given up on by an earlier call"), second);
        assertEquals(10, ring.enqueueBurst(new long[10], 0, 10), "the producer side still works");
    }
}
