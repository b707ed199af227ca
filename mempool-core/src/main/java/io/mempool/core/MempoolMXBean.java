package io.mempool.core;

import java.util.Map;
import java.util.Set;

/**
 * The management view of a pool, registered as {@code io.mempool:type=Mempool,name=<name>} in the
 * platform MBean server while the pool is open. Counts are read without stopping the pool's threads,
 * so they are estimates while gets and puts run.
 */
public interface MempoolMXBean {
    /** @return the pool's name. */
    String getName();

    /** @return the store's ops name. */
    String getOpsName();

    /** @return the pool's flags. */
    Set<String> getFlags();

    /** @return the number of objects. */
    int getSize();

    /** @return the bytes of each object. */
    int getElementSize();

    /** @return the stride: header, object and trailer. */
    int getTotalElementSize();

    /** @return the per-thread cache size. */
    int getCacheSize();

    /** @return the private area's size. */
    int getPrivateDataSize();

    /** @return the objects made so far. */
    int getPopulatedSize();

    /** @return the objects available, store and caches. */
    int getAvailCount();

    /** @return the objects handed out. */
    int getInUseCount();

    /** @return whether the pool keeps counters (the STATS flag). */
    boolean isStatsEnabled();

    /** @return the counters by DPDK's names; all zero without STATS. */
    Map<String, Long> getStats();

    /** Zeroes the counters. */
    void resetStats();

    /** @return what {@link Mempool#dump(Appendable)} writes. */
    String dump();
}
