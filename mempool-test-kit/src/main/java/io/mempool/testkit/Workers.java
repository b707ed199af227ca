package io.mempool.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Worker threads of one concurrency rule: started together, each stopped by its own deadline check,
 * joined with a hard limit, their failures collected and rethrown in the test thread. Each worker
 * waits, after its loop, until every worker has finished its loop, so no thread terminates (and has
 * its default cache reclaimed by another) while the others still use the pool.
 */
final class Workers {
    /** What one worker does until it decides to stop. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private static final long JOIN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final String name;
    private final List<String> roles = new ArrayList<>();
    private final List<Body> bodies = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

    Workers(final String name) {
        this.name = name;
    }

    void add(final String role, final Body body) {
        roles.add(role);
        bodies.add(body);
    }

    /** True once any worker failed: loops poll it to stop early. */
    boolean failed() {
        return !errors.isEmpty();
    }

    /**
     * Runs every body on its own platform thread and waits for all.
     *
     * @param budget how long the bodies are meant to run; the join allows that plus a grace period.
     * @throws AssertionError with the first failure (others suppressed), or if a worker hangs.
     */
    void runAll(final Duration budget) throws InterruptedException {
        final List<Thread> threads = new ArrayList<>();
        final CountDownLatch start = new CountDownLatch(1);
        final CountDownLatch loopsDone = new CountDownLatch(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            final Body body = bodies.get(i);
            final Thread t = new Thread(() -> {
                try {
                    start.await();
                    body.run();
                } catch (final Throwable ex) {
                    errors.add(ex);
                } finally {
                    loopsDone.countDown();
                }
                try {
                    loopsDone.await(JOIN_GRACE_NANOS, TimeUnit.NANOSECONDS);
                } catch (final InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }, name + "-" + roles.get(i) + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        start.countDown();
        final long limit = System.nanoTime() + budget.toNanos() + JOIN_GRACE_NANOS;
        for (final Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(limit - System.nanoTime())));
            if (t.isAlive()) {
                for (final Thread other : threads) {
                    other.interrupt();
                }
                errors.add(new AssertionError(t.getName() + " did not stop within the budget "
                    + budget.toMillis() + " ms + " + TimeUnit.NANOSECONDS.toSeconds(JOIN_GRACE_NANOS) + " s"));
                break;
            }
        }
        rethrow();
    }

    private void rethrow() {
        final Throwable first = errors.peek();
        if (first == null) {
            return;
        }
        final AssertionError error = new AssertionError(
            name + ": " + errors.size() + " worker failure(s); first: " + first, first);
        errors.stream().skip(1).forEach(error::addSuppressed);
        throw error;
    }
}
