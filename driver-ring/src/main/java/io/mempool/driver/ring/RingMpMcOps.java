package io.mempool.driver.ring;

import io.mempool.driver.ring.LongRing.SyncMode;

/**
 * The {@code ring_mp_mc} store: a {@link LongRing} with multi-producer and multi-consumer sides (DPDK's default).
 *
 * <p>One instance per JVM, found through {@link java.util.ServiceLoader}; stateless and thread-safe.
 * Any number of threads may enqueue and dequeue at once.
 * A put of a handle happens-before the get that returns it.
 */
public final class RingMpMcOps extends AbstractRingOps {
    /**
     * Made by {@link java.util.ServiceLoader}.
     */
    public RingMpMcOps() {
        super("ring_mp_mc", SyncMode.MULTI, SyncMode.MULTI);
    }
}
