package io.mempool.core;

import io.mempool.api.MempoolFlag;

import java.util.function.BooleanSupplier;

/**
 * Lays out a new pool's objects (DPDK's {@code populate} plus {@code obj_iter(obj_init)}): each element's
 * header names its pool and its index, DEBUG cookies are set, {@code objectInit} runs in index order, and
 * the objects go into the store in batches, as offsets when the store is shared.
 *
 * <p>Runs once, by the thread that populates, with the lifecycle's lock held.
 */
final class Population {
    private static final int BATCH = 512;

    private final Mempool mp;
    private final Placement placement;
    private final BooleanSupplier closed;

    /**
     * @param closed whether the pool was closed meanwhile (by {@code objectInit}): its memory is then gone.
     */
    Population(final Mempool mp, final Placement placement, final BooleanSupplier closed) {
        this.mp = mp;
        this.placement = placement;
        this.closed = closed;
    }

    void fill() {
        final PoolMemory memory = placement.memory();
        final boolean cookies = mp.flags().contains(MempoolFlag.DEBUG);
        final int poolIdOffset = ElementHeaderDescriptor.poolIdOffset(cookies);
        final int indexOffset = ElementHeaderDescriptor.indexOffset(cookies);
        final ObjectVisitor init = mp.objectInit();
        final int size = mp.size();
        final long[] batch = new long[Math.min(BATCH, size)];
        int filled = 0;
        for (int index = 0; index < size; index++) {
            final long obj = memory.objectAt(index);
            memory.putLong(obj, poolIdOffset, mp.id());
            memory.putLong(obj, indexOffset, index);
            if (cookies) {
                DebugCookies.init(memory, obj, mp.layout().alignedElementSize());
            }
            if (init != null) {
                init.visit(mp, obj, index);
                if (closed.getAsBoolean()) {
                    throw mp.closedException();
                }
            }
            batch[filled++] = obj - placement.base(); // an offset in a shared store, the handle otherwise
            if (filled == batch.length || index == size - 1) {
                if (!placement.ops().enqueue(placement.store(), batch, 0, filled)) {
                    throw new IllegalStateException("pool " + mp.name() + ": store " + placement.ops().name() + " refused object "
                        + (index - filled + 1) + " of " + size + " (its capacity is below the pool's size)");
                }
                filled = 0;
            }
        }
    }
}
