package io.mempool.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a pool's counters, DPDK's {@code rte_mempool_debug_stats} summed over every cache and
 * the cache-less paths; see {@link Mempool#stats()}. All zero unless the pool has
 * {@link io.mempool.api.MempoolFlag#STATS}. "Common pool" counters count the traffic that reached the
 * store (cache misses, flushes and cache-less calls); puts are counted before the enqueue, gets only
 * when the dequeue succeeded.
 *
 * <p>A final class rather than a record, so that counters DPDK adds (26.07 added {@code stats_reset} and
 * burst averages) are new accessors and new {@link #toMap()} keys, never a changed constructor.
 *
 * <p><b>Note:</b> counters are summed without stopping the threads that update them, so a snapshot
 * taken while gets and puts run is approximate; it is exact when they have stopped. Immutable.
 */
public final class MempoolStats {
    static final int PUT_BULK = 0;
    static final int PUT_OBJS = 1;
    static final int PUT_COMMON_POOL_BULK = 2;
    static final int PUT_COMMON_POOL_OBJS = 3;
    static final int GET_COMMON_POOL_BULK = 4;
    static final int GET_COMMON_POOL_OBJS = 5;
    static final int GET_SUCCESS_BULK = 6;
    static final int GET_SUCCESS_OBJS = 7;
    static final int GET_FAIL_BULK = 8;
    static final int GET_FAIL_OBJS = 9;
    static final int GET_SUCCESS_BLKS = 10;
    static final int GET_FAIL_BLKS = 11;
    /** DPDK's name of each counter, by its index above. */
    private static final String[] NAMES = {
        "put_bulk", "put_objs", "put_common_pool_bulk", "put_common_pool_objs", "get_common_pool_bulk",
        "get_common_pool_objs", "get_success_bulk", "get_success_objs", "get_fail_bulk", "get_fail_objs",
        "get_success_blks", "get_fail_blks",
    };
    static final int COUNTERS = NAMES.length;

    private final long[] counters;

    private MempoolStats(final long[] counters) {
        this.counters = counters;
    }

    /** @return a snapshot of {@code counters}, indexed as the constants above (copied). */
    static MempoolStats of(final long[] counters) {
        return new MempoolStats(Arrays.copyOf(counters, COUNTERS));
    }

    /** @return put calls. */
    public long putBulk() {
        return counters[PUT_BULK];
    }

    /** @return objects put. */
    public long putObjs() {
        return counters[PUT_OBJS];
    }

    /** @return enqueues to the store. */
    public long putCommonPoolBulk() {
        return counters[PUT_COMMON_POOL_BULK];
    }

    /** @return objects enqueued to the store. */
    public long putCommonPoolObjs() {
        return counters[PUT_COMMON_POOL_OBJS];
    }

    /** @return successful dequeues from the store. */
    public long getCommonPoolBulk() {
        return counters[GET_COMMON_POOL_BULK];
    }

    /** @return objects dequeued from the store. */
    public long getCommonPoolObjs() {
        return counters[GET_COMMON_POOL_OBJS];
    }

    /** @return successful get calls. */
    public long getSuccessBulk() {
        return counters[GET_SUCCESS_BULK];
    }

    /** @return objects got. */
    public long getSuccessObjs() {
        return counters[GET_SUCCESS_OBJS];
    }

    /** @return failed get calls. */
    public long getFailBulk() {
        return counters[GET_FAIL_BULK];
    }

    /** @return objects asked for by failed get calls. */
    public long getFailObjs() {
        return counters[GET_FAIL_OBJS];
    }

    /** @return contiguous blocks got. */
    public long getSuccessBlks() {
        return counters[GET_SUCCESS_BLKS];
    }

    /** @return contiguous blocks asked for by failed calls. */
    public long getFailBlks() {
        return counters[GET_FAIL_BLKS];
    }

    /**
     * @return every counter by DPDK's name, in DPDK's order, for dumps and JMX; counters added in later
     *     versions appear as new keys.
     */
    public Map<String, Long> toMap() {
        final Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < COUNTERS; i++) {
            map.put(NAMES[i], counters[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof MempoolStats stats && Arrays.equals(counters, stats.counters);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counters);
    }

    @Override
    public String toString() {
        return "MempoolStats" + toMap();
    }
}
