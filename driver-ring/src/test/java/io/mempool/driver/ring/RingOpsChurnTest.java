package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pool's use of the multi-thread stores: every handle of a full pool circulates through eight threads
 * on two cores, and a put of the pool's own handles is never refused (bounded to ~0.5 s each).
 */
class RingOpsChurnTest {
    private static final int CAPACITY = 100;
    private static final long MILLIS = 500;

    static Stream<Arguments> multiThreadOps() {
        return Stream.of(
            Arguments.of(new RingMpMcOps(), Map.of()),
            Arguments.of(new RingMtRtsOps(), Map.of()),
            Arguments.of(new RingMtRtsOps(), Map.of(RingMtRtsOps.HTD_MAX, String.valueOf(CAPACITY))),
            Arguments.of(new RingMtHtsOps(), Map.of()));
    }

    @ParameterizedTest
    @MethodSource("multiThreadOps")
    void putsOfThePoolsOwnHandlesAreNeverRefused(final MempoolOps<LongRing> ops, final Map<String, String> params)
        throws InterruptedException {
        final LongRing store = ops.alloc(new OpsConfig("churn", CAPACITY, Set.of(), params));
        final long[] all = new long[CAPACITY];
        for (int i = 0; i < CAPACITY; i++) {
            all[i] = 64L * (i + 1);
        }
        assertTrue(ops.enqueue(store, all, 0, CAPACITY));
        final AtomicIntegerArray held = new AtomicIntegerArray(CAPACITY);
        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MILLIS);
        final List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            final SplittableRandom random = new SplittableRandom(t);
            final Thread thread = new Thread(() -> {
                try {
                    final long[] table = new long[CAPACITY];
                    while (System.nanoTime() < deadline) {
                        // mostly small requests, now and then one that takes half the pool
                        final int n = random.nextInt(16) == 0 ? CAPACITY / 2 : 1 + random.nextInt(32);
                        if (!ops.dequeue(store, table, 0, n)) {
                            Thread.yield(); // the others hold the handles for now
                            continue;
                        }
                        for (int i = 0; i < n; i++) {
                            assertEquals(0, held.getAndSet(index(table[i]), 1), "handed out twice");
                        }
                        for (int i = 0; i < n; i++) {
                            held.set(index(table[i]), 0); // before the put: once in the store another may take it
                        }
                        assertTrue(ops.enqueue(store, table, 0, n), "a put of the pool's own handles was refused");
                    }
                } catch (final Throwable ex) {
                    failures.add(ex);
                }
            }, "churn-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (final Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(thread.isAlive(), thread.getName() + " did not finish");
        }
        final Throwable first = failures.poll();
        if (first != null) {
            failures.forEach(first::addSuppressed);
            throw new AssertionError(first);
        }
        assertEquals(CAPACITY, ops.count(store));
        final long[] out = new long[CAPACITY];
        assertTrue(ops.dequeue(store, out, 0, CAPACITY));
        final BitSet present = new BitSet();
        for (final long handle : out) {
            present.set(index(handle));
        }
        assertEquals(CAPACITY, present.cardinality(), "every handle exactly once");
        assertEquals(0, ops.count(store));
    }

    private static int index(final long handle) {
        assertTrue(handle > 0 && handle % 64 == 0 && handle <= 64L * CAPACITY, () -> "foreign handle " + handle);
        return (int) (handle / 64 - 1);
    }
}
