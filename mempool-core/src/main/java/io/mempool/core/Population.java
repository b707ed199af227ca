package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.ElementGeometry;
import io.mempool.api.MemoryNeed;
import io.mempool.api.PopulateCallback;
import io.mempool.core.memory.MemoryScope;
import io.mempool.core.memory.NativeRegion;

import java.util.function.BooleanSupplier;

/**
 * Lays out a new pool's objects (DPDK's {@code populate} plus {@code obj_iter(obj_init)}): each element's
 * header names its pool and its index, DEBUG cookies are set, {@code objectInit} runs in index order, and
 * the objects go into the store through the store boundary (as offsets when the store is shared).
 *
 * <p>In the pool's own layout the memory is all there and the objects go in batches. A store that places
 * the objects itself (its {@code calcMemSize} gave a need) gets chunk after chunk, reserved as the need for
 * the objects still missing says (DPDK's {@code rte_mempool_populate_default}), and lays them out with
 * {@code populate}, calling {@link #place} per object; so headers, cookies, {@code objectInit} and the
 * handle checks stay the pool's, and each object goes into the store as soon as it is placed.
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
    private final int poolIdOffset;
    private final int indexOffset;
    /** The one-object table of {@link #place}. */
    private final long[] one = new long[1];

    /**
     * @param init   the user's objectInit, or null.
     * @param closed whether the pool was closed meanwhile (by {@code objectInit}): its memory is then gone.
     */
    Population(final PoolConfig config, final Placement placement, final ObjectInit init, final BooleanSupplier closed) {
        this.config = config;
        this.placement = placement;
        this.init = init;
        this.closed = closed;
        this.poolIdOffset = ElementHeaderDescriptor.poolIdOffset(config.debug());
        this.indexOffset = ElementHeaderDescriptor.indexOffset(config.debug());
    }

    /**
     * Makes every object.
     *
     * @param scope owns the chunks a store that places the objects gets.
     * @throws IllegalStateException    if the store refused an object, placed none in a chunk, or said it
     *     placed another number than it gave.
     * @throws IllegalArgumentException if the store placed an object where the pool cannot have one.
     */
    void fill(final MemoryScope scope) {
        if (placement.need() == null) {
            fillInPlace();
        } else {
            fillChunks(scope);
        }
    }

    private void fillInPlace() {
        final PoolMemory memory = placement.memory();
        final int size = config.size();
        final long[] batch = new long[Math.min(BATCH, size)];
        int filled = 0;
        for (int index = 0; index < size; index++) {
            final long obj = memory.objectAt(index);
            initialise(memory, obj, index);
            batch[filled++] = obj;
            if (filled == batch.length || index == size - 1) {
                if (!placement.store().offer(batch, 0, filled)) {
                    throw refused(index - filled + 1);
                }
                filled = 0;
            }
        }
    }

    private void fillChunks(final MemoryScope scope) {
        final PoolMemory memory = placement.memory();
        final StoreBoundary store = placement.store();
        final ElementGeometry geometry = config.layout().geometry();
        final PopulateCallback callback = this::place;
        final int size = config.size();
        MemoryNeed need = placement.need();
        while (memory.objectCount() < size) {
            final int before = memory.objectCount();
            final int missing = size - before;
            if (need == null) {
                need = store.memoryNeed(missing, geometry); // the need of the objects still missing, as DPDK asks
                if (need == null) {
                    throw new IllegalStateException("pool " + config.name() + ": ops " + store.opsName()
                        + " gave a memory need for " + size + " objects, then none for the " + missing + " still missing");
                }
            }
            // a chunk as large as the need, within the pool's chunk limit, never below the store's smallest
            final long length = Math.max(need.minChunkBytes(), Math.min(need.bytes(), config.maxChunkBytes()));
            final NativeRegion region = memory.addChunk(config.name(), length, Math.max(need.align(), geometry.alignment()),
                scope);
            int placed = store.populate(missing, region, geometry, callback);
            if (placed < 0 && memory.objectCount() == before) {
                placed = layOutInOrder(region, missing, geometry.totalSize()); // the store leaves this chunk to the pool
            }
            if (placed < 1 || placed != memory.objectCount() - before) {
                throw new IllegalStateException("pool " + config.name() + ": ops " + store.opsName() + " populate returned "
                    + placed + " for a chunk of " + length + " bytes (calcMemSize: " + need + ") after placing "
                    + (memory.objectCount() - before) + " of the " + missing + " objects still missing (expected: the"
                    + " same number, >= 1)");
            }
            need = null;
        }
    }

    private int layOutInOrder(final NativeRegion region, final int missing, final int stride) {
        final int fit = (int) Math.min(missing, region.length() / stride);
        for (int i = 0; i < fit; i++) {
            place(region.address() + config.layout().headerSize + (long) i * stride);
        }
        return fit;
    }

    /** The pool's per-object step of a store's populate: record, initialise and enqueue one object. */
    private void place(final long obj) {
        final PoolMemory memory = placement.memory();
        if (memory.objectCount() == config.size()) {
            throw new IllegalArgumentException(Checks.message("obj", "0x" + Long.toHexString(obj),
                "none: pool " + config.name() + " has all its " + config.size() + " objects"));
        }
        final int index = memory.record(obj);
        initialise(memory, obj, index);
        one[0] = obj;
        if (!placement.store().offer(one, 0, 1)) {
            throw refused(index);
        }
    }

    private void initialise(final PoolMemory memory, final long obj, final int index) {
        memory.putLong(obj, poolIdOffset, config.id());
        memory.putLong(obj, indexOffset, index);
        if (config.debug()) {
            DebugCookies.init(memory, obj, config.layout().alignedElementSize());
        }
        if (init != null) {
            init.init(obj, index);
            if (closed.getAsBoolean()) {
                throw PoolState.closed(config.name());
            }
        }
    }

    private IllegalStateException refused(final int index) {
        return new IllegalStateException("pool " + config.name() + ": store " + placement.store().opsName()
            + " refused object " + index + " of " + config.size() + " (its capacity is below the pool's size)");
    }
}
