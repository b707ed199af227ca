package io.mempool.core;

import io.mempool.api.MempoolFlag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A pool's diagnostics: counts, iteration, stats, {@code audit} and {@code dump} (DPDK's
 * {@code rte_mempool_dump} format). They only read. Each holds the lifecycle's lock and checks that the
 * pool is open under it, so close never frees memory they are still reading; a visitor that closes the
 * pool ends its iteration before the next object is touched.
 *
 * <p><b>Thread safety:</b> every method may be called from any thread.
 */
final class PoolInspector {
    /** Called for each object, in index order. */
    @FunctionalInterface
    interface ObjectStep {
        void visit(long obj, int index);
    }

    /** Called for each chunk, in allocation order. */
    @FunctionalInterface
    interface ChunkStep {
        void visit(MemoryChunk chunk, int index);
    }

    private final PoolConfig config;
    private final PoolState state;
    private final PoolLifecycle lifecycle;
    private final CacheRegistry caches;
    private final DebugCookies debug;
    private final PoolStats stats;

    PoolInspector(final PoolConfig config, final PoolState state, final PoolLifecycle lifecycle, final CacheRegistry caches,
                  final DebugCookies debug, final PoolStats stats) {
        this.config = config;
        this.state = state;
        this.lifecycle = lifecycle;
        this.caches = caches;
        this.debug = debug;
        this.stats = stats;
    }

    int availCount() {
        synchronized (lifecycle.lock()) {
            return availLocked();
        }
    }

    int inUseCount() {
        synchronized (lifecycle.lock()) {
            return lifecycle.populatedSize() - availLocked();
        }
    }

    private int availLocked() {
        state.checkOpen();
        if (state.phase() != PoolState.POPULATED) {
            return 0;
        }
        return (int) Math.max(0, Math.min(config.size(), lifecycle.available()));
    }

    int objIter(final ObjectStep step) {
        synchronized (lifecycle.lock()) {
            state.checkOpen();
            final int populated = lifecycle.populatedSize();
            for (int index = 0; index < populated; index++) {
                state.checkOpen(); // the visitor may have closed the pool: hand out no freed object
                step.visit(state.memoryOrNull().objectAt(index), index);
            }
            return populated;
        }
    }

    int memIter(final ChunkStep step) {
        synchronized (lifecycle.lock()) {
            state.checkOpen();
            if (state.phase() != PoolState.POPULATED) {
                return 0;
            }
            final PoolMemory memory = state.memoryOrNull();
            final int chunks = memory.chunkCount();
            for (int k = 0; k < chunks; k++) {
                state.checkOpen();
                step.visit(memory.chunk(k), k);
            }
            return chunks;
        }
    }

    MempoolStats stats() {
        synchronized (lifecycle.lock()) {
            state.checkOpen();
            return stats == null ? MempoolStats.of(new long[MempoolStats.COUNTERS]) : stats.snapshot(caches.snapshot());
        }
    }

    void resetStats() {
        synchronized (lifecycle.lock()) {
            state.checkOpen();
            if (stats != null) {
                stats.reset(caches.snapshot());
            }
        }
    }

    void audit() {
        synchronized (lifecycle.lock()) {
            state.checkOpen();
            for (final MempoolCache cache : caches.snapshot()) {
                if (cache.length() > cache.size()) {
                    throw new IllegalStateException("pool " + config.name() + ": a cache holds " + cache.length()
                        + " objects, more than its size " + cache.size());
                }
            }
            if (state.phase() != PoolState.POPULATED) {
                return;
            }
            auditObjects(state.memoryOrNull());
            if (lifecycle.shared() != null) {
                auditProcesses(lifecycle.shared());
            }
        }
    }

    /** A shared pool: objects held by a process that died attached are stranded, as in DPDK. */
    private void auditProcesses(final SharedPool shared) {
        final List<String> dead = shared.otherProcesses(false).stream().filter(process -> process.endsWith("(dead)")).toList();
        if (!dead.isEmpty()) {
            final long unseen = lifecycle.populatedSize() - lifecycle.available();
            throw new IllegalStateException("pool " + config.name() + ": " + unseen + " objects are neither in the store nor in"
                + " this process's caches, and processes " + dead + " died attached: what they held is stranded"
                + " (attached: " + shared.otherProcesses(false) + ")");
        }
    }

    private void auditObjects(final PoolMemory memory) {
        final boolean cookies = config.debug();
        final int poolIdOffset = ElementHeaderDescriptor.poolIdOffset(cookies);
        final int indexOffset = ElementHeaderDescriptor.indexOffset(cookies);
        for (int index = 0; index < config.size(); index++) {
            final long obj = memory.objectAt(index);
            if (memory.getLong(obj, poolIdOffset) != config.id() || memory.getLong(obj, indexOffset) != index) {
                throw new IllegalStateException("pool " + config.name() + ": header of object 0x" + Long.toHexString(obj)
                    + " (index " + index + ") was overwritten");
            }
            if (debug != null) {
                debug.audit(memory, obj, index);
            }
        }
    }

    /** Writes the configuration, chunks, cache and store counts and stats, then audits. */
    void dump(final Appendable out) {
        synchronized (lifecycle.lock()) {
            state.checkOpen();
            final StringBuilder sb = new StringBuilder(512);
            sb.append("mempool <").append(config.name()).append(">@").append(config.id()).append('\n');
            final OpsChoice ops = state.ops();
            line(sb, "flags", ops.flags());
            line(sb, "ops", ops.name());
            line(sb, "size", config.size());
            line(sb, "populated_size", lifecycle.populatedSize());
            line(sb, "header_size", config.layout().headerSize);
            line(sb, "elt_size", config.elementSize());
            line(sb, "trailer_size", config.layout().trailerSize + config.layout().alignedElementSize() - config.elementSize());
            line(sb, "total_obj_size", config.layout().totalSize);
            line(sb, "private_data_size", config.privateDataSize());
            line(sb, "put_checks", config.debug() ? "exact (DEBUG)" : HandleRange.ENABLED ? "range"
                : "off (-D" + HandleRange.PROPERTY + "=false)");
            chunks(sb, state.memoryOrNull());
            cachesAndStore(sb);
            if (ops.flags().contains(MempoolFlag.STATS)) {
                sb.append("  stats:\n");
                stats().toMap().forEach((key, value) -> line(sb, "  " + key, value));
            } else {
                sb.append("  no statistics available\n");
            }
            try {
                out.append(sb);
            } catch (final IOException ex) {
                throw new UncheckedIOException(ex);
            }
            audit();
        }
    }

    private void chunks(final StringBuilder sb, final PoolMemory memory) {
        if (memory == null) {
            return;
        }
        line(sb, "nb_mem_chunks", memory.chunkCount());
        for (int k = 0; k < memory.chunkCount(); k++) {
            final MemoryChunk chunk = memory.chunk(k);
            sb.append("    ").append(ZoneNames.chunk(config.name(), k))
                .append(": addr=0x").append(Long.toHexString(chunk.address()))
                .append(", len=").append(chunk.length()).append('\n');
        }
        line(sb, "avg bytes/object", String.format("%.3f", (double) memory.totalLength() / lifecycle.populatedSize()));
    }

    private void cachesAndStore(final StringBuilder sb) {
        sb.append("  internal cache infos:\n");
        line(sb, "  cache_size", config.cacheSize());
        long cached = 0;
        for (final MempoolCache cache : caches.snapshot()) {
            if (cache.size() == 0) {
                continue; // a cache-less pool's per-thread guard, holding nothing
            }
            final Thread owner = cache.owner();
            sb.append("    cache[").append(owner != null ? owner.getName() : cache.isStripe() ? "stripe" : "user")
                .append("]=").append(cache.length()).append('/').append(cache.size()).append('\n');
            cached += cache.length();
        }
        line(sb, "  total_cache_count", cached);
        line(sb, "  orphan_count", caches.orphanCount()); // objects of terminated threads' caches, for gets
        final StoreBoundary store = state.boundaryOrNull();
        line(sb, "common_pool_count", store == null ? 0 : store.count());
        if (store != null && store.quarantined() > 0) {
            line(sb, "quarantined", store.quarantined() + " values from the shared store that were no element of the pool");
        }
        final SharedPool shared = lifecycle.shared();
        if (shared != null) {
            line(sb, "shared", (shared.isCreator() ? "created here" : "attached") + ", other processes "
                + shared.otherProcesses(false) + " (their caches are not counted here)");
        }
    }

    private static void line(final StringBuilder sb, final String key, final Object value) {
        sb.append("  ").append(key).append('=').append(value).append('\n');
    }
}
