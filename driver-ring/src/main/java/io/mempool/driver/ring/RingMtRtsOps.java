package io.mempool.driver.ring;

import io.mempool.api.Checks;
import io.mempool.api.OpsConfig;
import io.mempool.driver.ring.LongRing.SyncMode;

/**
 * The {@code ring_mt_rts} store: a {@link LongRing} in relaxed tail sync mode on both sides, for
 * threads that may be preempted (no thread waits on one particular predecessor).
 *
 * <p>Param {@code htd_max}: the largest head - tail distance of each side, {@code 0..capacity};
 * default capacity / 8, as DPDK; 0 serialises each side.
 *
 * <p><b>Sizing differs from DPDK.</b> An RTS consumer tail moves only when the last consumer in flight
 * finishes, so the slots of finished dequeues stay taken for up to {@code htd_max} + the largest request
 * (at most the capacity) indices, and a producer sees that much less room. DPDK sizes this ring like the
 * others, so a put of the pool's own objects can be refused under contention (DPDK then drops them
 * unless built with debug). Here the ring holds at least {@code 2 * capacity + htd_max}, so a put of
 * the pool's own handles is never refused.
 *
 * <p>One instance per JVM, found through {@link java.util.ServiceLoader}; stateless and thread-safe.
 * Any number of threads may enqueue and dequeue at once. A put of a handle happens-before the get that
 * returns it. <b>Note:</b> a dequeue may fail, and {@code count} be off, while puts are in flight; both
 * are exact when the store is quiescent.
 */
public final class RingMtRtsOps extends AbstractRingOps {
    /** The param naming the head - tail distance bound. */
    public static final String HTD_MAX = "htd_max";

    /**
     * Made by {@link java.util.ServiceLoader}.
     */
    public RingMtRtsOps() {
        super("ring_mt_rts", SyncMode.RTS, SyncMode.RTS);
    }

    @Override
    long ringCapacityFor(final OpsConfig config) {
        // room for every handle, plus a consumer tail lagging by htd_max + one request of at most capacity
        return 2L * config.capacity() + htdMax(config);
    }

    @Override
    LongRingBuilder configure(final LongRingBuilder builder, final OpsConfig config) {
        return builder.htdMax(htdMax(config));
    }

    private static int htdMax(final OpsConfig config) {
        final int capacity = config.capacity();
        return Checks.inRange(HTD_MAX, config.intParam(HTD_MAX, capacity >>> 3), 0, capacity); // DPDK: capacity / 8
    }
}
