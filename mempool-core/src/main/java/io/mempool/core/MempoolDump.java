package io.mempool.core;

import io.mempool.api.MempoolFlag;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Formats {@link Mempool#dump(Appendable)} as DPDK's {@code rte_mempool_dump} does: configuration,
 * chunks, per-cache counts and the common pool count.
 */
final class MempoolDump {
    private MempoolDump() {
    }

    static void dump(final Mempool mp, final Appendable out) {
        final StringBuilder sb = new StringBuilder(512);
        sb.append("mempool <").append(mp.name()).append(">@").append(mp.id()).append('\n');
        line(sb, "flags", mp.flags());
        line(sb, "ops", mp.opsName());
        line(sb, "size", mp.size());
        line(sb, "populated_size", mp.populatedSize());
        line(sb, "header_size", mp.headerSize());
        line(sb, "elt_size", mp.elementSize());
        line(sb, "trailer_size", mp.trailerSize());
        line(sb, "total_obj_size", mp.totalElementSize());
        line(sb, "private_data_size", mp.privateDataSize());
        final PoolMemory memory = mp.lifecycle().memory();
        if (memory != null) {
            line(sb, "nb_mem_chunks", memory.chunkCount());
            for (int k = 0; k < memory.chunkCount(); k++) {
                final MemoryChunk chunk = memory.chunk(k);
                sb.append("    MP_").append(mp.name()).append('_').append(k)
                    .append(": addr=0x").append(Long.toHexString(chunk.address()))
                    .append(", len=").append(chunk.length()).append('\n');
            }
            line(sb, "avg bytes/object", String.format("%.3f", (double) memory.totalLength() / mp.populatedSize()));
        }
        sb.append("  internal cache infos:\n");
        line(sb, "  cache_size", mp.cacheSize());
        long cached = 0;
        for (final MempoolCache cache : mp.caches().snapshot()) {
            if (cache.size() == 0) {
                continue; // a cache-less pool's per-thread guard, holding nothing
            }
            final Thread owner = cache.owner();
            sb.append("    cache[").append(owner == null ? "user" : owner.getName())
                .append("]=").append(cache.length()).append('/').append(cache.size()).append('\n');
            cached += cache.length();
        }
        line(sb, "  total_cache_count", cached);
        line(sb, "  orphan_count", mp.caches().orphans().count()); // objects of terminated threads' caches
        final StoreBoundary store = mp.lifecycle().boundary();
        line(sb, "common_pool_count", store == null ? 0 : store.count());
        final SharedPool shared = mp.lifecycle().shared();
        if (shared != null) {
            line(sb, "shared", (shared.isCreator() ? "created here" : "attached") + ", other processes "
                + shared.otherProcesses(false) + " (their caches are not counted here)");
        }
        if (mp.flags().contains(MempoolFlag.STATS)) {
            sb.append("  stats:\n");
            mp.stats().toMap().forEach((key, value) -> line(sb, "  " + key, value));
        } else {
            sb.append("  no statistics available\n");
        }
        try {
            out.append(sb);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void line(final StringBuilder sb, final String key, final Object value) {
        sb.append("  ").append(key).append('=').append(value).append('\n');
    }
}
