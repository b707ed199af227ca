package io.mempool.driver.agrona;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OneToOneOffHeapLongStoreTest extends OffHeapLongStoreContractTest {
    private static final int MAX_BULK = 32;
    private static final long RUN_MILLIS = 500;
    private static final long MAX_HANDLES = 50_000_000L;
    /** Not yet known: the producer has not finished. */
    private static final long UNKNOWN = Long.MAX_VALUE;

    @Override
    OffHeapLongStore create(final int capacity) {
        return new OneToOneOffHeapLongStore(capacity);
    }

    /**
     * One producer moves the handles 1, 2, 3, ... in bulks of random size for a bounded time; one consumer
     * takes bulks of random size and must see every handle exactly once, in order.
     */
    @ParameterizedTest
    @ValueSource(ints = {50, 1000})
    void oneProducerAndOneConsumerMoveEveryHandleOnceInOrder(final int capacity) throws InterruptedException {
        final OffHeapLongStore store = store(capacity);
        final int maxBulk = Math.min(MAX_BULK, capacity);
        final AtomicLong produced = new AtomicLong(UNKNOWN);
        final AtomicLong consumed = new AtomicLong();
        final long deadline = System.nanoTime() + RUN_MILLIS * 1_000_000L;
        final Runnable producer = () -> {
            final SplittableRandom random = new SplittableRandom(1);
            final long[] table = new long[MAX_BULK];
            long next = 1;
            while (next < MAX_HANDLES && System.nanoTime() < deadline) {
                final int n = random.nextInt(maxBulk) + 1;
                for (int i = 0; i < n; i++) {
                    table[i] = next + i;
                }
                if (store.enqueue(table, 0, n)) {
                    next += n;
                } else {
                    Thread.yield(); // full: let the consumer run
                }
            }
            produced.set(next - 1);
        };
        final Runnable consumer = () -> {
            final SplittableRandom random = new SplittableRandom(2);
            final long[] table = new long[MAX_BULK];
            long expected = 1;
            while (expected <= produced.get()) {
                final long left = produced.get() - expected + 1;
                final int n = (int) Math.min(random.nextInt(maxBulk) + 1, left);
                Arrays.fill(table, SENTINEL);
                if (store.dequeue(table, 0, n)) {
                    for (int i = 0; i < n; i++) {
                        assertEquals(expected++, table[i], "FIFO, each handle once");
                    }
                } else {
                    for (final long slot : table) {
                        assertEquals(SENTINEL, slot, "a failed dequeue wrote the table");
                    }
                    Thread.yield(); // too few: let the producer run
                }
            }
            consumed.set(expected - 1);
        };
        runAll(RUN_MILLIS + 5_000, producer, consumer);

        assertTrue(produced.get() > 0, "the producer moved handles");
        assertEquals(produced.get(), consumed.get());
        assertEquals(0, store.count());
    }
}
