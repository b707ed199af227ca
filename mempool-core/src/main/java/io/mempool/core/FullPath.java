package io.mempool.core;

import io.mempool.api.Checks;

/**
 * Every get and put a cache hit does not serve, from the public methods down: checks the pool's phase,
 * the arguments and (for puts) every handle, finds the caller's cache, and moves the objects. A handle
 * walks one way: pool, then cache ({@link MempoolCache}), then the store boundary ({@link StoreBoundary}),
 * then the driver. The choice between a cache's objects, its direct path and the shared guard of callers
 * without a cache is made in one place ({@link #transferGet}, {@link #transferPut}); with DEBUG or STATS
 * the same transfer runs inside the checks and counters. A thread without a cache of its own (a virtual
 * thread) holds a stripe ({@link CacheStripes}) for the call, or, when every stripe it probes is taken,
 * goes to the store.
 *
 * <p>With DEBUG the whole call runs inside the caller's {@link StoreGuard}, since the cookies live in
 * element memory that close frees; without DEBUG and STATS a call costs one branch more than the transfer.
 *
 * <p><b>Thread safety:</b> as the pool's get and put.
 */
final class FullPath {
    private final PoolState state;
    private final CacheRegistry caches;
    private final PoolObjects objects;
    /** The cookie checks, or null without DEBUG. */
    private final DebugCookies debug;
    /** The counters of calls without a cache, or null without STATS. */
    private final PoolStats stats;
    private final boolean instrumented;

    FullPath(final PoolState state, final CacheRegistry caches, final PoolObjects objects, final DebugCookies debug,
             final PoolStats stats) {
        this.state = state;
        this.caches = caches;
        this.objects = objects;
        this.debug = debug;
        this.stats = stats;
        this.instrumented = debug != null || stats != null;
    }

    /** @param found the caller's cache as the facade found it: null for a thread without one. */
    long get(final MempoolCache found) {
        state.checkUsable();
        final MempoolCache cache = activated(found);
        if (cache == null) {
            return getOneWithoutOwnCache();
        }
        if (!instrumented) {
            return cache.getOne();
        }
        final long[] one = cache.scratch();
        return get(one, 0, 1, cache, false) ? one[0] : Mempool.NULL;
    }

    /** @param found the caller's cache as the facade found it: null for a thread without one. */
    void put(final long obj, final MempoolCache found) {
        state.checkUsable();
        objects.checkHandle(obj);
        final MempoolCache cache = activated(found);
        if (cache == null) {
            putOneWithoutOwnCache(obj);
        } else if (!instrumented) {
            cache.putOne(obj);
        } else {
            final long[] one = cache.scratch();
            one[0] = obj;
            put(one, 0, 1, cache, false);
        }
    }

    /** @param found the caller's cache as the facade found it: null for a thread without one. */
    boolean getBulk(final long[] objs, final int offset, final int n, final MempoolCache found) {
        state.checkUsable();
        Checks.checkTable(objs, offset, n);
        final MempoolCache cache = activated(found);
        return cache == null ? getWithoutOwnCache(objs, offset, n) : get(objs, offset, n, cache, false);
    }

    /** @param found the caller's cache as the facade found it: null for a thread without one. */
    void putBulk(final long[] objs, final int offset, final int n, final MempoolCache found) {
        state.checkUsable();
        Checks.checkTable(objs, offset, n);
        final MempoolCache cache = activated(found);
        if (cache == null) {
            putWithoutOwnCache(objs, offset, n); // checks the handles itself: a stripe's tryPut checks as it copies
        } else {
            objects.checkHandles(objs, offset, n);
            put(objs, offset, n, cache, false);
        }
    }

    // ---------------------------------------------------------------- threads without a cache of their own

    /** A virtual thread: through a stripe it holds for this call, else (every probed stripe taken) the store. */
    private boolean getWithoutOwnCache(final long[] objs, final int offset, final int n) {
        final MempoolCache stripe = activated(caches.claimStripe());
        if (stripe == null) {
            return get(objs, offset, n, null, false);
        }
        try {
            return !instrumented && stripe.tryGet(objs, offset, n) || get(objs, offset, n, stripe, false);
        } finally {
            stripe.release();
        }
    }

    private void putWithoutOwnCache(final long[] objs, final int offset, final int n) {
        final MempoolCache stripe = activated(caches.claimStripe());
        if (stripe == null) {
            objects.checkHandles(objs, offset, n);
            put(objs, offset, n, null, false);
            return;
        }
        try {
            if (instrumented || !stripe.tryPut(objs, offset, n)) { // a refused tryPut changed nothing
                objects.checkHandles(objs, offset, n);
                put(objs, offset, n, stripe, false);
            }
        } finally {
            stripe.release();
        }
    }

    private long getOneWithoutOwnCache() {
        final MempoolCache stripe = activated(caches.claimStripe());
        if (stripe == null) {
            final long[] one = new long[1]; // every stripe taken: rare, and the store's cost dwarfs it
            return get(one, 0, 1, null, false) ? one[0] : Mempool.NULL;
        }
        try {
            if (!instrumented) {
                return stripe.getOne();
            }
            final long[] one = stripe.scratch();
            return get(one, 0, 1, stripe, false) ? one[0] : Mempool.NULL;
        } finally {
            stripe.release();
        }
    }

    private void putOneWithoutOwnCache(final long obj) {
        final MempoolCache stripe = activated(caches.claimStripe());
        final long[] one = stripe == null ? new long[1] : stripe.scratch();
        one[0] = obj;
        if (stripe == null) {
            put(one, 0, 1, null, false);
            return;
        }
        try {
            if (instrumented) {
                put(one, 0, 1, stripe, false);
            } else {
                stripe.putOne(obj);
            }
        } finally {
            stripe.release();
        }
    }

    /** @param cache a user cache or the caller's default cache; null: straight to the store. */
    boolean genericGet(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        state.checkUsable();
        Checks.checkTable(objs, offset, n);
        return cache == null ? get(objs, offset, n, caches.forCurrentThread(), true)
            : get(objs, offset, n, checkCache(cache), false);
    }

    /** @param cache a user cache or the caller's default cache; null: straight to the store. */
    void genericPut(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        state.checkUsable();
        Checks.checkTable(objs, offset, n);
        final MempoolCache via = cache == null ? null : checkCache(cache);
        objects.checkHandles(objs, offset, n);
        if (via == null) {
            put(objs, offset, n, caches.forCurrentThread(), true);
        } else {
            put(objs, offset, n, via, false);
        }
    }

    /**
     * DPDK's {@code rte_mempool_get_contig_blocks}: straight from the store, inside the shared guard (with
     * DEBUG every object of every block is checked and marked handed out); STATS count one bulk and
     * {@code n} blocks, got or failed. The objects go back one by one, as ordinary objects.
     */
    boolean getContigBlocks(final long[] firsts, final int offset, final int n) {
        state.checkUsable();
        Checks.checkTable(firsts, offset, n);
        final StoreBoundary store = state.boundary();
        final int blockSize = store.contigBlockSize();
        if (blockSize == 0) {
            throw new UnsupportedOperationException("pool " + state.name() + ": ops " + store.opsName()
                + " has no contiguous blocks (contigBlockSize() is 0)");
        }
        final StoreGuard guard = store.sharedGuard();
        final boolean ok;
        guard.enterShared(store);
        try {
            ok = store.dequeueContigBlocks(firsts, offset, n);
            if (ok && debug != null) {
                debug.afterGetBlocks(state.memory(), store, firsts, offset, n, blockSize);
            }
        } finally {
            guard.exitShared();
        }
        if (stats != null) {
            stats.add(ok ? MempoolStats.GET_SUCCESS_BULK : MempoolStats.GET_FAIL_BULK, 1);
            stats.add(ok ? MempoolStats.GET_SUCCESS_BLKS : MempoolStats.GET_FAIL_BLKS, n);
        }
        return ok;
    }

    // ---------------------------------------------------------------- the transfer, plain or instrumented

    /**
     * @param cache  the cache to go through; null for a thread without one.
     * @param direct bypass the cache's objects (a cache-less call on behalf of its thread).
     */
    private boolean get(final long[] objs, final int offset, final int n, final MempoolCache cache, final boolean direct) {
        return instrumented ? instrumentedGet(objs, offset, n, cache, direct) : transferGet(objs, offset, n, cache, direct);
    }

    private void put(final long[] objs, final int offset, final int n, final MempoolCache cache, final boolean direct) {
        if (instrumented) {
            instrumentedPut(objs, offset, n, cache, direct);
        } else {
            transferPut(objs, offset, n, cache, direct);
        }
    }

    private boolean transferGet(final long[] objs, final int offset, final int n, final MempoolCache cache,
                                final boolean direct) {
        if (cache == null) {
            final StoreBoundary store = state.boundary();
            final StoreGuard guard = store.sharedGuard();
            guard.enterShared(store);
            try {
                return caches.reclaim(store, objs, offset, n);
            } finally {
                guard.exitShared();
            }
        }
        return direct ? cache.getDirect(objs, offset, n) : cache.get(objs, offset, n);
    }

    private void transferPut(final long[] objs, final int offset, final int n, final MempoolCache cache,
                             final boolean direct) {
        if (cache == null) {
            final StoreBoundary store = state.boundary();
            final StoreGuard guard = store.sharedGuard();
            guard.enterShared(store);
            try {
                store.enqueue(objs, offset, n);
            } finally {
                guard.exitShared();
            }
        } else if (direct) {
            cache.putDirect(objs, offset, n);
        } else {
            cache.put(objs, offset, n);
        }
    }

    private boolean instrumentedGet(final long[] objs, final int offset, final int n, final MempoolCache cache,
                                    final boolean direct) {
        final StoreBoundary store = state.boundary();
        enter(store, cache);
        try {
            final boolean ok = transferGet(objs, offset, n, cache, direct);
            if (cache == null && ok && n > 0) {
                count(null, MempoolStats.GET_COMMON_POOL_BULK, 1);
                count(null, MempoolStats.GET_COMMON_POOL_OBJS, n);
            }
            if (ok && debug != null) {
                debug.afterGet(state.memory(), store, objs, offset, n);
            }
            count(cache, ok ? MempoolStats.GET_SUCCESS_BULK : MempoolStats.GET_FAIL_BULK, 1);
            count(cache, ok ? MempoolStats.GET_SUCCESS_OBJS : MempoolStats.GET_FAIL_OBJS, n);
            return ok;
        } finally {
            exit(store, cache);
        }
    }

    /** As {@link #instrumentedGet}; handles already checked against the pool's memory. */
    private void instrumentedPut(final long[] objs, final int offset, final int n, final MempoolCache cache,
                                 final boolean direct) {
        final StoreBoundary store = state.boundary();
        enter(store, cache);
        try {
            if (debug != null) {
                debug.beforePut(state.memory(), objs, offset, n);
            }
            count(cache, MempoolStats.PUT_BULK, 1);
            count(cache, MempoolStats.PUT_OBJS, n);
            if (cache == null) {
                count(null, MempoolStats.PUT_COMMON_POOL_BULK, 1);
                count(null, MempoolStats.PUT_COMMON_POOL_OBJS, n);
            }
            try {
                transferPut(objs, offset, n, cache, direct);
            } catch (final IllegalStateException refused) {
                if (debug != null) {
                    debug.undoPut(state.memory(), objs, offset, n); // still inside the guard: the memory is there
                }
                throw refused;
            }
        } finally {
            exit(store, cache);
        }
    }

    /** With DEBUG the whole call is inside the caller's guard: the cookies are element memory close frees. */
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
        } else if (stats != null) {
            stats.add(counter, value);
        }
    }

    private MempoolCache checkCache(final MempoolCache cache) {
        if (cache.poolState() != state) {
            throw new IllegalArgumentException(
                Checks.message("cache", "of pool " + cache.poolState().name(), "a cache of pool " + state.name()));
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
