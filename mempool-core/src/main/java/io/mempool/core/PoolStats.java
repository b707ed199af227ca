package io.mempool.core;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a pool's counters live without contention: each cache keeps plain {@code long}s written by its
 * owner thread only (a thread's cache-less calls count in its default cache, which exists even with a
 * cache size of 0); the calls of threads with no cache (virtual threads) use striped JDK
 * {@link LongAdder}s (JCTools' striped counter would bring sun.misc.Unsafe). Closed and swept
 * caches fold their counts in here, so nothing is lost.
 */
final class PoolStats {
    private final LongAdder[] shared = new LongAdder[MempoolStats.COUNTERS];

    PoolStats() {
        for (int i = 0; i < shared.length; i++) {
            shared[i] = new LongAdder();
        }
    }

    void add(final int counter, final long value) {
        shared[counter].add(value);
    }

    /** Folds a cache's plain counters in, when the cache goes away. */
    void fold(final long[] counts) {
        for (int i = 0; i < counts.length; i++) {
            shared[i].add(counts[i]);
        }
    }

    MempoolStats snapshot(final MempoolCache[] caches) {
        final long[] sum = new long[MempoolStats.COUNTERS];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = shared[i].sum();
        }
        for (final MempoolCache cache : caches) {
            cache.addStatsTo(sum);
        }
        return MempoolStats.of(sum);
    }

    void reset(final MempoolCache[] caches) {
        for (final LongAdder adder : shared) {
            adder.reset();
        }
        for (final MempoolCache cache : caches) {
            cache.resetStats();
        }
    }
}
