package io.mempool.core;

import io.mempool.api.Checks;

/**
 * The get and put paths of a pool, from the public methods to the cache: checks the pool's state, the
 * arguments and (for puts) every handle, finds the caller's cache, and hands the call on. A handle walks
 * one way: pool, then cache ({@link MempoolCache}), then the store boundary ({@link StoreBoundary}),
 * then the driver. With DEBUG or STATS the call goes through {@link InstrumentedPath} instead.
 *
 * <p><b>Thread safety:</b> as {@link Mempool}'s get and put.
 */
final class PoolAccess {
    private final Mempool mp;
    private final CacheRegistry caches;
    private final PoolViews views;
    /** Null unless DEBUG or STATS: the one branch the hot path pays when both are off. */
    private final InstrumentedPath instrumented;
    private final PoolStats stats;

    PoolAccess(final Mempool mp, final InstrumentedPath instrumented, final PoolStats stats) {
        this.mp = mp;
        this.caches = mp.caches();
        this.views = mp.views();
        this.instrumented = instrumented;
        this.stats = stats;
    }

    long get() {
        mp.checkUsable();
        final MempoolCache cache = activated(caches.forCurrentThread());
        if (instrumented == null && cache != null) {
            return cache.getOne();
        }
        final long[] one = cache != null ? cache.scratch() : new long[1]; // no cache: a virtual thread
        return getVia(one, 0, 1, cache, false) ? one[0] : Mempool.NULL;
    }

    void put(final long obj) {
        mp.checkUsable();
        views.checkHandle(obj);
        final MempoolCache cache = activated(caches.forCurrentThread());
        if (instrumented == null && cache != null) {
            cache.putOne(obj);
            return;
        }
        final long[] one = cache != null ? cache.scratch() : new long[1];
        one[0] = obj;
        putVia(one, 0, 1, cache, false);
    }

    boolean getBulk(final long[] objs, final int offset, final int n) {
        mp.checkUsable();
        Checks.checkTable(objs, offset, n);
        return getVia(objs, offset, n, activated(caches.forCurrentThread()), false);
    }

    void putBulk(final long[] objs, final int offset, final int n) {
        mp.checkUsable();
        Checks.checkTable(objs, offset, n);
        views.checkHandles(objs, offset, n);
        putVia(objs, offset, n, activated(caches.forCurrentThread()), false);
    }

    boolean genericGet(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        mp.checkUsable();
        Checks.checkTable(objs, offset, n);
        return cache == null ? getVia(objs, offset, n, caches.forCurrentThread(), true)
            : getVia(objs, offset, n, checkCache(cache), false);
    }

    void genericPut(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        mp.checkUsable();
        Checks.checkTable(objs, offset, n);
        final MempoolCache via = cache == null ? null : checkCache(cache);
        views.checkHandles(objs, offset, n);
        if (via == null) {
            putVia(objs, offset, n, caches.forCurrentThread(), true);
        } else {
            putVia(objs, offset, n, via, false);
        }
    }

    boolean getContigBlocks(final long[] firsts, final int offset, final int n) {
        mp.checkUsable();
        Checks.checkTable(firsts, offset, n);
        final StoreBoundary store = mp.boundary();
        if (store.contigBlockSize() == 0) {
            throw new UnsupportedOperationException("pool " + mp.name() + ": ops " + mp.opsName() + " has no contiguous blocks");
        }
        final boolean ok = store.dequeueContigBlocks(firsts, offset, n);
        if (stats != null) {
            stats.add(ok ? MempoolStats.GET_SUCCESS_BLKS : MempoolStats.GET_FAIL_BLKS, n);
        }
        return ok;
    }

    /**
     * @param cache  the cache to go through; null for a thread without one.
     * @param direct bypass the cache's objects (a cache-less call on behalf of its thread).
     */
    private boolean getVia(final long[] objs, final int offset, final int n, final MempoolCache cache, final boolean direct) {
        if (instrumented != null) {
            return instrumented.get(objs, offset, n, cache, direct);
        }
        if (cache == null) {
            return mp.boundary().getShared(objs, offset, n);
        }
        return direct ? cache.getDirect(objs, offset, n) : cache.get(objs, offset, n);
    }

    private void putVia(final long[] objs, final int offset, final int n, final MempoolCache cache, final boolean direct) {
        if (instrumented != null) {
            instrumented.put(objs, offset, n, cache, direct);
        } else if (cache == null) {
            mp.boundary().putShared(objs, offset, n);
        } else if (direct) {
            cache.putDirect(objs, offset, n);
        } else {
            cache.put(objs, offset, n);
        }
    }

    private MempoolCache checkCache(final MempoolCache cache) {
        if (cache.pool() != mp) {
            throw new IllegalArgumentException(
                Checks.message("cache", "of pool " + cache.pool().name(), "a cache of pool " + mp.name()));
        }
        cache.checkUsableBy(Thread.currentThread());
        return activated(cache);
    }

    /** A cache made before the pool was populated gets its fast path on its first full-path call. */
    private static MempoolCache activated(final MempoolCache cache) {
        if (cache != null) {
            cache.activate();
        }
        return cache;
    }
}
