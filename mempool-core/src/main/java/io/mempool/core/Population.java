package io.mempool.core;

import java.util.function.BooleanSupplier;

/**
 * Lays out a new pool's objects (DPDK's {@code populate} plus {@code obj_iter(obj_init)}): each element's
 * header names its pool and its index, DEBUG cookies are set, {@code objectInit} runs in index order, and
 * the objects go into the store in batches, through the store boundary (as offsets when the store is shared).
 *
 * <p>Runs once, by the thread that populates, with the lifecycle's lock held.
 */
final class Population {
    private static final int BATCH = 512;

    /** The user's {@code objectInit}, bound to the pool by the facade. */
    @FunctionalInterface
    interface ObjectInit {
        void init(long obj, int index);
    }

    private final PoolConfig config;
    private final Placement placement;
    private final ObjectInit init;
    private final BooleanSupplier closed;

    /**
     * @param init   the user's objectInit, or null.
     * @param closed whether the pool was closed meanwhile (by {@code objectInit}): its memory is then gone.
     */
    Population(final PoolConfig config, final Placement placement, final ObjectInit init, final BooleanSupplier closed) {
        this.config = config;
        this.placement = placement;
        this.init = init;
        this.closed = closed;
    }

    void fill() {
        final PoolMemory memory = placement.memory();
        final boolean cookies = config.debug();
        final int poolIdOffset = ElementHeaderDescriptor.poolIdOffset(cookies);
        final int indexOffset = ElementHeaderDescriptor.indexOffset(cookies);
        final int size = config.size();
        final long[] batch = new long[Math.min(BATCH, size)];
        int filled = 0;
        for (int index = 0; index < size; index++) {
            final long obj = memory.objectAt(index);
            memory.putLong(obj, poolIdOffset, config.id());
            memory.putLong(obj, indexOffset, index);
            if (cookies) {
                DebugCookies.init(memory, obj, config.layout().alignedElementSize());
            }
            if (init != null) {
                init.init(obj, index);
                if (closed.getAsBoolean()) {
                    throw PoolState.closed(config.name());
                }
            }
            batch[filled++] = obj;
            if (filled == batch.length || index == size - 1) {
                if (!placement.store().offer(batch, 0, filled)) {
                    throw new IllegalStateException("pool " + config.name() + ": store " + placement.store().opsName()
                        + " refused object " + (index - filled + 1) + " of " + size + " (its capacity is below the pool's size)");
                }
                filled = 0;
            }
        }
    }
}
