package io.mempool.core;

import io.mempool.api.Checks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A per-thread cache of free objects in front of a pool's store: DPDK 26.07's {@code rte_mempool_cache}.
 * It holds at most {@link #size()} objects, LIFO (a get returns the most recently put object first);
 * a put that would overflow it first moves the oldest {@code size/2} to the store, a get that finds it
 * short refills {@code size/2} from the store, and a request for more than {@code size/2} objects
 * beyond what it holds goes straight to the store.
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
     * [0, len) are held, oldest at 0. Room for size + size/2 so a refill never overwrites held objects
     * (a failed get changes nothing), and at least one spare slot at [size] for single gets and puts.
     */
    private final long[] objs;
    private final Thread owner;
    /** STATS counters, written by the owner thread only; null without STATS. */
    private final long[] stats;
    private int len;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    MempoolCache(final Mempool pool, final int size, final Thread owner, final boolean keepStats) {
        this.pool = pool;
        this.stats = keepStats ? new long[MempoolStats.COUNTERS] : null;
        this.size = size;
        this.half = size / 2;
        this.objs = new long[size + Math.max(1, size / 2)];
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
        return len;
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
        final int held = len;
        if (held > 0) {
            toStore(objs, 0, held);
            len = 0;
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
            java.util.Arrays.fill(stats, 0);
        }
    }

    long[] stats() {
        return stats;
    }

    /**
     * Gets {@code n} objects, all or none; arguments already checked by the pool.
     */
    boolean get(final long[] tbl, final int off, final int n) {
        final long[] cached = objs;
        final int held = len;
        if (n <= held) {
            for (int i = 0; i < n; i++) {
                tbl[off + i] = cached[held - 1 - i];
            }
            len = held - n;
            return true;
        }
        return getBeyondHeld(tbl, off, n, held);
    }

    private boolean getBeyondHeld(final long[] tbl, final int off, final int n, final int held) {
        final long[] cached = objs;
        final int remaining = n - held;
        int nextLen = 0;
        if (remaining <= half && fromStore(cached, held, half)) {
            // refilled above the held objects: serve the rest from the new top, keep half - remaining
            final int top = held + half;
            for (int i = 0; i < remaining; i++) {
                tbl[off + held + i] = cached[top - 1 - i];
            }
            nextLen = half - remaining;
        } else if (!fromStore(tbl, off + held, remaining)) {
            return false; // nothing taken from the store, the cache unchanged
        }
        for (int i = 0; i < held; i++) {
            tbl[off + i] = cached[held - 1 - i];
        }
        if (nextLen > 0) {
            System.arraycopy(cached, held, cached, 0, nextLen);
        }
        len = nextLen;
        return true;
    }

    /**
     * @return one object, or {@link Mempool#NULL} if neither the cache nor the store has one.
     */
    long getOne() {
        final int held = len;
        if (held > 0) {
            len = held - 1;
            return objs[held - 1];
        }
        return get(objs, size, 1) ? objs[size] : Mempool.NULL;
    }

    /**
     * Puts {@code n} objects; arguments and handles already checked by the pool.
     */
    void put(final long[] tbl, final int off, final int n) {
        final long[] cached = objs;
        final int held = len;
        if (n <= size - held) {
            System.arraycopy(tbl, off, cached, held, n);
            len = held + n;
        } else if (n <= half) {
            toStore(cached, 0, half); // the oldest half: the coldest objects leave
            final int kept = held - half;
            System.arraycopy(cached, half, cached, 0, kept);
            System.arraycopy(tbl, off, cached, kept, n);
            len = kept + n;
        } else {
            toStore(tbl, off, n);
        }
    }

    void putOne(final long obj) {
        final int held = len;
        if (held < size) {
            objs[held] = obj;
            len = held + 1;
        } else {
            objs[size] = obj;
            put(objs, size, 1);
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
