package io.mempool.driver.ring;

import io.mempool.driver.ring.LongRing.SyncMode;

/**
 * The {@code ring_mp_sc} store: a {@link LongRing} with a multi-producer and a single-consumer side.
 *
 * <p>One instance per JVM, found through {@link java.util.ServiceLoader}; stateless and thread-safe.
 * Any number of threads may enqueue at once. <b>Note:</b> at most one thread may dequeue at a time.
 * A put of a handle happens-before the get that returns it.
 */
public final class RingMpScOps extends AbstractRingOps {
    /**
     * Made by {@link java.util.ServiceLoader}.
     */
    public RingMpScOps() {
        super("ring_mp_sc", SyncMode.MULTI, SyncMode.SINGLE);
    }
}
