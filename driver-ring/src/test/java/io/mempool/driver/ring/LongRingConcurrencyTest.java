package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.driver.ring.LongRing.SyncMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bounded concurrency checks (each well under 2 s, never on speed): distinct handles cross the ring
 * exactly once and in per-producer order, and under oversubscription no handle is lost, duplicated or
 * handed to two threads at once. A SINGLE side always gets exactly one thread. {@link #make} puts the ring
 * on the heap or off it; consumers (and every other churn thread) use the ring through {@link #view}, so
 * for an off-heap ring two views of one memory race.
 */
abstract class LongRingConcurrencyTest {
    private static final long CROSSING_MILLIS = 300;
    private static final long CHURN_MILLIS = 700;
    private static final long GIVE_UP_MILLIS = 10_000;
    private static final int MAX_PER_PRODUCER = 1 << 21;
    private static final int MAX_BATCH = 32;

    /**
     * @param builder the ring wanted.
     * @return that ring, where the subclass puts it.
     */
    abstract LongRing make(LongRingBuilder builder);

    /**
     * @param ring a ring from {@link #make}.
     * @return another view of the same ring (an off-heap ring's {@code attach}), or the ring itself.
     */
    abstract LongRing view(LongRing ring);

    @ParameterizedTest
    @MethodSource("io.mempool.driver.ring.SyncModePairs#all")
    void distinctHandlesCrossExactlyOnceInProducerOrder(final SyncMode producer, final SyncMode consumer)
        throws InterruptedException {
        final LongRing ring = make(LongRing.builder(256).producer(producer).consumer(consumer));
        final LongRing consumerView = view(ring);
        final int producers = producer == SyncMode.SINGLE ? 1 : 2;
        final int consumers = consumer == SyncMode.SINGLE ? 1 : 2;
        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final int[] produced = new int[producers];
        final BitSet[][] seen = new BitSet[consumers][producers];
        final CountDownLatch start = new CountDownLatch(1);
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CROSSING_MILLIS);
        final long giveUp = deadline + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS);
        final AtomicBoolean producersDone = new AtomicBoolean();

        final List<Thread> producerThreads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            final int id = p;
            producerThreads.add(worker("producer-" + p, failures, start, () -> {
                final SplittableRandom random = new SplittableRandom(id);
                final long[] table = new long[MAX_BATCH];
                int seq = 0;
                while (seq < MAX_PER_PRODUCER && System.nanoTime() < deadline) {
                    final int n = Math.min(1 + random.nextInt(MAX_BATCH), MAX_PER_PRODUCER - seq);
                    for (int i = 0; i < n; i++) {
                        table[i] = handle(id, seq + i);
                    }
                    final int added = random.nextBoolean() ? ring.enqueueBulk(table, 0, n) : ring.enqueueBurst(table, 0, n);
                    if (added == 0) {
                        Thread.onSpinWait(); // full: consumers will make room
                    }
                    seq += added;
                }
                produced[id] = seq;
            }));
        }
        final List<Thread> consumerThreads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            final int id = c;
            final BitSet[] mine = seen[c];
            consumerThreads.add(worker("consumer-" + c, failures, start, () -> {
                final SplittableRandom random = new SplittableRandom(100 + id);
                final long[] table = new long[MAX_BATCH];
                final int[] lastSeq = new int[producers];
                Arrays.fill(lastSeq, -1);
                for (int p = 0; p < producers; p++) {
                    mine[p] = new BitSet(MAX_PER_PRODUCER);
                }
                for (;;) {
                    final boolean done = producersDone.get();
                    final int n = 1 + random.nextInt(MAX_BATCH);
                    // once producers are done, burst only: 0 then means nothing is left for us
                    final int taken = !done && random.nextBoolean()
                        ? consumerView.dequeueBulk(table, 0, n) : consumerView.dequeueBurst(table, 0, n);
                    for (int i = 0; i < taken; i++) {
                        final long handle = table[i];
                        final int p = (int) (handle >>> 32) - 1;
                        final int seq = (int) handle;
                        assertTrue(p >= 0 && p < producers && seq >= 0 && seq < MAX_PER_PRODUCER,
                            () -> "foreign handle " + Long.toHexString(handle));
                        assertTrue(seq > lastSeq[p], "producer " + p + " order: " + seq + " after " + lastSeq[p]);
                        lastSeq[p] = seq;
                        mine[p].set(seq);
                    }
                    if (taken == 0) {
                        if (done) {
                            return;
                        }
                        assertTrue(System.nanoTime() < giveUp, "consumer stalled");
                        Thread.onSpinWait();
                    }
                }
            }));
        }
        start.countDown();
        joinAll(producerThreads, failures);
        producersDone.set(true); // after the joins: every producer tail is published
        joinAll(consumerThreads, failures);
        rethrow(failures);

        for (int p = 0; p < producers; p++) {
            final BitSet union = new BitSet();
            int total = 0;
            for (int c = 0; c < consumers; c++) {
                union.or(seen[c][p]);
                total += seen[c][p].cardinality();
            }
            assertEquals(total, union.cardinality(), "producer " + p + ": a handle was taken twice");
            assertEquals(produced[p], union.cardinality(), "producer " + p + ": handles lost");
            assertEquals(produced[p], union.nextClearBit(0), "producer " + p + ": a gap");
        }
        assertEquals(0, ring.count());
        assertTrue(ring.isEmpty());
    }

    static Stream<Arguments> churnModes() {
        return Stream.of(
            Arguments.of(SyncMode.MULTI, -1),
            Arguments.of(SyncMode.RTS, -1),
            Arguments.of(SyncMode.RTS, 0),
            Arguments.of(SyncMode.HTS, -1));
    }

    /** Eight threads on two cores get and put random bulks of 1..32 handles, as a pool's threads do. */
    @ParameterizedTest
    @MethodSource("churnModes")
    void oversubscribedBulkChurnConservesEveryHandle(final SyncMode mode, final int htdMax)
        throws InterruptedException {
        final LongRingBuilder builder = LongRing.builder(1024).producer(mode).consumer(mode);
        final LongRing ring = make(htdMax < 0 ? builder : builder.htdMax(htdMax));
        // RTS: a consumer tail lags finished dequeues by up to htdMax (127) + a request (32), so producers
        // see that much less room; 800 + 127 + 32 <= 1023 keeps every put of a held handle sure to fit
        final int handles = 800;
        final long[] all = new long[handles];
        for (int i = 0; i < handles; i++) {
            all[i] = handleOf(i);
        }
        assertEquals(handles, ring.enqueueBulk(all, 0, handles));
        final AtomicIntegerArray held = new AtomicIntegerArray(handles);
        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final CountDownLatch start = new CountDownLatch(1);
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHURN_MILLIS);
        final List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            final int seed = t;
            final LongRing mine = t % 2 == 0 ? ring : view(ring);
            threads.add(worker("churn-" + t, failures, start, () -> {
                final SplittableRandom random = new SplittableRandom(seed);
                final long[] table = new long[MAX_BATCH];
                while (System.nanoTime() < deadline) {
                    final int n = 1 + random.nextInt(MAX_BATCH);
                    final int taken = random.nextInt(4) == 0 ? mine.dequeueBurst(table, 0, n) : mine.dequeueBulk(table, 0, n);
                    for (int i = 0; i < taken; i++) {
                        final int index = indexOf(table[i]);
                        assertEquals(0, held.getAndSet(index, 1), "handle " + index + " handed out twice");
                    }
                    for (int i = 0; i < taken; i++) {
                        held.set(indexOf(table[i]), 0); // before the put: once in the ring another may take it
                    }
                    assertEquals(taken, mine.enqueueBulk(table, 0, taken), "the ring has room for every handle");
                    if (taken == 0) {
                        Thread.yield(); // the others hold the handles for now
                    }
                }
            }));
        }
        start.countDown();
        joinAll(threads, failures);
        rethrow(failures);

        assertEquals(handles, ring.count());
        final long[] out = new long[handles + 1];
        assertEquals(handles, ring.dequeueBurst(out, 0, out.length));
        final BitSet present = new BitSet(handles);
        for (int i = 0; i < handles; i++) {
            present.set(indexOf(out[i]));
        }
        assertEquals(handles, present.cardinality(), "every handle exactly once");
        assertTrue(ring.isEmpty());
    }

    private static long handle(final int producer, final int seq) {
        return (long) (producer + 1) << 32 | seq;
    }

    private static long handleOf(final int index) {
        return 64L * (index + 1);
    }

    private static int indexOf(final long handle) {
        assertTrue(handle > 0 && handle % 64 == 0 && handle <= 64L * 800, () -> "foreign handle " + handle);
        return (int) (handle / 64 - 1);
    }

    private static Thread worker(final String name, final Queue<Throwable> failures, final CountDownLatch start,
                                 final Runnable body) {
        final Thread thread = new Thread(() -> {
            try {
                start.await();
                body.run();
            } catch (final Throwable ex) {
                failures.add(ex);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void joinAll(final List<Thread> threads, final Queue<Throwable> failures)
        throws InterruptedException {
        for (final Thread thread : threads) {
            thread.join(GIVE_UP_MILLIS + CHURN_MILLIS);
            if (thread.isAlive()) {
                failures.add(new AssertionError(thread.getName() + " did not finish"));
            }
        }
    }

    private static void rethrow(final Queue<Throwable> failures) {
        final Throwable first = failures.poll();
        if (first != null) {
            for (final Throwable other : failures) {
                first.addSuppressed(other);
            }
            throw first instanceof Error ? (Error) first : new AssertionError(first);
        }
    }
}
