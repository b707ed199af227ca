package io.mempool.driver.ring;

import io.mempool.driver.ring.LongRing.SyncMode;

/**
 * The {@code ring_sp_mc} store: a {@link LongRing} with a single-producer and a multi-consumer side.
 *
 * <p>One instance per JVM, found through {@link java.util.ServiceLoader}; stateless and thread-safe.
 * Any number of threads may dequeue at once. <b>Note:</b> at most one thread may enqueue at a time.
 * A put of a handle happens-before the get that returns it.
 */
public final class RingSpMcOps extends AbstractRingOps {
    /**
     * Made by {@link java.util.ServiceLoader}.
     */
    public RingSpMcOps() {
        super("ring_sp_mc", SyncMode.SINGLE, SyncMode.MULTI);
    }
}
