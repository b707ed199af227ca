package io.mempool.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** Every row of {@code test_mempool_perf}'s fixed-bulk matrix that DPDK does not skip. */
    static List<Scenario> full() {
        final List<Scenario> all = new ArrayList<>();
        for (final int threads : new int[] {1, 2}) {
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

    /** @return the key of the peers' figures, which do not depend on the cache mode. */
    String peerKey() {
        return "g" + getBulk + "_p" + putBulk + "_k" + nKeep + "_t" + threads;
    }
}
