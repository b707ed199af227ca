package io.mempool.core;

/**
 * The get and put paths of a pool with {@code DEBUG} or {@code STATS}: header and trailer cookies checked
 * before a put and after a get, and DPDK's counters. With DEBUG the whole call runs inside the caller's
 * {@link StoreGuard}, since the cookies live in element memory that close frees; without either flag
 * the pool never comes here, so "off" costs one branch.
 *
 * <p><b>Thread safety:</b> as the pool's get and put.
 */
final class InstrumentedPath {
    private final Mempool mp;
    private final DebugCookies debug;
    private final PoolStats stats;

    /**
     * @param debug the cookie checks, or null without DEBUG.
     * @param stats the shared counters, or null without STATS.
     */
    InstrumentedPath(final Mempool mp, final DebugCookies debug, final PoolStats stats) {
        this.mp = mp;
        this.debug = debug;
        this.stats = stats;
    }

    /**
     * @param cache  the caller's cache (its default one when {@code direct}), or null for a thread without one.
     * @param direct whether the call bypasses the cache's objects.
     */
    boolean get(final long[] objs, final int offset, final int n, final MempoolCache cache, final boolean direct) {
        final StoreBoundary store = mp.boundary();
        enter(store, cache);
        try {
            final boolean ok;
            if (cache == null) {
                ok = store.getShared(objs, offset, n);
                if (ok && stats != null && n > 0) {
                    stats.add(MempoolStats.GET_COMMON_POOL_BULK, 1);
                    stats.add(MempoolStats.GET_COMMON_POOL_OBJS, n);
                }
            } else {
                ok = direct ? cache.getDirect(objs, offset, n) : cache.get(objs, offset, n);
            }
            if (ok && debug != null) {
                debug.afterGet(mp.lifecycle().memory(), objs, offset, n);
            }
            if (stats != null) {
                count(cache, ok ? MempoolStats.GET_SUCCESS_BULK : MempoolStats.GET_FAIL_BULK, 1);
                count(cache, ok ? MempoolStats.GET_SUCCESS_OBJS : MempoolStats.GET_FAIL_OBJS, n);
            }
            return ok;
        } finally {
            exit(store, cache);
        }
    }

    /** As {@link #get}; handles already checked against the pool's memory. */
    void put(final long[] objs, final int offset, final int n, final MempoolCache cache, final boolean direct) {
        final StoreBoundary store = mp.boundary();
        enter(store, cache);
        try {
            if (debug != null) {
                debug.beforePut(mp.lifecycle().memory(), objs, offset, n);
            }
            if (stats != null) {
                count(cache, MempoolStats.PUT_BULK, 1);
                count(cache, MempoolStats.PUT_OBJS, n);
                if (cache == null) {
                    stats.add(MempoolStats.PUT_COMMON_POOL_BULK, 1);
                    stats.add(MempoolStats.PUT_COMMON_POOL_OBJS, n);
                }
            }
            try {
                if (cache == null) {
                    store.putShared(objs, offset, n);
                } else if (direct) {
                    cache.putDirect(objs, offset, n);
                } else {
                    cache.put(objs, offset, n);
                }
            } catch (final IllegalStateException refused) {
                if (debug != null) {
                    debug.undoPut(mp.lifecycle().memory(), objs, offset, n); // still inside the guard: the memory is there
                }
                throw refused;
            }
        } finally {
            exit(store, cache);
        }
    }

    private void enter(final StoreBoundary store, final MempoolCache cache) {
        if (debug != null) {
            if (cache == null) {
                store.sharedGuard().enterShared(store);
            } else {
                cache.guard().enterOwned(store);
            }
        }
    }

    private void exit(final StoreBoundary store, final MempoolCache cache) {
        if (debug != null) {
            if (cache == null) {
                store.sharedGuard().exitShared();
            } else {
                cache.guard().exitOwned();
            }
        }
    }

    /** Counts in the cache's own plain counters, or in the shared striped ones without a cache. */
    private void count(final MempoolCache cache, final int counter, final long value) {
        if (cache != null) {
            cache.count(counter, value);
        } else {
            stats.add(counter, value);
        }
    }
}
