package io.mempool.bench;

/** The three pools of {@code test_mempool_perf}: which cache the gets and puts go through. */
public enum CacheMode {
    /** A pool with {@code cacheSize(512)}; each thread uses its default cache ({@code getBulk/putBulk}). */
    DEFAULT,
    /** A pool with no cache: every get and put reaches the store. */
    NONE,
    /** A pool with no cache, used through a cache of 512 per thread ({@code createCache}, {@code genericGet/Put}). */
    USER
}
