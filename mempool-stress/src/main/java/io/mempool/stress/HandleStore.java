package io.mempool.stress;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.core.Memzone;
import io.mempool.driver.ring.LongRing;
import io.mempool.driver.ring.LongRing.SyncMode;
import io.mempool.driver.ring.LongRingBuilder;
import io.mempool.driver.ring.LongRingDescriptor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One store under test, whatever its API: a {@link LongRing} built for any pair of sync modes, or the
 * store of any {@link MempoolOps} provider, driven through the SPI exactly as the pool drives it.
 * Thread safety is the store's.
 */
interface HandleStore {
    /** Numbers the memzones of off-heap rings, whose names must be unique. */
    AtomicLong ZONES = new AtomicLong();

    /** @return true if all {@code n} were added; false if none was. */
    boolean enqueue(long[] objs, int offset, int n);

    /** @return true if all {@code n} were taken; false if none was and {@code objs} was not written. */
    boolean dequeue(long[] objs, int offset, int n);

    /** @return the store's count; exact when quiescent. */
    int count();

    /** Releases the store; nothing uses it afterwards. */
    void free();

    /**
     * A ring on the heap of exactly {@code capacity} handles (an RTS side's bound: see {@link #ringBuilder}).
     *
     * @param producer the producers' sync mode.
     * @param consumer the consumers' sync mode.
     * @param capacity the exact capacity.
     * @return the store.
     */
    static HandleStore ring(final SyncMode producer, final SyncMode consumer, final int capacity) {
        final LongRing ring = ringBuilder(producer, consumer, capacity).build();
        return new HandleStore() {
            @Override
            public boolean enqueue(final long[] objs, final int offset, final int n) {
                return ring.enqueueBulk(objs, offset, n) == n;
            }

            @Override
            public boolean dequeue(final long[] objs, final int offset, final int n) {
                return ring.dequeueBulk(objs, offset, n) == n;
            }

            @Override
            public int count() {
                return ring.count();
            }

            @Override
            public void free() {
                // heap only: the collector frees it
            }
        };
    }

    /**
     * A ring as {@link #ring} makes it, but in off-heap memory ({@code createIn}): producers use the creator's
     * view, consumers and the count a second view from {@code attach}, as two processes sharing it would.
     *
     * @param producer the producers' sync mode.
     * @param consumer the consumers' sync mode.
     * @param capacity the exact capacity.
     * @return the store; {@link #free()} frees its memory.
     */
    static HandleStore offHeapRing(final SyncMode producer, final SyncMode consumer, final int capacity) {
        final LongRingBuilder builder = ringBuilder(producer, consumer, capacity);
        final Memzone zone = Memzone.reserve("stress_ring_" + ZONES.incrementAndGet(), builder.bytes(), LongRingDescriptor.BLOCK);
        final LongRing producers = builder.createIn(zone.region());
        final LongRing consumers = LongRing.attach(zone.region());
        return new HandleStore() {
            @Override
            public boolean enqueue(final long[] objs, final int offset, final int n) {
                return producers.enqueueBulk(objs, offset, n) == n;
            }

            @Override
            public boolean dequeue(final long[] objs, final int offset, final int n) {
                return consumers.dequeueBulk(objs, offset, n) == n;
            }

            @Override
            public int count() {
                return consumers.count();
            }

            @Override
            public void free() {
                zone.free();
            }
        };
    }

    /**
     * An exact-size ring; an RTS side gets {@code htdMax = capacity}: DPDK's default (capacity / 8) is 0
     * for these tiny rings, which would serialise the side and hide its races.
     */
    private static LongRingBuilder ringBuilder(final SyncMode producer, final SyncMode consumer, final int capacity) {
        final LongRingBuilder builder = LongRing.builder(capacity).exactSize(true).producer(producer).consumer(consumer);
        if (producer == SyncMode.RTS || consumer == SyncMode.RTS) {
            builder.htdMax(capacity);
        }
        return builder;
    }

    /**
     * The store a provider allocates for a pool of {@code capacity} objects.
     *
     * @param ops      the provider.
     * @param capacity the store's capacity.
     * @param <S>      the provider's store type.
     * @return the store.
     */
    static <S> HandleStore ops(final MempoolOps<S> ops, final int capacity) {
        final S store = ops.alloc(OpsConfig.of("jcstress", capacity));
        return new HandleStore() {
            @Override
            public boolean enqueue(final long[] objs, final int offset, final int n) {
                return ops.enqueue(store, objs, offset, n);
            }

            @Override
            public boolean dequeue(final long[] objs, final int offset, final int n) {
                return ops.dequeue(store, objs, offset, n);
            }

            @Override
            public int count() {
                return ops.count(store);
            }

            @Override
            public void free() {
                ops.free(store);
            }
        };
    }
}
