package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.core.memory.MemoryScope;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a pool's elements and store live, made at population (or attach): private memzones and the
 * driver's own {@code alloc}; or the shared zones of a {@link SharedPool}, with the store placed in its
 * zone by {@code allocIn} (the creator) or {@code attach} (any other process).
 *
 * @param memory the elements.
 * @param ops    the store's driver.
 * @param store  the store.
 * @param base   what the store's values are relative to: 0 (handles), or the elements zone (offsets).
 */
record Placement(PoolMemory memory, MempoolOps<Object> ops, Object store, long base) {

    /** Private elements in chunks of at most {@code maxChunkBytes}, and a store from {@code alloc}. */
    static Placement inPrivateMemory(final Mempool mp, final MempoolOps<Object> ops, final OpsConfig config,
                                     final MemoryScope scope) {
        final Object store = ops.alloc(config);
        try {
            return new Placement(PoolMemory.allocate(mp.name(), mp.layout(), mp.size(), mp.maxChunkBytes(), scope), ops, store, 0);
        } catch (final RuntimeException | Error ex) {
            ops.free(store);
            throw ex;
        }
    }

    /** A new shared pool's elements and store, in zones the creator reserves. */
    static Placement inNewSharedZones(final Mempool mp, final SharedPool shared, final MempoolOps<Object> ops,
                                      final OpsConfig config, final MemoryScope scope) {
        final long storeBytes = storeBytes(ops, config);
        final long elementsBytes = (long) mp.size() * mp.totalElementSize();
        if (elementsBytes > PoolMemory.MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException(Checks.message("size", mp.size(), "at most " + PoolMemory.MAX_CHUNK_BYTES
                / mp.totalElementSize() + " objects of " + mp.totalElementSize() + " bytes: a shared pool's elements are one 1 GiB mapping"));
        }
        shared.reserveData(mp, ops.name(), elementsBytes, storeBytes, scope);
        return new Placement(PoolMemory.over(shared.elements(), mp.layout(), mp.size()), ops,
            ops.allocIn(config, shared.store().nativeRegion().slice(0, storeBytes)), shared.elements().address());
    }

    /** Another process's shared pool: its elements and its store as that process placed them. */
    static Placement inAttachedZones(final Mempool mp, final SharedPool shared, final MempoolOps<Object> ops,
                                     final OpsConfig config) {
        final long storeBytes = storeBytes(ops, config);
        SharedPool.expect(mp.name(), "store zone length for " + ops.name(), shared.storeLength(), storeBytes);
        final long elementsBytes = (long) mp.size() * mp.totalElementSize();
        if (shared.elements().length() < elementsBytes) { // a header that promises more objects than the zone holds
            throw new IllegalArgumentException(Checks.message("pool " + mp.name() + ": elements zone length",
                shared.elements().length(), ">= " + elementsBytes + " for " + mp.size() + " objects of " + mp.totalElementSize() + " bytes"));
        }
        return new Placement(PoolMemory.over(shared.elements(), mp.layout(), mp.size()), ops,
            ops.attach(config, shared.store().nativeRegion().slice(0, storeBytes)), shared.elements().address());
    }

    private static long storeBytes(final MempoolOps<Object> ops, final OpsConfig config) {
        final long bytes = ops.memzoneBytes(config);
        if (bytes < 0) {
            final List<String> capable = new ArrayList<>();
            for (final String name : MempoolOpsRegistry.names()) {
                if (MempoolOpsRegistry.get(name).memzoneBytes(config) >= 0) {
                    capable.add(name);
                }
            }
            throw new IllegalArgumentException(Checks.message("ops", ops.name(),
                "one whose store can live in shared memory: " + capable));
        }
        return bytes;
    }

    /** Undoes a placement that was never published: the store, then the private memory. */
    void release() {
        try {
            ops.free(store);
        } finally {
            memory.free();
        }
    }
}
