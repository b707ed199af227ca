package io.mempool.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a pool's counters, DPDK's {@code rte_mempool_debug_stats} summed over every cache and
 * the cache-less paths; see {@link Mempool#stats()}. All zero unless the pool has
 * {@link io.mempool.api.MempoolFlag#STATS}. "Common pool" counters count the traffic that reached the
 * store (cache misses, flushes and cache-less calls); puts are counted before the enqueue, gets only
 * when the dequeue succeeded.
 *
 * <p><b>Note:</b> counters are summed without stopping the threads that update them, so a snapshot
 * taken while gets and puts run is approximate; it is exact when they have stopped.
 *
 * @param putBulk              put calls.
 * @param putObjs              objects put.
 * @param putCommonPoolBulk    enqueues to the store.
 * @param putCommonPoolObjs    objects enqueued to the store.
 * @param getCommonPoolBulk    successful dequeues from the store.
 * @param getCommonPoolObjs    objects dequeued from the store.
 * @param getSuccessBulk       successful get calls.
 * @param getSuccessObjs       objects got.
 * @param getFailBulk          failed get calls.
 * @param getFailObjs          objects asked for by failed get calls.
 * @param getSuccessBlks       contiguous blocks got.
 * @param getFailBlks          contiguous blocks asked for by failed calls.
 */
public record MempoolStats(
    long putBulk,
    long putObjs,
    long putCommonPoolBulk,
    long putCommonPoolObjs,
    long getCommonPoolBulk,
    long getCommonPoolObjs,
    long getSuccessBulk,
    long getSuccessObjs,
    long getFailBulk,
    long getFailObjs,
    long getSuccessBlks,
    long getFailBlks) {

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
    static final int COUNTERS = 12;

    static MempoolStats of(final long[] c) {
        return new MempoolStats(c[PUT_BULK], c[PUT_OBJS], c[PUT_COMMON_POOL_BULK], c[PUT_COMMON_POOL_OBJS],
            c[GET_COMMON_POOL_BULK], c[GET_COMMON_POOL_OBJS], c[GET_SUCCESS_BULK], c[GET_SUCCESS_OBJS],
            c[GET_FAIL_BULK], c[GET_FAIL_OBJS], c[GET_SUCCESS_BLKS], c[GET_FAIL_BLKS]);
    }

    /**
     * @return the counters by DPDK's names, in DPDK's order, for dumps and JMX.
     */
    public Map<String, Long> toMap() {
        final Map<String, Long> map = new LinkedHashMap<>();
        map.put("put_bulk", putBulk);
        map.put("put_objs", putObjs);
        map.put("put_common_pool_bulk", putCommonPoolBulk);
        map.put("put_common_pool_objs", putCommonPoolObjs);
        map.put("get_common_pool_bulk", getCommonPoolBulk);
        map.put("get_common_pool_objs", getCommonPoolObjs);
        map.put("get_success_bulk", getSuccessBulk);
        map.put("get_success_objs", getSuccessObjs);
        map.put("get_fail_bulk", getFailBulk);
        map.put("get_fail_objs", getFailObjs);
        map.put("get_success_blks", getSuccessBlks);
        map.put("get_fail_blks", getFailBlks);
        return map;
    }
}
