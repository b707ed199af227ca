package io.mempool.testkit;

import io.mempool.core.Mempool;

/**
 * The three ways DPDK's test_mempool_basic reaches a pool: no cache, the calling thread's default
 * cache, and a user cache on a pool without default caches.
 */
enum CacheMode {
    /** A pool with cache 0, used through {@code get}/{@code put}. */
    NO_CACHE(0),
    /** A pool with cache 512, used through {@code get}/{@code put}: the calling thread's cache. */
    DEFAULT_CACHE(Mempool.CACHE_MAX_SIZE),
    /** A pool with cache 0, used through {@code genericGet}/{@code genericPut} and a cache of 512. */
    USER_CACHE(0);

    private final int poolCacheSize;

    CacheMode(final int poolCacheSize) {
        this.poolCacheSize = poolCacheSize;
    }

    int poolCacheSize() {
        return poolCacheSize;
    }
}
