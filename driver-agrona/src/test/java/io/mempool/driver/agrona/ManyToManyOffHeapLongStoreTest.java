package io.mempool.driver.agrona;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManyToManyOffHeapLongStoreTest extends OffHeapLongStoreContractTest {
    private static final int THREADS = 8;
    private static final int MAX_BULK = 32;
    private static final long RUN_MILLIS = 600;
    private static final int MAX_ROUNDS_PER_THREAD = 2_000_000;

    @Override
    OffHeapLongStore create(final int capacity) {
        return new ManyToManyOffHeapLongStore(capacity);
    }

    /**
     * Eight threads on two cores take and put back bulks of 1..32 handles for a bounded time; a store exactly
     * as big as the handle set (64: slots as many as handles, so producers meet consumers on the same slots;
     * 1000: a capacity that is no power of two) must then hold every handle exactly once.
     */
    @ParameterizedTest
    @ValueSource(ints = {64, 1000})
    void bulkGetsAndPutsFromEightThreadsConserveEveryHandle(final int handles) throws InterruptedException {
        final OffHeapLongStore store = store(handles);
        assertTrue(store.enqueue(sequence(1, handles), 0, handles));
        final LongAdder taken = new LongAdder();
        final long deadline = System.nanoTime() + RUN_MILLIS * 1_000_000L;
        final Runnable[] workers = new Runnable[THREADS];
        for (int t = 0; t < THREADS; t++) {
            final long seed = t;
            workers[t] = () -> {
                final SplittableRandom random = new SplittableRandom(seed);
                final long[] table = new long[MAX_BULK];
                for (int round = 0; round < MAX_ROUNDS_PER_THREAD && System.nanoTime() < deadline; round++) {
                    final int n = random.nextInt(MAX_BULK) + 1;
                    Arrays.fill(table, SENTINEL);
                    if (!store.dequeue(table, 0, n)) {
                        for (final long slot : table) {
                            assertEquals(SENTINEL, slot, "a failed dequeue wrote the table");
                        }
                        Thread.yield();
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        assertTrue(table[i] >= 1 && table[i] <= handles, "not a handle: " + table[i]);
                    }
                    taken.add(n);
                    // room is certain: the store was sized for every handle and this thread holds n of them
                    assertTrue(store.enqueue(table, 0, n), "a put of held handles found no room");
                }
            };
        }
        runAll(RUN_MILLIS + 5_000, workers);

        assertTrue(taken.sum() > 0, "the workers moved handles");
        assertEquals(handles, store.count());
        final long[] all = new long[handles];
        assertTrue(store.dequeue(all, 0, handles));
        Arrays.sort(all);
        assertEquals(Arrays.toString(sequence(1, handles)), Arrays.toString(all), "each handle exactly once");
        assertEquals(0, store.count());
    }
}
