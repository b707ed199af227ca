package io.mempool.bench.soak;

import io.mempool.core.Mempool;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One soak thread. Every object carries an owner mark in its first 8 bytes: {@link #FREE} while in the
 * pool, the owner's tag while handed out. A get that returns an object not marked free, or a put of an
 * object not marked by its holder, means two threads held it at once: the worker reports it and the run
 * stops. The mark travels with the object, so the pool's put-happens-before-get edge is what makes the
 * check sound.
 *
 * <p>Three roles: {@link Role#MIXED} gets and puts random bulks through its default cache (for stores
 * with any number of producers and consumers); {@link Role#GETTER} only gets and hands batches on, and
 * {@link Role#PUTTER} only puts what it is handed, so a single-producer or single-consumer store sees one
 * thread on that side (DPDK's pipeline shape).
 */
final class SoakWorker implements Runnable {
    /** The mark of an object in the pool. */
    static final long FREE = 0L;

    /** What a worker does. */
    enum Role { MIXED, GETTER, PUTTER }

    /** Counter slots per worker in the shared array, 16 longs (128 B) apart so workers do not share lines. */
    static final int STRIDE = 16;
    static final int GETS = 0;
    static final int FAILED_GETS = 1;
    static final int PUTS = 2;
    static final int OBJECTS = 3;

    private static final int PUBLISH_EVERY = 256;

    private final Mempool pool;
    private final Role role;
    private final int index;
    private final long tag;
    private final int maxBulk;
    private final int maxHeld;
    private final ArrayBlockingQueue<long[]> full;
    private final ArrayBlockingQueue<long[]> empty;
    private final AtomicLongArray counters;
    private final Soak.Run run;
    private final SplittableRandom random;
    private final UnsafeBuffer flyweight = new UnsafeBuffer();
    private long gets;
    private long failedGets;
    private long puts;
    private long objects;

    /**
     * @param pool     the pool under test.
     * @param role     what this worker does.
     * @param index    this worker's index, for its counters and its tag.
     * @param maxBulk  the largest bulk.
     * @param maxHeld  most objects a mixed worker holds at once.
     * @param full     batches from getters to putters: {@code [n, obj...]}.
     * @param empty    batches returned for reuse.
     * @param counters the shared counters, {@link #STRIDE} per worker.
     * @param run      the run's stop flag and failure slot.
     * @param seed     this worker's random seed.
     */
    SoakWorker(final Mempool pool, final Role role, final int index, final int maxBulk, final int maxHeld,
               final ArrayBlockingQueue<long[]> full, final ArrayBlockingQueue<long[]> empty,
               final AtomicLongArray counters, final Soak.Run run, final long seed) {
        this.pool = pool;
        this.role = role;
        this.index = index;
        this.tag = index + 1L;
        this.maxBulk = maxBulk;
        this.maxHeld = maxHeld;
        this.full = full;
        this.empty = empty;
        this.counters = counters;
        this.run = run;
        this.random = new SplittableRandom(seed);
    }

    /** @return this worker's index. */
    int index() {
        return index;
    }

    @Override
    public void run() {
        try {
            switch (role) {
                case MIXED -> mixed();
                case GETTER -> getter();
                case PUTTER -> putter();
                default -> throw new IllegalStateException("role " + role);
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            run.fail("worker " + index + " (" + role + ") was interrupted", ex);
        } catch (final RuntimeException | Error ex) {
            run.fail("worker " + index + " (" + role + ") threw " + ex, ex);
        } finally {
            publish();
        }
    }

    private void mixed() {
        final long[] held = new long[maxHeld];
        int count = 0;
        long loops = 0;
        while (!run.stopped()) {
            if (count < maxHeld && (count == 0 || random.nextBoolean())) {
                final int n = 1 + random.nextInt(Math.min(maxBulk, maxHeld - count));
                if (get(held, count, n)) {
                    count += n;
                }
            } else {
                final int k = 1 + random.nextInt(Math.min(maxBulk, count));
                count -= k;
                put(held, count, k);
            }
            if (++loops % PUBLISH_EVERY == 0) {
                publish();
            }
        }
        if (count > 0) {
            put(held, 0, count); // everything goes back before the check
        }
    }

    private void getter() throws InterruptedException {
        try {
            long loops = 0;
            while (!run.stopped()) {
                final long[] batch = empty.poll(10, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    continue; // every batch is in flight: the putters are behind
                }
                final int n = 1 + random.nextInt(maxBulk);
                if (get(batch, 1, n)) {
                    batch[0] = n;
                    handOn(full, batch);
                } else {
                    handOn(empty, batch);
                    Thread.onSpinWait(); // the pool is empty for now: its objects are on their way back
                }
                if (++loops % PUBLISH_EVERY == 0) {
                    publish();
                }
            }
        } finally {
            run.getterDone();
        }
    }

    private void putter() throws InterruptedException {
        long loops = 0;
        while (true) {
            final long[] batch = full.poll(10, TimeUnit.MILLISECONDS);
            if (batch == null) {
                // a getter hands on its last batch before it counts itself done, so none is left behind
                if (run.stopped() && run.gettersLeft() == 0 && full.isEmpty()) {
                    return;
                }
                continue;
            }
            put(batch, 1, (int) batch[0]);
            handOn(empty, batch);
            if (++loops % PUBLISH_EVERY == 0) {
                publish();
            }
        }
    }

    /** Each queue holds every batch, so an offer always succeeds. */
    private static void handOn(final ArrayBlockingQueue<long[]> queue, final long[] batch) {
        if (!queue.offer(batch)) {
            throw new IllegalStateException("a batch queue is full: a batch was duplicated");
        }
    }

    /** Gets n, single calls through {@code get()}; on success claims each object. */
    private boolean get(final long[] table, final int offset, final int n) {
        final boolean ok;
        if (n == 1) {
            final long obj = pool.get();
            ok = obj != Mempool.NULL;
            if (ok) {
                table[offset] = obj;
            }
        } else {
            ok = pool.getBulk(table, offset, n);
        }
        if (!ok) {
            failedGets++;
            return false;
        }
        gets++;
        objects += n;
        for (int i = offset; i < offset + n; i++) {
            final long mark = mark(table[i]);
            if (mark != FREE) {
                run.fail("worker " + index + " got object 0x" + Long.toHexString(table[i]) + " still marked by worker "
                    + (mark - 1) + ": handed out twice", null);
            }
            flyweight.putLong(0, tag);
        }
        return true;
    }

    /** Puts n, single calls through {@code put(long)}; first checks and clears each mark. */
    private void put(final long[] table, final int offset, final int n) {
        for (int i = offset; i < offset + n; i++) {
            final long mark = mark(table[i]);
            if (mark == FREE) {
                run.fail("worker " + index + " put object 0x" + Long.toHexString(table[i])
                    + " marked free: another thread put it meanwhile", null);
            }
            flyweight.putLong(0, FREE);
        }
        if (n == 1) {
            pool.put(table[offset]);
        } else {
            pool.putBulk(table, offset, n);
        }
        puts++;
    }

    /** Points the flyweight at obj and reads its mark. */
    private long mark(final long obj) {
        flyweight.wrap(pool.address(obj), pool.elementSize());
        return flyweight.getLong(0);
    }

    private void publish() {
        final int base = index * STRIDE;
        // release: the progress line reads them without a lock; they only grow
        counters.setRelease(base + GETS, gets);
        counters.setRelease(base + FAILED_GETS, failedGets);
        counters.setRelease(base + PUTS, puts);
        counters.setRelease(base + OBJECTS, objects);
    }
}
