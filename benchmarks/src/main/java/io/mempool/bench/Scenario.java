package io.mempool.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * One row of the comparison: a cache mode, bulk sizes, {@code nKeep} and a thread count.
 *
 * @param cache   which cache jmempool's gets and puts go through (peers have none of their own choosing).
 * @param getBulk objects per get.
 * @param putBulk objects per put.
 * @param nKeep   objects kept out per round.
 * @param threads threads sharing the pool.
 */
record Scenario(CacheMode cache, int getBulk, int putBulk, int nKeep, int threads) {
    private static final int[] BULKS = {1, 4, 8, 32, 64, 128, 256, 512};
    private static final int[] KEEPS = {32, 128, 512, 2048, 8192, 32768};

    /** The rows of the default run: the four the README's targets name. */
    static List<Scenario> defaults() {
        return List.of(
            new Scenario(CacheMode.DEFAULT, 32, 32, 128, 1),
            new Scenario(CacheMode.DEFAULT, 1, 1, 128, 1),
            new Scenario(CacheMode.NONE, 32, 32, 128, 1),
            new Scenario(CacheMode.DEFAULT, 32, 32, 128, 2));
    }

    /** The rows of {@code --quick}: the headline row only. */
    static List<Scenario> quick() {
        return defaults().subList(0, 1);
    }

    /**
     * The rows of {@code --matrix}, a slice of the full matrix drawn as charts in about half an hour (3 forks a
     * cell): cache 512 and no cache, n_keep 128 and 2048, equal get and put bulks of 1, 8, 32, 128 and (for 2048)
     * 512, on one thread; and the headline row on every thread count of {@link #threadCounts()}.
     */
    static List<Scenario> matrix() {
        final List<Scenario> rows = new ArrayList<>();
        for (final CacheMode cache : new CacheMode[] {CacheMode.DEFAULT, CacheMode.NONE}) {
            for (final int nKeep : new int[] {128, 2048}) {
                for (final int bulk : new int[] {1, 8, 32, 128, 512}) {
                    if (Rounds.skipReason(nKeep, bulk, bulk) == null) {
                        rows.add(new Scenario(cache, bulk, bulk, nKeep, 1));
                    }
                }
            }
        }
        for (final int threads : threadCounts()) {
            final Scenario headline = new Scenario(CacheMode.DEFAULT, 32, 32, 128, threads);
            if (!rows.contains(headline)) {
                rows.add(headline);
            }
        }
        return rows;
    }

    /** Every row of {@code test_mempool_perf}'s fixed-bulk matrix that DPDK does not skip, on {@link #threadCounts()}. */
    static List<Scenario> full() {
        final List<Scenario> all = new ArrayList<>();
        for (final int threads : threadCounts()) {
            for (final CacheMode cache : CacheMode.values()) {
                for (final int nKeep : KEEPS) {
                    for (final int getBulk : BULKS) {
                        for (final int putBulk : BULKS) {
                            if (Rounds.skipReason(nKeep, getBulk, putBulk) == null) {
                                all.add(new Scenario(cache, getBulk, putBulk, nKeep, threads));
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    /**
     * DPDK's thread counts, 1, 2 and all cores, as far as the machine has the cores (2 always: the default
     * run's two-thread row).
     *
     * @return them, ascending.
     */
    static List<Integer> threadCounts() {
        final TreeSet<Integer> counts = new TreeSet<>(List.of(1, 2));
        counts.add(Math.max(1, Runtime.getRuntime().availableProcessors()));
        return List.copyOf(counts);
    }

    /** @return a stable id, e.g. {@code default_g32_p32_k128_t1}. */
    String id() {
        return cache.name().toLowerCase(Locale.ROOT) + "_g" + getBulk + "_p" + putBulk + "_k" + nKeep + "_t" + threads;
    }

    /** @return the row's label, e.g. {@code cache 512, bulk 32, n_keep 128, 1 thread}. */
    String title() {
        final String mode = switch (cache) {
            case DEFAULT -> "cache 512";
            case NONE -> "no cache";
            case USER -> "user cache 512";
        };
        final String bulk = getBulk == putBulk ? "bulk " + getBulk : "get " + getBulk + "/put " + putBulk;
        return mode + ", " + bulk + ", n_keep " + nKeep + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** @return the same row on another thread count. */
    Scenario withThreads(final int count) {
        return new Scenario(cache, getBulk, putBulk, nKeep, count);
    }

    /** @return the key of the peers' figures, which do not depend on the cache mode. */
    String peerKey() {
        return "g" + getBulk + "_p" + putBulk + "_k" + nKeep + "_t" + threads;
    }
}
