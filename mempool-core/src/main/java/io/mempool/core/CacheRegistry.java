package io.mempool.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pool's caches: one per platform thread that has used the pool (its default cache; with a cache
 * size of 0 it holds nothing and serves only as the thread's {@link StoreGuard}), the user caches, and
 * the stripes that threads without a cache of their own (virtual threads) claim ({@link CacheStripes}).
 *
 * <p><b>Finding the calling thread's cache.</b> A small table indexed by the thread's id sits in front
 * of a map keyed by the thread: a hit is two loads and a compare, and writes nothing, so threads do not
 * contend for its lines. A slot belongs to the first thread that claims it; a thread whose slot a live
 * thread holds uses the map (correct, only slower). No thread-local is involved, so nothing outside
 * the pool keeps the pool: a closed pool is collectable while the threads that used it live.
 *
 * <p><b>Dead threads.</b> A terminated thread's cache is swept when another thread registers a cache
 * and before a get fails ({@link #reclaim}). Its objects go back into the store, from the sweeping
 * thread, unless the store promises a single producer ({@code SP_PUT}, by flag or by its ops): then the
 * sweeper may not be that producer, so they wait in the {@link Orphans} for the gets that need them. So
 * the registry holds caches of live threads, plus those that died since the last registration or failed get.
 *
 * <p>Caches reach back to the registry only through {@link CacheHome}, which it implements; the pool
 * makes the caches ({@link CacheFactory}), so the registry names no pool.
 *
 * <p><b>Thread safety:</b> {@link #forCurrentThread()} and {@link #claimStripe()} are lock-free;
 * registration, sweeping, user caches and {@link #close} hold a {@link ReentrantLock}, which a virtual
 * thread on a get's path only ever tries (it never parks inside a get or put). {@link #snapshot()} is
 * safe from any thread.
 */
final class CacheRegistry implements CacheHome {
    private static final int SLOTS = 64;
    private static final MempoolCache[] NONE = new MempoolCache[0];
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(MempoolCache[].class);

    /** Makes the pool's caches. */
    @FunctionalInterface
    interface CacheFactory {
        /**
         * @param size   the cache size (0: a cache-less pool's per-thread guard).
         * @param owner  the thread of a default cache; null for a stripe.
         * @param stripe whether the cache is a stripe.
         * @return a new cache of the pool.
         */
        MempoolCache newCache(int size, Thread owner, boolean stripe);
    }

    private final PoolState state;
    private final int cacheSize;
    private final CacheFactory factory;
    /** Where closed and swept caches' counters go; null without STATS. */
    private final PoolStats stats;
    private final MempoolCache[] slots = new MempoolCache[SLOTS];
    private final ConcurrentHashMap<Thread, MempoolCache> byThread = new ConcurrentHashMap<>();
    private final Orphans orphans = new Orphans();
    private final ReentrantLock lock = new ReentrantLock();
    /** Every cache, default and user; replaced under the lock, read without it. */
    private volatile MempoolCache[] all = NONE;
    /** Made at the first call of a thread without a cache, if the pool has caches. */
    private volatile CacheStripes stripes;
    private boolean closed; // guarded by lock

    CacheRegistry(final PoolState state, final int cacheSize, final CacheFactory factory, final PoolStats stats) {
        this.state = state;
        this.cacheSize = cacheSize;
        this.factory = factory;
        this.stats = stats;
    }

    /**
     * @return the calling thread's cache, registered on first use; null for a virtual thread (a cache
     *     per virtual thread would strand objects in millions of short-lived caches: see {@link #claimStripe}).
     * @throws IllegalStateException if the pool is closed and the thread has no cache yet.
     */
    MempoolCache forCurrentThread() {
        final Thread thread = Thread.currentThread();
        @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same id on 17
        final int index = (int) thread.getId() & (SLOTS - 1);
        final MempoolCache cache = slots[index]; // a plain read: a stale value only sends us the slow way
        if (cache != null && cache.owner() == thread) {
            return cache;
        }
        return lookup(thread, index);
    }

    private MempoolCache lookup(final Thread thread, final int index) {
        if (VirtualThreads.isVirtual(thread)) {
            return null;
        }
        MempoolCache mine = byThread.get(thread);
        if (mine == null) {
            mine = register(thread);
        }
        final MempoolCache holder = (MempoolCache) SLOT.getVolatile(slots, index);
        if (holder == null || !holder.owner().isAlive()) {
            SLOT.compareAndSet(slots, index, holder, mine); // CAS: losing the race is fine, the map serves
        }
        return mine;
    }

    private MempoolCache register(final Thread thread) {
        lock.lock(); // a platform thread: it may wait
        try {
            if (closed) {
                throw state.closedException();
            }
            sweepDead();
            final MempoolCache cache = factory.newCache(cacheSize, thread, false);
            byThread.put(thread, cache);
            all = append(all, cache);
            return cache;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return a stripe the caller now holds for one call and must {@link MempoolCache#release()}; or null
     *     if the pool has no caches, is closed, or every probed stripe is taken (the call goes to the store).
     */
    MempoolCache claimStripe() {
        CacheStripes now = stripes;
        if (now == null) {
            if (cacheSize == 0 || !lock.tryLock()) {
                return null; // no caches; or another thread is registering: the store serves this call
            }
            try {
                if (closed) {
                    return null;
                }
                if (stripes == null) {
                    stripes = new CacheStripes(() -> factory.newCache(cacheSize, null, true),
                        Runtime.getRuntime().availableProcessors()); // volatile: published whole
                }
                now = stripes;
            } finally {
                lock.unlock();
            }
        }
        return now.claim(Thread.currentThread());
    }

    /** Registers a user cache. */
    void addUser(final MempoolCache cache) {
        lock.lock();
        try {
            if (closed) {
                throw state.closedException();
            }
            all = append(all, cache);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets a closed user cache, folding its counters into the pool's. */
    @Override
    public void closed(final MempoolCache cache) {
        lock.lock();
        try {
            if (remove(cache)) {
                fold(cache);
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@inheritDoc} Sweeps the caches of terminated threads first; a virtual thread only if the lock is free. */
    @Override
    public boolean reclaim(final StoreBoundary store, final long[] objs, final int offset, final int n) {
        if (store.dequeue(objs, offset, n)) {
            return true;
        }
        if (VirtualThreads.isVirtual(Thread.currentThread()) ? lock.tryLock() : lockAndTrue()) {
            try {
                sweepDead();
            } finally {
                lock.unlock();
            }
        }
        return store.dequeue(objs, offset, n) || orphans.takeWithStore(store, objs, offset, n)
            || fromIdleStripes(store, objs, offset, n);
    }

    /**
     * The very last resort: the objects of stripes no thread holds now (virtual threads that have gone
     * quiet leave objects there) join the orphans, and the get takes from the orphans and the store, all or
     * none. A stripe is claimed like any other use of it, so no thread using it is disturbed.
     */
    private boolean fromIdleStripes(final StoreBoundary store, final long[] objs, final int offset, final int n) {
        final CacheStripes striped = stripes;
        if (striped == null) {
            return false;
        }
        boolean moved = false;
        for (final MempoolCache stripe : striped.all()) {
            if (stripe.length() > 0 && stripe.tryClaim()) {
                try {
                    stripe.drainInto(orphans);
                    moved = true;
                } finally {
                    stripe.release();
                }
            }
        }
        return moved && orphans.takeWithStore(store, objs, offset, n);
    }

    private boolean lockAndTrue() {
        lock.lock();
        return true;
    }

    /**
     * Sweeps the caches of terminated threads: their objects back into the store, or, for a single-producer
     * store (or one that refuses them), into the orphans. The caller holds the lock.
     */
    private void sweepDead() {
        final MempoolCache[] now = all;
        final MempoolCache[] alive = new MempoolCache[now.length];
        final StoreBoundary store = state.boundaryOrNull();
        final boolean intoStore = store != null && !state.ops().singleProducer();
        int kept = 0;
        for (final MempoolCache cache : now) {
            final Thread owner = cache.owner();
            // Thread termination happens-before isAlive() returning false: the owner's writes are visible.
            if (owner != null && !owner.isAlive()) {
                if (intoStore) {
                    try {
                        cache.drainToStoreShared(store);
                    } catch (final IllegalStateException closedOrRefused) {
                        cache.drainInto(orphans); // close drains the orphans; a refusal keeps them countable
                    }
                } else {
                    cache.drainInto(orphans);
                }
                cache.markClosed();
                byThread.remove(owner, cache);
                @SuppressWarnings("deprecation")
                final int index = (int) owner.getId() & (SLOTS - 1);
                SLOT.compareAndSet(slots, index, cache, null); // CAS: only if it still holds this cache
                fold(cache);
            } else {
                alive[kept++] = cache;
            }
        }
        if (kept < now.length) {
            all = Arrays.copyOf(alive, kept);
        }
    }

    private void fold(final MempoolCache cache) {
        if (stats != null && cache.stats() != null) {
            stats.fold(cache.stats());
        }
    }

    private boolean remove(final MempoolCache cache) {
        final MempoolCache[] now = all;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == cache) {
                final MempoolCache[] next = Arrays.copyOf(now, now.length - 1);
                System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                all = next;
                return true;
            }
        }
        return false;
    }

    /** @return every cache now: default, user and stripes. */
    MempoolCache[] snapshot() {
        final MempoolCache[] caches = all;
        final CacheStripes striped = stripes;
        if (striped == null) {
            return caches;
        }
        final MempoolCache[] more = striped.all();
        final MempoolCache[] both = Arrays.copyOf(caches, caches.length + more.length);
        System.arraycopy(more, 0, both, caches.length, more.length);
        return both;
    }

    /**
     * Waits until no call is inside the store or element memory: none in {@code shared}, the guard of
     * callers without a cache, and none in any cache's guard.
     *
     * @return false if a call stayed inside past {@code deadline} ({@link System#nanoTime()}).
     */
    boolean awaitQuiet(final StoreGuard shared, final long deadline) {
        if (!shared.awaitOutside(deadline)) {
            return false;
        }
        for (final MempoolCache cache : snapshot()) {
            if (!cache.guard().awaitOutside(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** @return the objects of terminated threads' caches held for gets (single-producer stores only). */
    int orphanCount() {
        return orphans.count();
    }

    /** @return the objects held by caches and orphans; exact when no thread is inside a get or put. */
    long heldCount() {
        long held = orphans.count();
        for (final MempoolCache cache : snapshot()) {
            held += cache.length();
        }
        return held;
    }

    /**
     * Step of close, once no call is inside the store: closes and forgets every cache, so nothing here
     * keeps a thread or a cache, then returns their objects and the orphans to the store (when given).
     * A store that throws fails that drain alone; the first failure is rethrown with the others suppressed.
     */
    void close(final StoreBoundary store) {
        final MempoolCache[] caches;
        lock.lock();
        try {
            closed = true;
            caches = snapshot();
            all = NONE;
            stripes = null;
            byThread.clear();
            Arrays.fill(slots, null);
        } finally {
            lock.unlock();
        }
        for (final MempoolCache cache : caches) {
            cache.markClosed(); // before any drain: a store that throws must not leave a cache serving a closed pool
        }
        if (store == null) {
            return;
        }
        final Failures failures = new Failures(); // a store that throws fails that drain alone
        for (final MempoolCache cache : caches) {
            failures.run(() -> cache.drainTo(store));
        }
        failures.run(() -> orphans.drainTo(store));
        failures.rethrow();
    }

    private static MempoolCache[] append(final MempoolCache[] now, final MempoolCache cache) {
        final MempoolCache[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = cache;
        return next;
    }
}
