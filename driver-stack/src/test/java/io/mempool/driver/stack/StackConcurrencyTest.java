package io.mempool.driver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conservation under contention: 8 threads (on a 2-core machine) push and pop random bulks of 1..32
 * handles for about a second; afterwards every handle is in the stack exactly once. Bounded in
 * time and in iterations; never asserts on speed.
 */
class StackConcurrencyTest {
    private static final int THREADS = 8;
    private static final int HANDLES = 1024;
    private static final int MAX_BULK = 32;
    private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);
    private static final int MAX_STEPS_PER_THREAD = 2_000_000;

    static Stream<Named<IntFunction<LifoLongStore>>> stores() {
        return Stores.factories();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void everyHandleSurvivesExactlyOnce(final IntFunction<LifoLongStore> factory) throws InterruptedException {
        final LifoLongStore stack = factory.apply(HANDLES);
        assertTrue(stack.push(Stores.handles(1, HANDLES), 0, HANDLES));
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final CountDownLatch start = new CountDownLatch(1);
        final Thread[] workers = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            final long seed = 0x5eed_0000L + t;
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                    work(stack, seed);
                } catch (final Throwable ex) {
                    failures.add(ex);
                }
            }, "stack-worker-" + t);
            // daemon: a broken stack that livelocks a worker cannot keep the test JVM alive
            workers[t].setDaemon(true);
            workers[t].start();
        }
        start.countDown();
        for (final Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(worker.isAlive(), worker.getName() + " did not stop");
        }
        rethrow(failures);

        assertEquals(HANDLES, stack.count());
        final long[] all = new long[HANDLES];
        assertTrue(stack.pop(all, 0, HANDLES));
        final boolean[] seen = new boolean[HANDLES + 1];
        for (final long handle : all) {
            assertTrue(handle >= 1 && handle <= HANDLES, "foreign handle " + handle);
            assertFalse(seen[(int) handle], "handle twice: " + handle);
            seen[(int) handle] = true;
        }
        assertEquals(0, stack.count());
    }

    /**
     * One worker: holds what it popped, pushes some back. With every handle either in the stack or
     * held, free space is at least what a thread holds, so a push of held handles must never fail.
     */
    private static void work(final LifoLongStore stack, final long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final long[] held = new long[HANDLES];
        int count = 0;
        final long deadline = System.nanoTime() + RUN_NANOS;
        for (int step = 0; step < MAX_STEPS_PER_THREAD && System.nanoTime() - deadline < 0; step++) {
            final int n = 1 + rnd.nextInt(MAX_BULK);
            if (count >= n && rnd.nextBoolean()) {
                if (!stack.push(held, count - n, n)) {
                    fail("push of " + n + " held handles failed at step " + step);
                }
                count -= n;
            } else if (count + n <= held.length && stack.pop(held, count, n)) {
                for (int i = count; i < count + n; i++) {
                    if (held[i] < 1 || held[i] > HANDLES) {
                        fail("pop returned a foreign handle " + held[i] + " at step " + step);
                    }
                }
                count += n;
            }
        }
        if (count > 0 && !stack.push(held, 0, count)) {
            fail("final push of " + count + " held handles failed");
        }
    }

    private static void rethrow(final ConcurrentLinkedQueue<Throwable> failures) {
        final Throwable first = failures.poll();
        if (first != null) {
            for (final Throwable other : failures) {
                first.addSuppressed(other);
            }
            throw new AssertionError("a worker failed", first);
        }
    }
}
