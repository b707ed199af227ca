package io.mempool.core;

import io.mempool.api.Checks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A per-thread cache of free objects in front of a pool's store: DPDK 26.07's {@code rte_mempool_cache}.
 * It holds at most {@link #size()} objects as a stack: a get returns the objects of the latest puts first;
 * a put that would overflow it first moves the oldest {@code size/2} to the store, a get that finds it
 * short refills {@code size/2} from the store, and a request for more than {@code size/2} objects
 * beyond what it holds goes straight to the store.
 *
 * <p><b>Order within a bulk.</b> DPDK reverses a bulk on its way through the cache (put a, b, c, then a
 * get of 3 returns c, b, a). Here a bulk keeps its table order (the same get returns a, b, c), so that
 * both directions are one {@link System#arraycopy}: the reversing copy cost 45% of the cached bulk-32
 * throughput. Across calls the stack order is DPDK's: put a, put b, put c, then a get of 3 returns
 * c, b, a; and the first object of a bulk put counts as its hottest.
 *
 * <p>Three kinds exist: the default cache of each platform thread ({@link Mempool#defaultCache()}),
 * made on the thread's first get or put and swept back into the pool after the thread has terminated;
 * user caches ({@link Mempool#createCache(int)}) for {@link Mempool#genericGet}/{@link Mempool#genericPut};
 * and stripes, caches that threads without one of their own (virtual threads) claim for one call at a
 * time ({@link CacheStripes}), never handed to users.
 *
 * <p><b>Layout.</b> The fields the fast path touches sit between two 128-byte pads (adjacent-line
 * prefetch), and the stack's array ends with 128 unused bytes, so the caches of two threads never share a
 * cache line, however the heap places them.
 *
 * <p><b>Thread safety:</b> a cache has one owner thread at a time and is not safe for concurrent use. A
 * default cache belongs to its thread for good: the pool refuses it from any other thread. A user cache
 * may change hands with a happens-before edge (e.g. a {@code volatile} write or a queue).
 * {@link #close()} is idempotent.
 */
public final class MempoolCache extends MempoolCacheL1Pad implements AutoCloseable {
    /** Made before the pool was populated: the next full-path call activates it. */
    private static final int NEW = 0;
    /** Hits are served by {@link #tryGet}/{@link #tryPut}, with no other check. */
    private static final int FAST = 1;
    /** Every call takes the pool's full path (DEBUG or STATS). */
    private static final int SLOW = 2;
    private static final int CLOSED = 3;
    /** From how many handles a put is copied by arraycopy and checked by the vectorised loop. */
    private static final int VECTOR_MIN = 16;
    /** Unused longs after the stack: 128 bytes between its hot end and whatever the heap puts next. */
    private static final int TAIL_PAD = 16;

    /** Only handed back by {@link #pool()}: the cache reaches its pool's parts through {@link #poolState}. */
    private final Mempool pool;
    private final PoolState poolState;
    private final CacheHome home;
    /** Whether every call must take the pool's full path (DEBUG or STATS). */
    private final boolean instrumented;
    /** Whether this is a stripe ({@link CacheStripes}): claimed for one call at a time. */
    private final boolean stripe;
    private final Thread owner;
    /** STATS counters, written by the owner thread only; null without STATS. */
    private final long[] stats;
    private final StoreGuard guard = new StoreGuard();
    /*
     * The hot fields, in MempoolCacheHotFields:
     * - objs: the stack. [top, end) are held, the hottest at top, the oldest at end - 1, where end is
     *   size + max(1, size/2). A refill lands in [top - size/2, top), below the held objects, so a failed
     *   get changes nothing; index 0 is never held (top >= end - size), so it serves as a scratch slot for
     *   single gets and puts. The array has TAIL_PAD more slots after end, never used.
     * - state: NEW, FAST, SLOW or CLOSED. The owner reads it plainly on every fast-path call (close
     *   happens-before any call ordered after it, so that call sees CLOSED); changes go through STATE.
     * - firstObject, alignmentShift, rangeLimit: the range check of a put on the fast path: chunk 0's first
     *   object, the alignment's bits, and the last object's offset shifted right by them; -1 (no put
     *   passes) until activated, and for a multi-chunk pool, whose puts the full path checks chunk by chunk.
     */

    /**
     * @param pool         the pool, for {@link #pool()} only.
     * @param state        the pool's state: its phase, memory and store boundary.
     * @param home         the registry's side the cache needs.
     * @param size         the most objects held, {@code 1..512}; 0 for a cache-less pool's per-thread guard.
     * @param owner        the thread of a default cache; null for a user cache or a stripe.
     * @param stripe       whether this is a stripe.
     * @param instrumented whether every call must take the full path (DEBUG or STATS).
     * @param stats        whether to keep STATS counters.
     */
    MempoolCache(final Mempool pool, final PoolState state, final CacheHome home, final int size, final Thread owner,
                 final boolean stripe, final boolean instrumented, final boolean stats) {
        this.pool = pool;
        this.poolState = state;
        this.home = home;
        this.stripe = stripe;
        this.instrumented = instrumented;
        this.stats = stats ? new long[MempoolStats.COUNTERS] : null;
        this.size = size;
        this.half = size / 2;
        this.end = size + Math.max(1, size / 2);
        this.objs = new long[end + TAIL_PAD];
        this.top = end;
        this.owner = owner;
        activate();
    }

    /** @return whether this stripe was free and is now the caller's, for one call (CAS: one holder). */
    boolean tryClaim() {
        return claimed == 0 && CLAIMED.compareAndSet(this, 0, 1); // the plain read skips a CAS on a taken stripe
    }

    /** Gives a claimed stripe back; release: everything done with it happens-before the next claim. */
    void release() {
        CLAIMED.setRelease(this, 0);
    }

    /** @return whether this is a stripe of threads without a cache of their own. */
    boolean isStripe() {
        return stripe;
    }

    /**
     * Makes a cache of a populated pool usable: its range-check bounds copied, FAST unless the pool's
     * calls must all take the full path. Called at creation and by the full path for a NEW cache.
     */
    void activate() {
        if (state != NEW) {
            return;
        }
        final PoolMemory memory = poolState.memoryOrNull();
        if (memory == null || poolState.phase() != PoolState.POPULATED) {
            return;
        }
        if (memory.singleChunk()) {
            firstObject = memory.firstObject();
            alignmentShift = Long.bitCount(memory.alignmentMask());
            rangeLimit = memory.lastDelta() >>> alignmentShift;
        }
        STATE.compareAndSet(this, NEW, instrumented ? SLOW : FAST); // CAS: loses only to a close
    }

    /**
     * @return the most objects this cache holds, {@code 1..512}.
     */
    public int size() {
        return size;
    }

    /**
     * The objects held now (DPDK's {@code len}). <b>Note:</b> read from a thread other than the owner it
     * may be stale; it is exact once the owner's last get or put happens-before the read.
     *
     * @return the count, {@code 0..size()}.
     */
    public int length() {
        return end - top;
    }

    /**
     * @return the pool this cache serves.
     */
    public Mempool pool() {
        return pool;
    }

    /**
     * @return whether {@link #close()} was called (or the pool closed, or swept this default cache).
     */
    public boolean isClosed() {
        return (int) STATE.getVolatile(this) == CLOSED;
    }

    /**
     * Returns every held object to the store (DPDK's {@code rte_mempool_cache_flush}).
     *
     * @throws IllegalStateException if the cache or its pool is closed, or this is another thread's
     *     default cache.
     */
    public void flush() {
        poolState.checkUsable();
        checkUsableBy(Thread.currentThread());
        final StoreBoundary store = poolState.boundary();
        guard.enterOwned(store);
        try {
            final int held = end - top;
            toStore(store, objs, top, held);
            top = end;
        } finally {
            guard.exitOwned();
        }
    }

    /**
     * Returns every held object to the store and closes the cache; later use throws
     * {@link IllegalStateException}. Idempotent. Unlike DPDK's {@code rte_mempool_cache_free}, this
     * flushes, so no object is lost. If the pool is closed meanwhile, the pool has taken the objects.
     *
     * @throws IllegalStateException if this is a thread's default cache: it lives as long as its thread
     *     or its pool (use {@link #flush()} to empty it).
     */
    @Override
    public void close() {
        if (owner != null) {
            throw new IllegalStateException("the default cache of thread " + owner.getName() + " in pool "
                + poolState.name() + " is closed with its pool or swept when its thread ends; use flush()");
        }
        final int was = (int) STATE.getAndSet(this, CLOSED);
        if (was != CLOSED) { // only the first close flushes
            final StoreBoundary store = poolState.boundaryOrNull(); // null: not populated, or closed
            if (store != null && end > top) {
                try {
                    guard.enterOwned(store);
                } catch (final IllegalStateException closed) {
                    return; // the pool's close takes the objects
                }
                try {
                    toStore(store, objs, top, end - top);
                    top = end;
                } finally {
                    guard.exitOwned();
                }
            }
            home.closed(this);
        }
    }

    /**
     * @throws IllegalStateException    if the cache is closed.
     * @throws IllegalArgumentException if it is a default cache and {@code caller} is not its thread.
     */
    void checkUsableBy(final Thread caller) {
        if (isClosed()) {
            throw new IllegalStateException("cache of pool " + poolState.name() + " is closed");
        }
        if (owner != null && owner != caller) {
            throw new IllegalArgumentException(Checks.message("cache", "the default cache of thread " + owner.getName(),
                "a user cache or the calling thread's own (" + caller.getName() + ")"));
        }
    }

    Thread owner() {
        return owner;
    }

    /** @return the state of the pool this cache serves: how the pool's full path recognises its own caches. */
    PoolState poolState() {
        return poolState;
    }

    /**
     * @return whether the calling thread may use this cache: any for a user cache, the owner for a default
     *     one, nobody for a stripe (it is only ever used claimed, by the pool's full path).
     */
    boolean ownedByCaller() {
        return owner == null ? !stripe : owner == Thread.currentThread();
    }

    StoreGuard guard() {
        return guard;
    }

    /**
     * A terminated owner's objects go back into the store, from the sweeping thread inside the store's
     * shared guard (its writes are visible: see the caller); a refusal leaves them held here.
     */
    void drainToStoreShared(final StoreBoundary store) {
        final int held = end - top;
        if (held > 0) {
            final StoreGuard shared = store.sharedGuard();
            shared.enterShared(store);
            try {
                toStore(store, objs, top, held);
                top = end;
            } finally {
                shared.exitShared();
            }
        }
    }

    /** A terminated owner's, or a claimed stripe's, objects go to the orphans (its writes are visible: see the callers). */
    void drainInto(final Orphans orphans) {
        final int held = end - top;
        if (held > 0) {
            orphans.add(objs, top, held);
            top = end;
        }
    }

    /** Close of the pool, once no call is inside the store: every held object goes back. */
    void drainTo(final StoreBoundary store) {
        final int held = end - top;
        if (held > 0) {
            store.enqueue(objs, top, held);
            top = end;
        }
    }

    void markClosed() {
        STATE.setVolatile(this, CLOSED);
    }

    void count(final int counter, final long value) {
        if (stats != null) {
            stats[counter] += value;
        }
    }

    /** Adds this cache's counters; racy while the owner runs, as documented on {@link MempoolStats}. */
    void addStatsTo(final long[] sum) {
        if (stats != null) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += stats[i];
            }
        }
    }

    void resetStats() {
        if (stats != null) {
            Arrays.fill(stats, 0);
        }
    }

    long[] stats() {
        return stats;
    }

    // ---------------------------------------------------------------- the fast path (owner thread only)

    /**
     * A hit served with no other check: the pool open and populated (FAST), a sane table, {@code n}
     * held. Anything else returns false and the pool's full path decides, checks and explains.
     */
    boolean tryGet(final long[] tbl, final int off, final int n) {
        final int t = top;
        if (state == FAST && tbl != null && n > 0 && n <= end - t && off >= 0 && off <= tbl.length - n) {
            if (n == 1) {
                tbl[off] = objs[t];
            } else {
                System.arraycopy(objs, t, tbl, off, n);
            }
            top = t + n;
            return true;
        }
        return false;
    }

    /** @return the hottest object, or {@link Mempool#NULL} to send the call down the full path. */
    long tryGetOne() {
        final int t = top;
        if (state == FAST && t < end) {
            top = t + 1;
            return objs[t];
        }
        return Mempool.NULL;
    }

    /**
     * A put that fits, range-checked as it is copied. The handles land below {@code top} and {@code top}
     * moves only if all pass, so a rejected put changes nothing; the full path then names the bad handle.
     */
    boolean tryPut(final long[] tbl, final int off, final int n) {
        final long[] cached = objs;
        final int t = top;
        if (state == FAST && rangeLimit >= 0 && tbl != null && n > 0 && n <= size - (end - t) && off >= 0
            && off <= tbl.length - n) {
            final int to = t - n;
            final boolean inRange;
            if (n == 1) { // a load and a store: no loop (C2 strip-mines even a one-trip loop)
                final long obj = tbl[off];
                inRange = !HandleRange.ENABLED || HandleRange.contains(obj, firstObject, alignmentShift, rangeLimit);
                cached[to] = obj; // below top: not handed out unless top moves
            } else if (!HandleRange.ENABLED) { // the user turned the check off: a constant, folded by C2
                System.arraycopy(tbl, off, cached, to, n);
                inRange = true;
            } else if (HandleRange.VECTOR_REDUCTIONS && n >= VECTOR_MIN) { // copy, then the vectorised check of the copy
                System.arraycopy(tbl, off, cached, to, n);
                inRange = HandleRange.all(cached, to, t, firstObject, alignmentShift, rangeLimit);
            } else {
                inRange = HandleRange.copyAll(tbl, off, cached, to, n, firstObject, alignmentShift, rangeLimit);
            }
            if (inRange) {
                top = to;
                return true;
            }
        }
        return false;
    }

    /** As {@link #tryPut} for one handle. */
    boolean tryPutOne(final long obj) {
        final int t = top;
        final long limit = rangeLimit;
        if (state == FAST && end - t < size && limit >= 0
            && (!HandleRange.ENABLED || HandleRange.contains(obj, firstObject, alignmentShift, limit))) {
            objs[t - 1] = obj;
            top = t - 1;
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- the algorithm (owner thread only)

    /**
     * Gets {@code n} objects, all or none; arguments already checked by the pool.
     */
    boolean get(final long[] tbl, final int off, final int n) {
        final int t = top;
        if (n <= end - t) {
            if (n == 1) {
                tbl[off] = objs[t]; // a one-element arraycopy costs more than the load
            } else {
                System.arraycopy(objs, t, tbl, off, n);
            }
            top = t + n;
            return true;
        }
        return getBeyondHeld(tbl, off, n, t);
    }

    private boolean getBeyondHeld(final long[] tbl, final int off, final int n, final int t) {
        final long[] cached = objs;
        final int held = end - t;
        final int remaining = n - held;
        final StoreBoundary store = poolState.boundary();
        guard.enterOwned(store);
        try {
            if (remaining <= half && fromStore(store, cached, t - half, half, false)) {
                // the held objects first, then the refill's first ones; the rest of the refill stays
                System.arraycopy(cached, t, tbl, off, held);
                System.arraycopy(cached, t - half, tbl, off + held, remaining);
                final int kept = half - remaining;
                if (held > 0) {
                    System.arraycopy(cached, t - half + remaining, cached, end - kept, kept);
                }
                top = end - kept;
                return true;
            }
            if (!fromStore(store, tbl, off + held, remaining, true)) {
                return false; // nothing taken from the store, the cache unchanged
            }
            System.arraycopy(cached, t, tbl, off, held);
            top = end;
            return true;
        } finally {
            guard.exitOwned();
        }
    }

    /**
     * @return one object, or {@link Mempool#NULL} if neither the cache nor the store has one.
     */
    long getOne() {
        final int t = top;
        if (t < end) {
            top = t + 1;
            return objs[t];
        }
        return get(objs, 0, 1) ? objs[0] : Mempool.NULL;
    }

    /**
     * Puts {@code n} objects; arguments and handles already checked by the pool.
     */
    void put(final long[] tbl, final int off, final int n) {
        final long[] cached = objs;
        final int t = top;
        final int held = end - t;
        if (n <= size - held) {
            if (n == 1) {
                cached[t - 1] = tbl[off];
            } else {
                System.arraycopy(tbl, off, cached, t - n, n);
            }
            top = t - n;
            return;
        }
        final StoreBoundary store = poolState.boundary();
        guard.enterOwned(store);
        try {
            if (n <= half) {
                toStore(store, cached, end - half, half); // the oldest half: the coldest objects leave
                System.arraycopy(cached, t, cached, t + half, held - half);
                System.arraycopy(tbl, off, cached, t + half - n, n);
                top = t + half - n;
            } else {
                toStore(store, tbl, off, n);
            }
        } finally {
            guard.exitOwned();
        }
    }

    void putOne(final long obj) {
        final int t = top;
        if (end - t < size) {
            objs[t - 1] = obj;
            top = t - 1;
        } else {
            objs[0] = obj;
            put(objs, 0, 1);
        }
    }

    /** A cache-less get on behalf of this cache's thread: straight to the store, inside its guard. */
    boolean getDirect(final long[] tbl, final int off, final int n) {
        final StoreBoundary store = poolState.boundary();
        guard.enterOwned(store);
        try {
            return fromStore(store, tbl, off, n, true);
        } finally {
            guard.exitOwned();
        }
    }

    /** A cache-less put on behalf of this cache's thread: straight to the store, inside its guard. */
    void putDirect(final long[] tbl, final int off, final int n) {
        final StoreBoundary store = poolState.boundary();
        guard.enterOwned(store);
        try {
            toStore(store, tbl, off, n);
        } finally {
            guard.exitOwned();
        }
    }

    /** @return a scratch table of one slot for single cache-less calls; never a held slot. */
    long[] scratch() {
        return objs;
    }

    private void toStore(final StoreBoundary store, final long[] tbl, final int off, final int n) {
        count(MempoolStats.PUT_COMMON_POOL_BULK, 1);
        count(MempoolStats.PUT_COMMON_POOL_OBJS, n);
        store.enqueue(tbl, off, n);
    }

    private boolean fromStore(final StoreBoundary store, final long[] tbl, final int off, final int n, final boolean last) {
        if (last ? home.reclaim(store, tbl, off, n) : store.dequeue(tbl, off, n)) {
            count(MempoolStats.GET_COMMON_POOL_BULK, 1);
            count(MempoolStats.GET_COMMON_POOL_OBJS, n);
            return true;
        }
        return false;
    }

    static int checkSize(final int size) {
        return Checks.inRange("cache size", size, 1, Mempool.CACHE_MAX_SIZE);
    }

    private static final VarHandle STATE;
    private static final VarHandle CLAIMED;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(MempoolCacheHotFields.class, "state", int.class);
            CLAIMED = MethodHandles.lookup().findVarHandle(MempoolCacheHotFields.class, "claimed", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
