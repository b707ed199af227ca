package io.mempool.bench;

import io.mempool.core.Mempool;
import io.mempool.core.MempoolBuilder;
import io.mempool.core.Memzone;
import io.mempool.driver.ring.LongRing;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The pipeline of {@code compare}'s "shared pool, two JVMs" scenario, DPDK's multi-process pattern: a
 * {@link Producer} gets {@link #BULK} objects, writes one long into each and hands their indices over a
 * {@link LongRing}; a {@link Consumer} maps each index back to its own handle, reads the long and puts the
 * objects back. Both variants run this code: two JVMs on a shared pool and a ring in a shared memzone, or
 * two threads of one JVM on a private pool and a ring in a private memzone ({@link PipelineMain}).
 *
 * <p>The channel is one memzone: three control words on the first 128 bytes, then the ring. An iteration
 * has an epoch: the producer publishes {@code started = epoch} and runs until {@code stop >= epoch}; the
 * consumer waits for {@code started}, counts the objects it puts back for a fixed time, publishes
 * {@code stop}, then drains the ring, uncounted, until the producer has published {@code done = epoch}; so
 * the count covers only time when both sides ran, and every iteration starts with an empty ring.
 *
 * <p><b>Thread safety:</b> one producer and one consumer per channel, each confined to one thread at a
 * time; the control words are read and written with volatile semantics, so a producer's writes before
 * {@code done} happen-before the consumer's reads after it, in one process or two.
 */
final class Pipeline {
    /** Objects per get; the consumer takes bursts of up to this many. */
    static final int BULK = 32;
    /** Indices in flight at most. */
    static final int RING_CAPACITY = 1024;
    /**
     * Objects in the pool: more than three times what can be out at once (a full ring, two caches of
     * {@link Rounds#CACHE_SIZE} and a bulk in each hand), so the store never runs dry; {@code 2^13 - 1}, as
     * DPDK's examples size their mbuf pools.
     */
    static final int POOL_SIZE = 8191;
    /** The pool's name (its files' too, in the run's runtime directory). */
    static final String POOL_NAME = "pipeline";
    /** The channel's memzone. */
    static final String RING_ZONE = "pipeline_ring";
    /** How long either side waits for the other before it gives up. */
    static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Waits in a row that spin before a side yields ({@link #idle}). */
    static final int SPINS_BEFORE_YIELD = 100;

    private static final int STARTED = 0;
    private static final int STOP = 8;
    private static final int DONE = 16;
    private static final int HEADER = 128;

    private final UnsafeBuffer control;
    private final LongRing ring;

    private Pipeline(final Memzone zone, final LongRing ring) {
        this.control = new UnsafeBuffer(zone.address(), HEADER);
        this.ring = ring;
    }

    /** @return the pool of both variants, as the other cells make theirs: ring_mp_mc, cache 512, 2048-byte objects. */
    static MempoolBuilder poolBuilder() {
        return Mempool.builder(POOL_NAME).size(POOL_SIZE).elementSize(Rounds.ELEMENT_SIZE).cacheSize(Rounds.CACHE_SIZE)
            .ops(Alternative.DPDK_OPS);
    }

    /** @return the bytes of a channel's memzone. */
    static long zoneBytes() {
        return HEADER + LongRing.bytesFor(RING_CAPACITY);
    }

    /**
     * @param zone a new zone of {@link #zoneBytes()}, aligned to 128 bytes (zeroed, as every memzone).
     * @return the channel, its ring made in the zone.
     */
    static Pipeline createIn(final Memzone zone) {
        return new Pipeline(zone, LongRing.createIn(zone.region().slice(HEADER, zone.length() - HEADER), RING_CAPACITY));
    }

    /**
     * @param zone a zone {@link #createIn} initialised, in this process or another.
     * @return a view of the same channel.
     */
    static Pipeline attach(final Memzone zone) {
        return new Pipeline(zone, LongRing.attach(zone.region().slice(HEADER, zone.length() - HEADER)));
    }

    /**
     * One wait of a side that found nothing to do: a spin, then, after {@link #SPINS_BEFORE_YIELD} in a row, a
     * yield. A side that only spun would hold its core for a whole time slice whenever the machine has fewer
     * free cores than the pipeline has sides (2 cores, shared), and the pipeline would move one ring per time
     * slice; with an idle core each, a yield returns at once.
     *
     * @param idle the waits in a row so far.
     * @return {@code idle + 1}.
     */
    static int idle(final int idle) {
        if (idle < SPINS_BEFORE_YIELD) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return idle + 1;
    }

    /**
     * One wait for the other side or process, off the measured path: spins for the first 50 µs after
     * {@code since}, then parks 20 µs at a time, so a long wait leaves the core to whoever it waits for.
     *
     * @throws IllegalStateException once {@code deadline} has passed, naming {@code what}.
     */
    static void await(final long deadline, final long since, final String what) {
        final long now = System.nanoTime();
        if (now - deadline > 0) {
            throw new IllegalStateException("gave up waiting for " + what);
        }
        if (now - since < TimeUnit.MICROSECONDS.toNanos(50)) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(20));
        }
    }

    /** The producing side: gets objects, writes a sequence number into each, enqueues their indices. */
    static final class Producer {
        private final Mempool mp;
        private final Pipeline pipe;
        private final long[] objs = new long[BULK];
        private final long[] indices = new long[BULK];
        private long seq;

        Producer(final Mempool mp, final Pipeline pipe) {
            this.mp = mp;
            this.pipe = pipe;
        }

        /**
         * Produces until the consumer stops epoch {@code epoch}; objects it could not hand over go back.
         *
         * @param epoch the iteration, {@code > } every earlier one.
         * @return objects handed over.
         */
        long run(final long epoch) {
            final Mempool pool = mp;
            final LongRing ring = pipe.ring;
            final UnsafeBuffer control = pipe.control;
            final long first = seq;
            control.putLongVolatile(STARTED, epoch); // the consumer's window opens only now
            int idle = 0;
            outer:
            while (control.getLongVolatile(STOP) < epoch) {
                if (!pool.getBulk(objs, 0, BULK)) {
                    idle = idle(idle); // every object is in the ring or the consumer's cache
                    continue;
                }
                for (int i = 0; i < BULK; i++) {
                    UnsafeApi.putLong(objs[i], seq++);
                    indices[i] = pool.indexOf(objs[i]); // a handle means nothing in the other process; the index does
                }
                while (ring.enqueueBulk(indices, 0, BULK) == 0) {
                    if (control.getLongVolatile(STOP) >= epoch) { // the consumer stopped taking: keep the numbers in order
                        pool.putBulk(objs, 0, BULK);
                        seq -= BULK;
                        break outer;
                    }
                    idle = idle(idle); // the ring is full: the consumer is behind
                }
                idle = 0;
            }
            control.putLongVolatile(DONE, epoch); // after the last enqueue: the consumer drains up to here
            return seq - first;
        }
    }

    /** The consuming side: dequeues indices, reads each object's number, puts the objects back. */
    static final class Consumer {
        private final Mempool mp;
        private final Pipeline pipe;
        private final long[] objs = new long[BULK];
        private long expected;

        Consumer(final Mempool mp, final Pipeline pipe) {
            this.mp = mp;
            this.pipe = pipe;
        }

        /**
         * Waits for the producer to start epoch {@code epoch}, counts the objects put back for
         * {@code windowNanos}, stops the producer and drains the ring.
         *
         * @param windowNanos how long to count.
         * @param epoch       the iteration the producer was told to run.
         * @return {@code {objects, nanos}} of the window.
         * @throws IllegalStateException if the producer does not start or stop in time, or an object carries
         *     another number than the next one: a pipeline that loses or reorders objects measures nothing.
         */
        long[] measure(final long windowNanos, final long epoch) {
            final UnsafeBuffer control = pipe.control;
            final long since = System.nanoTime();
            final long deadline = since + PATIENCE_NANOS;
            while (control.getLongVolatile(STARTED) < epoch) {
                await(deadline, since, "the producer to start epoch " + epoch);
            }
            final long start = System.nanoTime();
            long now = start;
            long objects = 0;
            int idle = 0;
            while (now - start < windowNanos) {
                final int n = take();
                objects += n;
                idle = n == 0 ? idle(idle) : 0; // the ring is empty: the producer is behind
                now = System.nanoTime();
            }
            control.putLongVolatile(STOP, epoch);
            final long drainDeadline = System.nanoTime() + PATIENCE_NANOS;
            while (control.getLongVolatile(DONE) < epoch || !pipe.ring.isEmpty()) {
                if (take() == 0) {
                    idle = idle(idle);
                    if (System.nanoTime() - drainDeadline > 0) {
                        throw new IllegalStateException("gave up waiting for the producer to stop epoch " + epoch);
                    }
                }
            }
            return new long[] {objects, now - start};
        }

        /** One burst: at most {@link #BULK} objects read and put back; 0 if the ring was empty. */
        private int take() {
            final Mempool pool = mp;
            final int n = pipe.ring.dequeueBurst(objs, 0, BULK);
            if (n == 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                final long obj = pool.objectAt((int) objs[i]);
                final long number = Rounds.read(obj);
                if (number != expected) {
                    throw new IllegalStateException("object " + objs[i] + " carries " + number + ", expected " + expected);
                }
                expected++;
                objs[i] = obj;
            }
            pool.putBulk(objs, 0, n);
            return n;
        }
    }
}
