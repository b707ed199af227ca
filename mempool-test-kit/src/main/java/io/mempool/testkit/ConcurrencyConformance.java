package io.mempool.testkit;

import io.mempool.core.Mempool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conservation under concurrency ({@link MempoolOpsConformanceRules.Concurrency}). Getters take random
 * bulks and hand them over a lock-guarded {@link HandOff} to putters, which put them back in other
 * random bulks; mixed threads (only for stores without single-producer/consumer promises) get and
 * put on their own. Each object's first 8 bytes are a mark: a getter sets it by CAS (failing if it is
 * already set, i.e. the object is out twice) and the putter clears it with a plain write that the
 * pool must publish to the next getter.
 */
abstract class ConcurrencyConformance extends ConformanceGroup implements MempoolOpsConformanceRules.Concurrency {
    private static final int POOL_SIZE = 4096;
    private static final int ELEMENT_SIZE = 64;
    /** How long gathering every object may take once the workers have stopped. */
    private static final Duration GATHER_LIMIT = Duration.ofSeconds(30);
    private static final int MAX_BULK = 64;
    private static final int HAND_OFF_CAPACITY = 1024;
    private static final long HARD_STOP_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** The mark in an object's first 8 bytes, through its {@code byteBuffer} view: 1 while it is out. */
    private static final VarHandle MARK = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    ConcurrencyConformance(final MempoolOpsConformance kit) {
        super(kit);
    }

    /** The shared state of one run. */
    private static final class Run {
        final Mempool mp;
        final Workers workers;
        final HandOff handOff = new HandOff(HAND_OFF_CAPACITY);
        final AtomicInteger gettersRunning = new AtomicInteger();
        final long deadline;
        final long hardStop;

        Run(final Mempool mp, final Workers workers, final Duration budget) {
            this.mp = mp;
            this.workers = workers;
            this.deadline = System.nanoTime() + budget.toNanos();
            this.hardStop = deadline + HARD_STOP_NANOS;
        }

        boolean running() {
            return System.nanoTime() < deadline && !workers.failed();
        }

        void checkHardStop(final String what) {
            if (System.nanoTime() > hardStop) {
                throw new AssertionError(what + " for more than " + TimeUnit.NANOSECONDS.toSeconds(HARD_STOP_NANOS)
                    + " s after the budget");
            }
        }

        void mark(final long obj) {
            if (!MARK.compareAndSet(mp.byteBuffer(obj), 0, 0L, 1L)) { // CAS: two threads handed one object both see it
                throw new AssertionError("object " + mp.indexOf(obj) + " (0x" + Long.toHexString(obj)
                    + ") was handed out while it was already out");
            }
        }

        void unmark(final long obj) {
            MARK.set(mp.byteBuffer(obj), 0, 0L); // plain: the pool's put must happen-before the next get of obj
        }
    }

    @ParameterizedTest(name = "cache {0}")
    @ValueSource(ints = {0, 256})
    @Override
    public void required_concurrency_everyHandlePresentExactlyOnce(final int cacheSize) throws InterruptedException {
        final Mempool mp = track(builder("conc" + cacheSize).size(POOL_SIZE).elementSize(ELEMENT_SIZE)
            .cacheSize(cacheSize).create());
        final boolean singleProducer = kit.singleProducerOnly();
        final boolean singleConsumer = kit.singleConsumerOnly();
        final int getters = singleConsumer ? 1 : 2;
        final int putters = singleProducer ? 1 : 2;
        final int mixed = singleProducer || singleConsumer ? 0 : 1;
        final Duration budget = kit.concurrencyBudget();
        final Workers workers = new Workers(opsName() + "-cache" + cacheSize);
        final Run run = new Run(mp, workers, budget);
        run.gettersRunning.set(getters);
        for (int i = 0; i < getters; i++) {
            workers.add("getter", () -> getter(run));
        }
        for (int i = 0; i < putters; i++) {
            workers.add("putter", () -> putter(run));
        }
        for (int i = 0; i < mixed; i++) {
            workers.add("mixed", () -> mixed(run));
        }
        workers.runAll(budget);
        assertEquals(POOL_SIZE, mp.availCount(), "availCount once the workers stopped");
        // bounded too: a store whose count over-reports could make a get spin forever
        assertTimeoutPreemptively(GATHER_LIMIT, () -> gatherAndCheck(mp), "gathering every object after the run");
    }

    /** Gets a bulk of random size and marks each object as out; 0 if the get failed. */
    private static int takeMarked(final Run run, final long[] buf, final ThreadLocalRandom random) {
        final int n = 1 + random.nextInt(MAX_BULK);
        if (!run.mp.getBulk(buf, 0, n)) {
            Thread.yield(); // the other threads hold the objects for now
            return 0;
        }
        for (int i = 0; i < n; i++) {
            run.mark(buf[i]);
        }
        return n;
    }

    private static void getter(final Run run) {
        final long[] buf = new long[MAX_BULK];
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (run.running()) {
                final int n = takeMarked(run, buf, random);
                if (n == 0) {
                    continue;
                }
                while (!run.handOff.offer(buf, 0, n)) {
                    run.checkHardStop("the hand-off stayed full");
                    Thread.yield(); // the putters drain it
                }
            }
        } finally {
            run.gettersRunning.decrementAndGet(); // after the last offer: putters may stop once it is drained
        }
    }

    private static void putter(final Run run) {
        final long[] buf = new long[MAX_BULK];
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!run.workers.failed()) {
            final int n = run.handOff.poll(buf, 0, 1 + random.nextInt(MAX_BULK));
            if (n > 0) {
                for (int i = 0; i < n; i++) {
                    run.unmark(buf[i]);
                }
                run.mp.putBulk(buf, 0, n);
            } else if (run.gettersRunning.get() == 0 && run.handOff.isEmpty()) {
                return;
            } else {
                run.checkHardStop("the getters kept running");
                Thread.yield(); // nothing handed over yet
            }
        }
    }

    private static void mixed(final Run run) {
        final long[] buf = new long[MAX_BULK];
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        while (run.running()) {
            final int n = takeMarked(run, buf, random);
            if (n == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                run.unmark(buf[i]);
            }
            final int split = 1 + random.nextInt(n); // put back in other bulk sizes than got
            run.mp.putBulk(buf, 0, split);
            if (split < n) {
                run.mp.putBulk(buf, split, n - split);
            }
        }
    }

    /** Gets every object in the test thread: each exactly once, unmarked; puts all back; full; closes. */
    private static void gatherAndCheck(final Mempool mp) {
        final BitSet seen = new BitSet(POOL_SIZE);
        final long[] all = new long[POOL_SIZE];
        int n = 0;
        while (n < POOL_SIZE) {
            final long obj = mp.get();
            if (obj == Mempool.NULL) {
                break;
            }
            final int index = mp.indexOf(obj);
            assertFalse(seen.get(index), "object " + index + " present twice");
            seen.set(index);
            assertEquals(0L, (long) MARK.get(mp.byteBuffer(obj), 0), "mark of object " + index
                + ": it was back in the pool while still out");
            all[n++] = obj;
        }
        assertEquals(POOL_SIZE, n, "objects present after the run");
        assertEquals(Mempool.NULL, mp.get(), "get once every object is out");
        assertEquals(POOL_SIZE, seen.cardinality(), "distinct objects");
        mp.putBulk(all, 0, n);
        assertTrue(mp.isFull(), "isFull once every object is back, availCount " + mp.availCount());
        mp.close();
    }
}
