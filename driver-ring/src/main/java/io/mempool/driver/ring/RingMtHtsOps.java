package io.mempool.driver.ring;

import io.mempool.driver.ring.LongRing.SyncMode;

/**
 * The {@code ring_mt_hts} store: a {@link LongRing} in head/tail sync mode on both sides: the operations of a side run one at a time, so a preempted thread never leaves a reservation half published behind others.
 *
 * <p>One instance per JVM, found through {@link java.util.ServiceLoader}; stateless and thread-safe.
 * Any number of threads may enqueue and dequeue at once.
 * A put of a handle happens-before the get that returns it.
 */
public final class RingMtHtsOps extends AbstractRingOps {
    /**
     * Made by {@link java.util.ServiceLoader}.
     */
    public RingMtHtsOps() {
        super("ring_mt_hts", SyncMode.HTS, SyncMode.HTS);
    }
}
