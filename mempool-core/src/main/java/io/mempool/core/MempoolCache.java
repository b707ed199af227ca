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
 * <p>Two kinds exist: the default cache of each platform thread ({@link Mempool#defaultCache()}),
 * made on the thread's first get or put and returned to the pool when the thread has terminated, and
 * user caches ({@link Mempool#createCache(int)}) for {@link Mempool#genericGet}/{@link Mempool#genericPut}.
 *
 * <p><b>Thread safety:</b> a cache has one owner thread at a time and is not safe for concurrent use;
 * handing it to another thread needs a happens-before edge (e.g. a {@code volatile} write or a queue).
 * {@link #close()} is idempotent and may race with the pool reclaiming a dead thread's cache.
 */
public final class MempoolCache implements AutoCloseable {
    private static final int OPEN = 0;
    private static final int CLOSED = 1;

    private final Mempool pool;
    private final int size;
    private final int half;
    /**
     * The stack: [top, end) are held, the hottest at top, the oldest at end - 1, where end is the array's
     * length, size + max(1, size/2). A refill lands in [top - size/2, top), below the held objects, so a
     * failed get changes nothing; index 0 is never held (top >= end - size), so it serves as a scratch
     * slot for single gets and puts.
     */
    private final long[] objs;
    private final int end;
    private final Thread owner;
    /** STATS counters, written by the owner thread only; null without STATS. */
    private final long[] stats;
    private int top;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    MempoolCache(final Mempool pool, final int size, final Thread owner, final boolean keepStats) {
        this.pool = pool;
        this.stats = keepStats ? new long[MempoolStats.COUNTERS] : null;
        this.size = size;
        this.half = size / 2;
        this.objs = new long[size + Math.max(1, size / 2)];
        this.end = objs.length;
        this.top = end;
        this.owner = owner;
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
     * @return whether {@link #close()} was called (or the pool closed or reclaimed this cache).
     */
    public boolean isClosed() {
        return state == CLOSED;
    }

    /**
     * Returns every held object to the store (DPDK's {@code rte_mempool_cache_flush}).
     *
     * @throws IllegalStateException if the cache or its pool is closed.
     */
    public void flush() {
        pool.checkOpen();
        checkCacheOpen();
        flushAll();
    }

    /**
     * Returns every held object to the store and closes the cache; later use throws
     * {@link IllegalStateException}. Idempotent. Unlike DPDK's {@code rte_mempool_cache_free}, this
     * flushes, so no object is lost.
     *
     * @throws IllegalStateException if this is a thread's default cache: it lives as long as its thread
     *     or its pool (use {@link #flush()} to empty it).
     */
    @Override
    public void close() {
        if (owner != null) {
            throw new IllegalStateException("the default cache of thread " + owner.getName() + " in pool "
                + pool.name() + " is closed with its pool or reclaimed when its thread ends; use flush()");
        }
        if (STATE.compareAndSet(this, OPEN, CLOSED)) { // only one of close and the pool's close flushes
            if (!pool.isClosed()) {
                flushAll();
            }
            pool.removeCache(this);
        }
    }

    void checkCacheOpen() {
        if (state == CLOSED) {
            throw new IllegalStateException("cache of pool " + pool.name() + " is closed");
        }
    }

    Thread owner() {
        return owner;
    }

    /** Flushes and closes the cache if its owner thread has terminated; true if this call did. */
    boolean reclaimIfOwnerDead() {
        // Thread termination happens-before isAlive() returning false, so the owner's writes are visible.
        if (owner != null && !owner.isAlive() && STATE.compareAndSet(this, OPEN, CLOSED)) {
            flushAll();
            pool.removeCache(this);
            return true;
        }
        return false;
    }

    /** Called by the pool when it closes, after flushing: refuse further use. */
    void markClosed() {
        state = CLOSED;
    }

    /** Flushes without closing, for the pool's close; the caller owns the pool. */
    void flushForPool() {
        if (state == OPEN) {
            flushAll();
        }
    }

    private void flushAll() {
        final int held = end - top;
        if (held > 0) {
            toStore(objs, top, held);
            top = end;
        }
    }

    private void toStore(final long[] tbl, final int off, final int n) {
        count(MempoolStats.PUT_COMMON_POOL_BULK, 1);
        count(MempoolStats.PUT_COMMON_POOL_OBJS, n);
        pool.storePut(tbl, off, n);
    }

    private boolean fromStore(final long[] tbl, final int off, final int n) {
        if (pool.storeGet(tbl, off, n)) {
            count(MempoolStats.GET_COMMON_POOL_BULK, 1);
            count(MempoolStats.GET_COMMON_POOL_OBJS, n);
            return true;
        }
        return false;
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
        if (remaining <= half && fromStore(cached, t - half, half)) {
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
        if (!fromStore(tbl, off + held, remaining)) {
            return false; // nothing taken from the store, the cache unchanged
        }
        System.arraycopy(cached, t, tbl, off, held);
        top = end;
        return true;
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
        } else if (n <= half) {
            toStore(cached, end - half, half); // the oldest half: the coldest objects leave
            System.arraycopy(cached, t, cached, t + half, held - half);
            System.arraycopy(tbl, off, cached, t + half - n, n);
            top = t + half - n;
        } else {
            toStore(tbl, off, n);
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

    static int checkSize(final int size) {
        return Checks.inRange("cache size", size, 1, Mempool.CACHE_MAX_SIZE);
    }

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(MempoolCache.class, "state", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
