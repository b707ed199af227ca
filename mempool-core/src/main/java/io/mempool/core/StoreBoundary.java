package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The pool's side of the driver boundary, and the only class of core that calls a store: it makes the
 * store ({@code alloc}, {@code allocIn}, {@code attach}), moves handles in and out of it (caches' refills
 * and flushes, cache-less calls, population), counts it, hands out contiguous blocks and frees it. Only
 * {@link MempoolOpsRegistry} reads an ops' {@code name()} and {@code requiredFlags()} besides.
 *
 * <p><b>Shared pools.</b> A shared store holds offsets from the elements zone, the same in every
 * process; handles are this process's addresses. The translation happens here and only here: offsets
 * become handles in the table a dequeue filled, handles become offsets in a per-thread scratch table
 * before an enqueue (the caller's table is never written). A private pool's base is 0: no translation.
 *
 * <p><b>Close.</b> Calls reach the store inside a {@link StoreGuard}. {@link #markClosed()} then waiting
 * for the guards (the lifecycle does) make sure no call is inside, or can enter, before the store is freed.
 *
 * <p><b>Thread safety:</b> as the store's: any number of threads, within the pool's SP/SC promises.
 */
final class StoreBoundary {
    /** Per thread, a table of offsets for enqueues to a shared store; it holds no reference to a pool. */
    private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[Mempool.CACHE_MAX_SIZE]);

    private final String pool;
    private final int size;
    private final MempoolOps<Object> ops;
    private final Object store;
    /** The elements zone's address of a shared pool (handle = base + offset); 0 for a private pool. */
    private final long base;
    /** For calls from threads with no cache of their own. */
    private final StoreGuard shared = new StoreGuard();
    private volatile boolean closed;

    private StoreBoundary(final String pool, final int size, final MempoolOps<Object> ops, final Object store, final long base) {
        this.pool = pool;
        this.size = size;
        this.ops = ops;
        this.store = store;
        this.base = base;
    }

    // ---------------------------------------------------------------- making a store

    /** A private pool's store, in the driver's own memory. */
    static StoreBoundary alloc(final MempoolOps<Object> ops, final OpsConfig config) {
        return new StoreBoundary(config.poolName(), config.capacity(), ops, ops.alloc(config), 0);
    }

    /** A new shared store in {@code region}, holding offsets from {@code base}. */
    static StoreBoundary allocIn(final MempoolOps<Object> ops, final OpsConfig config, final OffHeapRegion region,
                                 final long base) {
        return new StoreBoundary(config.poolName(), config.capacity(), ops, ops.allocIn(config, region), base);
    }

    /** Another process's shared store in {@code region}, holding offsets from {@code base}. */
    static StoreBoundary attach(final MempoolOps<Object> ops, final OpsConfig config, final OffHeapRegion region,
                                final long base) {
        return new StoreBoundary(config.poolName(), config.capacity(), ops, ops.attach(config, region), base);
    }

    /**
     * @return the bytes a store of {@code ops} needs in a memzone.
     * @throws IllegalArgumentException if it cannot live in one; the message lists the ops that can.
     */
    static long memzoneBytes(final MempoolOps<Object> ops, final OpsConfig config) {
        final long bytes = ops.memzoneBytes(config);
        if (bytes < 0) {
            final List<String> capable = new ArrayList<>();
            for (final String name : MempoolOpsRegistry.names()) {
                if (MempoolOpsRegistry.get(name).memzoneBytes(config) >= 0) {
                    capable.add(name);
                }
            }
            throw new IllegalArgumentException(Checks.message("ops", ops.name(), "one whose store can live in shared memory: " + capable));
        }
        return bytes;
    }

    // ---------------------------------------------------------------- moving handles

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
     * Enqueues {@code n} handles; the caller is inside a guard. A refusal means more puts than gets.
     *
     * @throws IllegalStateException if the store refused them; nothing was enqueued.
     */
    void enqueue(final long[] objs, final int offset, final int n) {
        if (!offer(objs, offset, n)) {
            throw new IllegalStateException("pool " + pool + ": store " + ops.name() + " refused " + n
                + " objects; it holds " + ops.count(store) + " of " + size + " (was an object put twice?)");
        }
    }

    /** @return whether the store took all {@code n} handles; false: none. */
    boolean offer(final long[] objs, final int offset, final int n) {
        return n == 0 || (base == 0 ? ops.enqueue(store, objs, offset, n) : enqueueOffsets(objs, offset, n));
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

    /** @return the handles in the store, not in any cache. */
    int count() {
        return ops.count(store);
    }

    /** @return the ops' name, for messages and dumps. */
    String opsName() {
        return ops.name();
    }

    // ---------------------------------------------------------------- close

    /** The guard of callers with no cache of their own (entered atomically). */
    StoreGuard sharedGuard() {
        return shared;
    }

    boolean isClosed() {
        return closed;
    }

    IllegalStateException closedException() {
        return PoolState.closed(pool);
    }

    /** First step of close: from now on every guard refuses entry. */
    void markClosed() {
        closed = true; // volatile: StoreLoad before the guards are read
    }

    /** Frees the store; the pool is closed and no call is inside. */
    void free() {
        ops.free(store);
    }
}
