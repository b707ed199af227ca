package io.mempool.core;

import io.mempool.api.MempoolFlag;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a pool is made with and never changes: DPDK's {@code rte_mempool_create} arguments, checked, and
 * the element layout they give. (The store, which {@code setOps} may change until population, is an
 * {@link OpsChoice}.)
 *
 * <p>Immutable.
 *
 * @param name            the pool's name.
 * @param size            the number of objects.
 * @param elementSize     the usable bytes of each object.
 * @param cacheSize       the per-thread cache size; 0 for none.
 * @param privateDataSize the bytes of the private area.
 * @param id              unique across processes (the pid in the high half): element headers name their pool by it.
 * @param givenFlags      the flags given, implied or set by property (without the ops' required ones).
 * @param layout          the element layout the flags give.
 * @param maxChunkBytes   the largest chunk of element memory.
 * @param shared          whether the pool lives in shared memory.
 */
record PoolConfig(String name, int size, int elementSize, int cacheSize, int privateDataSize, long id,
                  Set<MempoolFlag> givenFlags, ElementLayout layout, long maxChunkBytes, boolean shared) {
    private static final AtomicLong IDS = new AtomicLong();

    /** @return the configuration of {@code spec}, with a new id unless the spec brings one (an attach). */
    static PoolConfig of(final PoolSpec spec) {
        final Set<MempoolFlag> flags = spec.flags();
        final long id = spec.id() != 0 ? spec.id() : ProcessHandle.current().pid() << 32 | IDS.incrementAndGet();
        return new PoolConfig(spec.name(), spec.size(), spec.elementSize(), spec.cacheSize(), spec.privateDataSize(), id,
            flags, ElementLayout.of(spec.elementSize(), flags.contains(MempoolFlag.DEBUG),
                !flags.contains(MempoolFlag.NO_CACHE_ALIGN), !flags.contains(MempoolFlag.NO_SPREAD)),
            spec.maxChunkBytes(), spec.shared());
    }

    boolean debug() {
        return givenFlags.contains(MempoolFlag.DEBUG);
    }

    boolean stats() {
        return givenFlags.contains(MempoolFlag.STATS);
    }
}
