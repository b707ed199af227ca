package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MemoryNeed;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.core.memory.MemoryScope;

/**
 * Where a pool's elements and store live, made at population (or attach): private memzones and the
 * driver's own {@code alloc}; or the shared zones of a {@link SharedPool}, with the store placed in its
 * zone by {@code allocIn} (the creator) or {@code attach} (any other process).
 *
 * @param memory the elements: all of them in the pool's layout, or none yet when the store places them.
 * @param store  the store, behind the boundary that translates shared offsets.
 * @param need   what the store's {@code calcMemSize} asked for all the objects, which {@link Population}
 *               then reserves chunk by chunk as the store places them; null for the pool's own layout.
 */
record Placement(PoolMemory memory, StoreBoundary store, MemoryNeed need) {

    /**
     * A store from {@code alloc}, and private elements: in chunks of at most {@code maxChunkBytes}, or, for
     * a store that places them itself, no chunk yet.
     */
    static Placement inPrivateMemory(final PoolConfig config, final MempoolOps<Object> ops, final OpsConfig opsConfig,
                                     final MemoryScope scope) {
        final StoreBoundary store = StoreBoundary.alloc(ops, opsConfig);
        try {
            final MemoryNeed need = store.memoryNeed(config.size(), config.layout().geometry());
            if (need != null) {
                return new Placement(PoolMemory.forPlacement(config.layout()), store, need);
            }
            return new Placement(PoolMemory.allocate(config.name(), config.layout(), config.size(), config.maxChunkBytes(),
                scope), store, null);
        } catch (final RuntimeException | Error ex) {
            store.free();
            throw ex;
        }
    }

    /** A new shared pool's elements and store, in zones the creator reserves. */
    static Placement inNewSharedZones(final PoolConfig config, final SharedPool shared, final MempoolOps<Object> ops,
                                      final OpsConfig opsConfig, final MemoryScope scope) {
        final long storeBytes = StoreBoundary.memzoneBytes(ops, opsConfig);
        StoreBoundary.checkLeavesLayoutToThePool(ops, opsConfig, config.layout().geometry());
        final long elementsBytes = (long) config.size() * config.layout().totalSize;
        if (elementsBytes > PoolMemory.MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException(Checks.message("size", config.size(), "at most " + PoolMemory.MAX_CHUNK_BYTES
                / config.layout().totalSize + " objects of " + config.layout().totalSize
                + " bytes: a shared pool's elements are one 1 GiB mapping"));
        }
        shared.reserveData(opsConfig.flags(), ops.name(), elementsBytes, storeBytes, scope);
        final PoolMemory elements = PoolMemory.over(shared.elements(), config.layout(), config.size());
        return new Placement(elements,
            StoreBoundary.allocIn(ops, opsConfig, shared.store().nativeRegion().slice(0, storeBytes), elements), null);
    }

    /** Another process's shared pool: its elements and its store as that process placed them, once checked. */
    static Placement inAttachedZones(final PoolConfig config, final SharedPool shared, final MempoolOps<Object> ops,
                                     final OpsConfig opsConfig) {
        final long storeBytes = StoreBoundary.memzoneBytes(ops, opsConfig);
        shared.checkAgainst(config, storeBytes);
        final PoolMemory elements = PoolMemory.over(shared.elements(), config.layout(), config.size());
        return new Placement(elements,
            StoreBoundary.attach(ops, opsConfig, shared.store().nativeRegion().slice(0, storeBytes), elements), null);
    }

    /** Undoes a placement that was never published: the store, then the private memory's names. */
    void release() {
        try {
            store.free();
        } finally {
            memory.free();
        }
    }
}
