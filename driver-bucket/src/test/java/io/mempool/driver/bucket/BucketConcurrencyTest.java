package io.mempool.driver.bucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mempool.api.ElementGeometry;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conservation under contention: platform threads (more than the table holds, so some use shared state
 * only) get whole buckets, single objects and contiguous blocks, put them back themselves or hand them to
 * another thread to put (so buckets come back through adoption rings), for a few hundred milliseconds;
 * afterwards the store holds every handle exactly once, its count is exact, and one dequeue takes them
 * all. Bounded in time and steps; never asserts on speed.
 */
// a separate thread: a store bug that spins forever fails the test instead of hanging the build
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BucketConcurrencyTest {
    static final int HANDLES = 4 * 64 + 2;
    private static final int THREADS = 6;
    private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(400);
    private static final int MAX_STEPS = 1_000_000;

    /**
     * @param kb       the bucket size: 1 KiB buckets of 4 objects (much contention on few buckets), or 8 KiB
     *                 buckets of 128 objects (two bitmap words per bucket).
     * @param header   the element header.
     * @param total    the element stride.
     */
    @ParameterizedTest(name = "{0} KiB buckets, elements of {2} B")
    @CsvSource({"1, 64, 256", "8, 0, 64"})
    void platformThreadsConserveEveryHandle(final int kb, final int header, final int total) throws InterruptedException {
        final ElementGeometry geometry = new ElementGeometry(header, total, 64);
        final Fixtures.Populated p = Fixtures.populated(HANDLES, kb, 4, geometry);
        final Thread[] workers = new Thread[THREADS];
        final Exchange exchange = new Exchange(total);
        for (int t = 0; t < THREADS; t++) {
            workers[t] = new Thread(exchange.worker(p.store, 0x5eedL + t), "bucket-worker-" + t);
            workers[t].setDaemon(true);
        }
        exchange.run(workers);
        exchange.settle(p);
    }

    /**
     * A caller's table rewritten by another thread while a put runs: a handle past the first 256 (placed by a
     * second locate) flips between one of the store's and a foreign one. A put either refuses it or places what
     * it checked; it never throws anything else, and the store never holds a handle it did not place.
     */
    @Test
    void aTableRewrittenDuringAPutNeverPutsAForeignHandleOrBreaksTheStore() throws InterruptedException {
        final Fixtures.Populated p = Fixtures.populated(400, 8, 1, new ElementGeometry(0, 64, 64));
        final long[] table = new long[300];
        assertTrue(p.store.dequeue(table, 0, table.length));
        final long ours = table[280];
        final long foreign = Fixtures.BASE - 64;
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final long end = System.nanoTime() + RUN_NANOS;
        final Thread flipper = new Thread(() -> {
            for (int i = 0; i < MAX_STEPS && System.nanoTime() < end; i++) {
                table[280] = (i & 1) == 0 ? foreign : ours; // plain writes: the caller's bug this test plays
            }
        }, "table-flipper");
        flipper.setDaemon(true);
        flipper.start();
        for (int i = 0; i < MAX_STEPS && System.nanoTime() < end; i++) {
            try {
                p.store.enqueue(table, 0, table.length); // after the first, double puts: counted once
            } catch (final IllegalArgumentException refused) {
                // the check saw the foreign handle: nothing was added
            } catch (final RuntimeException | Error ex) {
                failures.add(ex);
                break;
            }
        }
        flipper.join();
        Fixtures.rethrow(failures);
        final long[] held = new long[p.store.count()];
        assertTrue(p.store.dequeue(held, 0, held.length));
        final Set<Long> placed = new HashSet<>();
        for (final long h : p.handles) {
            placed.add(h);
        }
        for (final long h : held) {
            assertTrue(placed.contains(h), "a handle the store did not place: 0x" + Long.toHexString(h));
        }
    }

    /** The shared part of a run: a start signal, the hand-over queue, and failures from the workers. */
    static final class Exchange {
        final int stride;
        final CountDownLatch start = new CountDownLatch(1);
        final ConcurrentLinkedQueue<Long> handOver = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        /** @param stride the element stride, the distance between the objects of a block. */
        Exchange(final int stride) {
            this.stride = stride;
        }

        Runnable worker(final BucketStore store, final long seed) {
            return () -> {
                try {
                    assertTrue(start.await(10, TimeUnit.SECONDS));
                    work(store, seed);
                } catch (final Throwable ex) {
                    failures.add(ex);
                }
            };
        }

        void run(final Thread... workers) throws InterruptedException {
            for (final Thread worker : workers) {
                worker.start();
            }
            start.countDown();
            for (final Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(20));
                assertFalse(worker.isAlive(), worker.getName() + " did not stop");
            }
            Fixtures.rethrow(failures);
        }

        /** Puts what was left in the hand-over queue back, then checks conservation. */
        void settle(final Fixtures.Populated p) {
            for (Long handle = handOver.poll(); handle != null; handle = handOver.poll()) {
                assertTrue(p.store.enqueue(new long[] {handle}, 0, 1));
            }
            assertEquals(HANDLES, p.store.count(), "exact when quiescent");
            Fixtures.assertHoldsExactly(p.store, p.handles);
        }

        /**
         * One worker: holds what it took, puts some back, hands some over. A take may fail (others hold
         * objects); a put never does.
         */
        private void work(final BucketStore store, final long seed) {
            final SplittableRandom rnd = new SplittableRandom(seed);
            final int perBucket = store.contigBlockSize();
            final long[] held = new long[HANDLES];
            final long[] firsts = new long[2];
            int count = 0;
            final long deadline = System.nanoTime() + RUN_NANOS;
            for (int step = 0; step < MAX_STEPS && System.nanoTime() - deadline < 0; step++) {
                final int action = rnd.nextInt(10);
                final int n = 1 + rnd.nextInt(3 * perBucket);
                if (action < 3 && count >= n) {
                    assertTrue(store.enqueue(held, count - n, n), "a put failed");
                    count -= n;
                } else if (action < 4 && count > 0) {
                    handOver.add(held[--count]);
                } else if (action < 5) {
                    final Long handle = handOver.poll();
                    if (handle != null) {
                        assertTrue(store.enqueue(new long[] {handle}, 0, 1), "a handed-over put failed");
                    }
                } else if (action < 6 && count + 2 * perBucket <= held.length) {
                    final int blocks = 1 + rnd.nextInt(2);
                    if (store.dequeueContigBlocks(firsts, 0, blocks)) {
                        for (int b = 0; b < blocks; b++) {
                            for (int k = 0; k < perBucket; k++) {
                                held[count++] = firsts[b] + (long) k * stride;
                            }
                        }
                    }
                } else if (count + n <= held.length && store.dequeue(held, count, n)) {
                    count += n;
                }
                if (store.count() < 0 || store.count() > HANDLES) {
                    fail("count out of range: " + store.count());
                }
            }
            assertTrue(store.enqueue(held, 0, count), "the final put failed");
        }
    }
}
