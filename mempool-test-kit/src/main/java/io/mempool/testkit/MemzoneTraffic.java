package io.mempool.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static io.mempool.testkit.StoreTables.drain;
import static io.mempool.testkit.StoreTables.sorted;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Getters and putters on two views of one store in a memzone, for {@code optional_memzone_viewsWorkConcurrently}:
 * getters dequeue random bulks, mark each handle as out (failing if it already is), and hand them over a
 * {@link HandOff} to putters, which unmark and enqueue them through the other view. A store promising a
 * single producer or consumer gets exactly one thread on that side, whatever view it uses. Bounded by the
 * kit's concurrency budget.
 */
final class MemzoneTraffic {
    /** The store's capacity; half of it circulates, so a put never lacks room. */
    static final int HANDLES = 1024;
    private static final int MAX_BULK = 32;
    private static final long HARD_STOP_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final MempoolOpsConformance kit;
    private final RawStore<?> first;
    private final RawStore<?> second;
    private final long[] handles;
    private final Map<Long, Integer> indexOf = new HashMap<>();
    private final AtomicIntegerArray out;
    private final HandOff handOff = new HandOff(HANDLES);
    private final AtomicInteger gettersRunning = new AtomicInteger();

    MemzoneTraffic(final MempoolOpsConformance kit, final RawStore<?> first, final RawStore<?> second) {
        this.kit = kit;
        this.first = first;
        this.second = second;
        this.handles = kit.handles(HANDLES / 2);
        this.out = new AtomicIntegerArray(handles.length);
        for (int i = 0; i < handles.length; i++) {
            indexOf.put(handles[i], i);
        }
        assertTrue(first.enqueue(handles, 0, handles.length), "enqueue of " + handles.length + " handles");
    }

    /** Runs the threads for the kit's budget and rethrows the first failure. */
    void run(final String name) throws InterruptedException {
        final Duration budget = kit.concurrencyBudget();
        final long deadline = System.nanoTime() + budget.toNanos();
        final long hardStop = deadline + HARD_STOP_NANOS;
        final Workers workers = new Workers(name + "-memzone");
        final int getters = kit.singleConsumerOnly() ? 1 : 2;
        final int putters = kit.singleProducerOnly() ? 1 : 2;
        gettersRunning.set(getters);
        for (int i = 0; i < getters; i++) {
            final RawStore<?> view = i % 2 == 0 ? second : first;
            workers.add("getter", () -> getter(view, workers, deadline, hardStop));
        }
        for (int i = 0; i < putters; i++) {
            final RawStore<?> view = i % 2 == 0 ? first : second;
            workers.add("putter", () -> putter(view, workers, hardStop));
        }
        workers.runAll(budget);
    }

    private void getter(final RawStore<?> view, final Workers workers, final long deadline, final long hardStop) {
        final long[] buf = new long[MAX_BULK];
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (System.nanoTime() < deadline && !workers.failed()) {
                final int n = 1 + random.nextInt(MAX_BULK);
                if (!view.dequeue(buf, 0, n)) {
                    Thread.yield(); // the putters hold the handles for now
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    final Integer index = indexOf.get(buf[i]);
                    if (index == null || !out.compareAndSet(index, 0, 1)) {
                        throw new AssertionError("0x" + Long.toHexString(buf[i]) + (index == null
                            ? " was never enqueued" : " was handed out while it was already out"));
                    }
                }
                while (!handOff.offer(buf, 0, n)) {
                    assertTrue(System.nanoTime() < hardStop, "the hand-off stayed full");
                    Thread.yield(); // the putters drain it
                }
            }
        } finally {
            gettersRunning.decrementAndGet(); // after the last offer: putters may stop once it is drained
        }
    }

    private void putter(final RawStore<?> view, final Workers workers, final long hardStop) {
        final long[] buf = new long[MAX_BULK];
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!workers.failed()) {
            final int n = handOff.poll(buf, 0, 1 + random.nextInt(MAX_BULK));
            if (n > 0) {
                for (int i = 0; i < n; i++) {
                    out.set(indexOf.get(buf[i]), 0); // before the put: once in the store another may take it
                }
                assertTrue(view.enqueue(buf, 0, n), "enqueue of " + n + " refused with at most half the store full");
            } else if (gettersRunning.get() == 0 && handOff.isEmpty()) {
                return;
            } else {
                assertTrue(System.nanoTime() < hardStop, "the getters kept running");
                Thread.yield(); // nothing handed over yet
            }
        }
    }

    /** Every handle is in the store exactly once, taken through {@code view}. */
    void assertEveryHandleOnce(final RawStore<?> view) {
        assertEquals(handles.length, view.count(), "count once the threads stopped");
        assertArrayEquals(sorted(handles, 0, handles.length), drain(view), "every handle exactly once");
    }
}
