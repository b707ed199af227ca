package io.mempool.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pool's caches: one per platform thread that has used the pool (its default cache; with a cache
 * size of 0 it holds nothing and serves only as the thread's {@link StoreGuard}), and the user caches.
 *
 * <p><b>Finding the calling thread's cache.</b> A small table indexed by the thread's id sits in front
 * of a map keyed by the thread: a hit is two loads and a compare, and writes nothing, so threads do not
 * contend for its lines. A slot belongs to the first thread that claims it; a thread whose slot a live
 * thread holds uses the map (correct, only slower). No thread-local is involved, so nothing outside
 * the pool keeps the pool: a closed pool is collectable while the threads that used it live.
 *
 * <p><b>Dead threads.</b> A terminated thread's cache is swept when another thread registers a cache
 * and before a get fails ({@link #reclaim}); its objects go to the {@link Orphans}, never into the
 * store from the sweeping thread. So the registry holds caches of live threads, plus those that died
 * since the last registration or failed get.
 *
 * <p>Caches reach back to the registry only through {@link CacheHome}, which it implements; the pool
 * makes the caches ({@link CacheFactory}), so the registry names no pool.
 *
 * <p><b>Thread safety:</b> {@link #forCurrentThread()} is lock-free on a hit; registration, sweeping,
 * user caches and {@link #close} hold this object's lock. {@link #snapshot()} is safe from any thread.
 */
final class CacheRegistry implements CacheHome {
    private static final int SLOTS = 64;
    private static final MempoolCache[] NONE = new MempoolCache[0];
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(MempoolCache[].class);
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    /** Makes a thread's default cache. */
    @FunctionalInterface
    interface CacheFactory {
        /**
         * @param size  the cache size (0: a cache-less pool's per-thread guard).
         * @param owner the thread.
         * @return a new cache of the pool.
         */
        MempoolCache newCache(int size, Thread owner);
    }

    private final PoolState state;
    private final int cacheSize;
    private final CacheFactory factory;
    /** Where closed and swept caches' counters go; null without STATS. */
    private final PoolStats stats;
    private final MempoolCache[] slots = new MempoolCache[SLOTS];
    private final ConcurrentHashMap<Thread, MempoolCache> byThread = new ConcurrentHashMap<>();
    private final Orphans orphans = new Orphans();
    /** Every cache, default and user; replaced under the lock, read without it. */
    private volatile MempoolCache[] all = NONE;
    private boolean closed; // guarded by this

    CacheRegistry(final PoolState state, final int cacheSize, final CacheFactory factory, final PoolStats stats) {
        this.state = state;
        this.cacheSize = cacheSize;
        this.factory = factory;
        this.stats = stats;
    }

    /**
     * @return the calling thread's cache, registered on first use; null for a virtual thread (a cache
     *     per virtual thread would strand objects in millions of short-lived caches).
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
        MempoolCache mine = byThread.get(thread);
        if (mine == null) {
            if (isVirtual(thread)) {
                return null;
            }
            mine = register(thread);
        }
        final MempoolCache holder = (MempoolCache) SLOT.getVolatile(slots, index);
        if (holder == null || !holder.owner().isAlive()) {
            SLOT.compareAndSet(slots, index, holder, mine); // losing the race is fine: the map serves
        }
        return mine;
    }

    private synchronized MempoolCache register(final Thread thread) {
        if (closed) {
            throw state.closedException();
        }
        sweepDead();
        final MempoolCache cache = factory.newCache(cacheSize, thread);
        byThread.put(thread, cache);
        all = append(all, cache);
        return cache;
    }

    /** Registers a user cache. */
    synchronized void addUser(final MempoolCache cache) {
        if (closed) {
            throw state.closedException();
        }
        all = append(all, cache);
    }

    /** Forgets a closed user cache, folding its counters into the pool's. */
    @Override
    public synchronized void closed(final MempoolCache cache) {
        if (remove(cache)) {
            fold(cache);
        }
    }

    /** {@inheritDoc} Sweeps the caches of terminated threads first. */
    @Override
    public boolean reclaim(final StoreBoundary store, final long[] objs, final int offset, final int n) {
        if (store.dequeue(objs, offset, n)) {
            return true;
        }
        synchronized (this) {
            sweepDead();
        }
        return orphans.takeWithStore(store, objs, offset, n);
    }

    /** Sweeps the caches of terminated threads into the orphans; the caller holds the lock. */
    private void sweepDead() {
        final MempoolCache[] now = all;
        final MempoolCache[] alive = new MempoolCache[now.length];
        int kept = 0;
        for (final MempoolCache cache : now) {
            final Thread owner = cache.owner();
            // Thread termination happens-before isAlive() returning false: the owner's writes are visible.
            if (owner != null && !owner.isAlive()) {
                cache.drainInto(orphans);
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

    /** @return every cache now, default and user. */
    MempoolCache[] snapshot() {
        return all;
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
        for (final MempoolCache cache : all) {
            if (!cache.guard().awaitOutside(deadline)) {
                return false;
            }
        }
        return true;
    }

    Orphans orphans() {
        return orphans;
    }

    /** @return the objects held by caches and orphans; exact when no thread is inside a get or put. */
    long heldCount() {
        long held = orphans.count();
        for (final MempoolCache cache : all) {
            held += cache.length();
        }
        return held;
    }

    /**
     * Step of close, once no call is inside the store: closes and forgets every cache, so nothing here
     * keeps a thread or a cache, then returns their objects and the orphans to the store (when given).
     * A store that throws fails that drain alone; the first failure is rethrown with the others suppressed.
     */
    synchronized void close(final StoreBoundary store) {
        closed = true;
        final MempoolCache[] caches = all;
        all = NONE;
        byThread.clear();
        Arrays.fill(slots, null);
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

    private static boolean isVirtual(final Thread thread) {
        try {
            return IS_VIRTUAL != null && (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (final Throwable ex) {
            throw new IllegalStateException("Thread.isVirtual failed", ex);
        }
    }

    /** {@code Thread.isVirtual()} exists from JDK 21; on 17 every thread is a platform thread. */
    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (final NoSuchMethodException | IllegalAccessException ex) {
            return null;
        }
    }
}
