package io.mempool.core;

import io.mempool.api.MempoolOps;

import java.util.concurrent.TimeUnit;

/**
 * The pool's side of the driver boundary: the store and its ops, and the closed flag every store call
 * checks. Every handle that enters or leaves the store passes here — caches refill and flush through
 * it, cache-less calls reach it directly, populate fills it — and nothing else calls the driver.
 *
 * <p><b>Shared pools.</b> A shared store holds offsets from the elements zone, the same in every
 * process; handles are this process's addresses. The translation happens here and only here: offsets
 * become handles in the table a dequeue filled, handles become offsets in a per-thread scratch table
 * before an enqueue (the caller's table is never written). A private pool's base is 0: no translation.
 *
 * <p><b>Close.</b> Calls reach the store inside a {@link StoreGuard}. {@link #markClosed()} then
 * {@link #awaitQuiescence} make sure no call is inside, or can enter, before the store is freed; heap
 * stores would survive a late call anyway, but an off-heap store (and DEBUG's cookies in element memory)
 * would not.
 *
 * <p><b>Thread safety:</b> as the store's: any number of threads, within the pool's SP/SC promises.
 */
final class StoreBoundary {
    /** How long close waits for calls inside the store before it gives up freeing it; tests shorten it. */
    static volatile long quiescenceTimeoutNanos = TimeUnit.SECONDS.toNanos(10);

    private final Mempool pool;
    private final MempoolOps<Object> ops;
    private final Object store;
    private final CacheRegistry caches;
    /** The elements zone's address of a shared pool (handle = base + offset); 0 for a private pool. */
    private final long base;
    /** For calls from threads with no cache of their own (virtual threads). */
    private final StoreGuard shared = new StoreGuard();
    private volatile boolean closed;
    /** Per thread, a table of offsets for enqueues to a shared store; it holds no reference to a pool. */
    private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[Mempool.CACHE_MAX_SIZE]);

    StoreBoundary(final Mempool pool, final MempoolOps<Object> ops, final Object store, final CacheRegistry caches,
                  final long base) {
        this.pool = pool;
        this.ops = ops;
        this.store = store;
        this.caches = caches;
        this.base = base;
    }

    MempoolOps<Object> ops() {
        return ops;
    }

    Object store() {
        return store;
    }

    StoreGuard sharedGuard() {
        return shared;
    }

    /** @return the number of objects per contiguous block, 0 if the store has none. */
    int contigBlockSize() {
        return ops.contigBlockSize(store);
    }

    /** Contiguous blocks straight from the driver, inside the shared guard (no cache is involved). */
    boolean dequeueContigBlocks(final long[] firsts, final int offset, final int n) {
        shared.enterShared(this);
        try {
            return ops.dequeueContigBlocks(store, firsts, offset, n);
        } finally {
            shared.exitShared();
        }
    }

    /** Dequeues {@code n} handles, all or none; the caller is inside a guard. */
    boolean dequeue(final long[] objs, final int offset, final int n) {
        if (n == 0) {
            return true;
        }
        if (!ops.dequeue(store, objs, offset, n)) {
            return false;
        }
        if (base != 0) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i] += base; // an offset in every process's store, this process's handle from here
            }
        }
        return true;
    }

    /**
     * As {@link #dequeue}, but on a shortage sweeps the caches of terminated threads and takes their
     * objects too: the last attempt before a get fails.
     */
    boolean dequeueOrReclaim(final long[] objs, final int offset, final int n) {
        if (dequeue(objs, offset, n)) {
            return true;
        }
        caches.sweepDead();
        return caches.orphans().takeWithStore(this, objs, offset, n);
    }

    /**
     * Enqueues {@code n} handles; the caller is inside a guard. A refusal means more puts than gets.
     *
     * @throws IllegalStateException if the store refused them; nothing was enqueued.
     */
    void enqueue(final long[] objs, final int offset, final int n) {
        if (n > 0 && !(base == 0 ? ops.enqueue(store, objs, offset, n) : enqueueOffsets(objs, offset, n))) {
            throw new IllegalStateException("pool " + pool.name() + ": store " + pool.opsName() + " refused " + n
                + " objects; it holds " + ops.count(store) + " of " + pool.size() + " (was an object put twice?)");
        }
    }

    private boolean enqueueOffsets(final long[] objs, final int offset, final int n) {
        long[] offsets = SCRATCH.get();
        if (offsets.length < n) {
            offsets = new long[Math.max(n, 2 * offsets.length)];
            SCRATCH.set(offsets);
        }
        for (int i = 0; i < n; i++) {
            offsets[i] = objs[offset + i] - base;
        }
        return ops.enqueue(store, offsets, 0, n);
    }

    /** A get by a thread with no cache of its own, inside the shared guard. */
    boolean getShared(final long[] objs, final int offset, final int n) {
        shared.enterShared(this);
        try {
            return dequeueOrReclaim(objs, offset, n);
        } finally {
            shared.exitShared();
        }
    }

    /** A put by a thread with no cache of its own, inside the shared guard. */
    void putShared(final long[] objs, final int offset, final int n) {
        shared.enterShared(this);
        try {
            enqueue(objs, offset, n);
        } finally {
            shared.exitShared();
        }
    }

    /** @return the handles in the store, not in any cache. */
    int count() {
        return ops.count(store);
    }

    boolean isClosed() {
        return closed;
    }

    IllegalStateException closedException() {
        return pool.closedException();
    }

    /** First step of close: from now on every guard refuses entry. */
    void markClosed() {
        closed = true; // volatile: StoreLoad before the guards are read
    }

    /**
     * Waits until no call is inside the store or element memory.
     *
     * @return false if a call stayed inside for {@link #quiescenceTimeoutNanos}: the store must then
     *     not be freed.
     */
    boolean awaitQuiescence() {
        final long deadline = System.nanoTime() + quiescenceTimeoutNanos;
        if (!await(shared, deadline)) {
            return false;
        }
        for (final MempoolCache cache : caches.snapshot()) {
            if (!await(cache.guard(), deadline)) {
                return false;
            }
        }
        return true;
    }

    private static boolean await(final StoreGuard guard, final long deadline) {
        for (int spins = 0; guard.isInside(); spins++) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            if (spins < 1_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // the caller inside may be descheduled
            }
        }
        return true;
    }

    /** Frees the store; the pool is closed and quiescent. */
    void free() {
        ops.free(store);
    }
}
