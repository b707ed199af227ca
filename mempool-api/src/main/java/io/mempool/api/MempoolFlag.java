package io.mempool.api;

/**
 * Pool flags, DPDK's {@code RTE_MEMPOOL_F_*} user flags plus the two that DPDK makes build options.
 */
public enum MempoolFlag {
    /** Do not spread objects across memory channels (no padding of the stride to an odd line count). */
    NO_SPREAD,
    /** Align objects to 8 bytes instead of 64; implies {@link #NO_SPREAD}. */
    NO_CACHE_ALIGN,
    /** Only one thread at a time puts to the store: selects a single-producer store. */
    SP_PUT,
    /** Only one thread at a time gets from the store: selects a single-consumer store. */
    SC_GET,
    /** Header and trailer cookies per element; double puts, foreign handles and overruns throw. */
    DEBUG,
    /** Count gets and puts, as DPDK's {@code RTE_LIBRTE_MEMPOOL_STATS}. */
    STATS
}
