package io.mempool.driver.ring;

import io.mempool.driver.ring.LongRing.SyncMode;

/**
 * The {@code ring_sp_sc} store: a {@link LongRing} with single-producer and single-consumer sides.
 *
 * <p>One instance per JVM, found through {@link java.util.ServiceLoader}; stateless and thread-safe.
 * <b>Note:</b> at most one thread may enqueue and one dequeue at a time; the caller keeps that promise.
 * A put of a handle happens-before the get that returns it.
 */
public final class RingSpScOps extends AbstractRingOps {
    /**
     * Made by {@link java.util.ServiceLoader}.
     */
    public RingSpScOps() {
        super("ring_sp_sc", SyncMode.SINGLE, SyncMode.SINGLE);
    }
}
