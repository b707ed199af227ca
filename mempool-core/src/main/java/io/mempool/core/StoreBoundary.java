package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.ElementGeometry;
import io.mempool.api.MemoryNeed;
import io.mempool.api.MempoolCorruptionException;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.api.PopulateCallback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pool's side of the driver boundary, and the only class of core that calls a store: it makes the
 * store ({@code alloc}, {@code allocIn}, {@code attach}), asks a store that places the objects itself
 * for their memory and has it lay them out ({@code calcMemSize}, {@code populate}), moves handles in and
 * out of it (caches' refills and flushes, cache-less calls, population), counts it, hands out contiguous
 * blocks and frees it. Only {@link MempoolOpsRegistry} reads an ops' {@code name()} and
 * {@code requiredFlags()} besides.
 *
 * <p><b>Shared pools.</b> A shared store holds offsets from the elements zone, the same in every
 * process; handles are this process's addresses. The translation happens here and only here: offsets
 * become handles in the table a dequeue filled; before an enqueue the handles become offsets in the
 * caller's own table, and handles again once the store has copied them (whatever it did), so the caller
 * sees its table unchanged and no thread keeps a scratch table. A private pool's base is 0: no translation.
 *
 * <p><b>Input from other processes.</b> Another process may write anything into a shared store. An offset
 * dequeued from one becomes a handle only if it is an element of the pool (the exact check, on the store
 * path only, never on a cache hit); otherwise the get hands out nothing, the sound objects go back, the
 * others are quarantined (counted, dropped), and a {@link MempoolCorruptionException} names the offset.
 *
 * <p><b>Close.</b> Calls reach the store inside a {@link StoreGuard}. {@link #markClosed()} then waiting
 * for the guards (the lifecycle does) make sure no call is inside, or can enter, before the store is freed.
 *
 * <p><b>Thread safety:</b> as the store's: any number of threads, within the pool's SP/SC promises.
 */
final class StoreBoundary {
    private final String pool;
    private final int size;
    private final OpsConfig config;
    private final MempoolOps<Object> ops;
    private final Object store;
    /** The elements zone's address of a shared pool (handle = base + offset); 0 for a private pool. */
    private final long base;
    /** A shared pool's elements, against which every dequeued offset is checked; null for a private pool. */
    private final PoolMemory elements;
    /** For calls from threads with no cache of their own. */
    private final StoreGuard shared = new StoreGuard();
    /** Values a shared store gave that were no element of the pool, taken out of circulation. */
    private final AtomicLong quarantined = new AtomicLong();
    /** Objects per contiguous block, read once the store is populated; published with the pool. */
    private int blockSize;
    private volatile boolean closed;

    private StoreBoundary(final OpsConfig config, final MempoolOps<Object> ops, final Object store, final PoolMemory elements) {
        this.pool = config.poolName();
        this.size = config.capacity();
        this.config = config;
        this.ops = ops;
        this.store = store;
        this.elements = elements;
        this.base = elements == null ? 0 : elements.chunk(0).address();
    }

    // ---------------------------------------------------------------- making a store

    /** A private pool's store, in the driver's own memory. */
    static StoreBoundary alloc(final MempoolOps<Object> ops, final OpsConfig config) {
        return new StoreBoundary(config, ops, ops.alloc(config), null);
    }

    /** A new shared store in {@code region}, holding offsets from the first byte of {@code elements}. */
    static StoreBoundary allocIn(final MempoolOps<Object> ops, final OpsConfig config, final OffHeapRegion region,
                                 final PoolMemory elements) {
        return new StoreBoundary(config, ops, ops.allocIn(config, region), elements);
    }

    /** Another process's shared store in {@code region}, holding offsets from the first byte of {@code elements}. */
    static StoreBoundary attach(final MempoolOps<Object> ops, final OpsConfig config, final OffHeapRegion region,
                                final PoolMemory elements) {
        final Object store;
        try {
            store = ops.attach(config, region);
        } catch (final IllegalArgumentException ex) { // the store's words are another process's: name the pool they fail
            throw new IllegalArgumentException("pool " + config.poolName() + ": its shared store (" + ops.name() + ") is refused: "
                + ex.getMessage(), ex);
        }
        return new StoreBoundary(config, ops, store, elements);
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

    /**
     * @throws IllegalArgumentException if the store places its objects itself: a shared pool's elements lie
     *     where the pool lays them out, the same in every process.
     */
    static void checkLeavesLayoutToThePool(final MempoolOps<Object> ops, final OpsConfig config, final ElementGeometry geometry) {
        if (ops.calcMemSize(config, config.capacity(), geometry) != null) {
            throw new IllegalArgumentException(Checks.message("ops", ops.name(), "one that leaves the layout to the pool: a"
                + " shared pool's elements lie the same in every process, and " + ops.name() + " places them itself (calcMemSize)"));
        }
    }

    // ---------------------------------------------------------------- a store that places the objects

    /**
     * DPDK's {@code rte_mempool_ops_calc_mem_size}.
     *
     * @return the memory {@code n} objects need in the store's layout; null: the pool lays them out itself.
     */
    MemoryNeed memoryNeed(final int n, final ElementGeometry geometry) {
        return ops.calcMemSize(config, n, geometry);
    }

    /**
     * DPDK's {@code rte_mempool_ops_populate}: the store lays out up to {@code maxObjects} objects in
     * {@code region}, calling {@code callback} for each; by the populating thread, before the pool is published.
     *
     * @return how many it placed; -1: it leaves the layout to the pool.
     */
    int populate(final int maxObjects, final OffHeapRegion region, final ElementGeometry geometry,
                 final PopulateCallback callback) {
        return ops.populate(store, maxObjects, region, geometry, callback);
    }

    /**
     * Reads the populated store's info (DPDK's {@code get_info}): its contiguous block size; before the pool
     * is published. A shared store offers no blocks: blocks need the placement hooks, which a shared pool refuses.
     */
    void readInfo() {
        blockSize = base == 0 ? Math.max(0, ops.contigBlockSize(store)) : 0;
    }

    // ---------------------------------------------------------------- moving handles

    /**
     * Dequeues {@code n} handles, all or none; the caller is inside a guard.
     *
     * @throws MempoolCorruptionException if a shared store gave a value that is no element of the pool; the
     *     table then holds {@link Mempool#NULL}s and nothing was handed out.
     */
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
            if (!elements.allObjects(objs, offset, offset + n)) { // input from another process: checked first
                throw quarantine(objs, offset, n);
            }
        }
        return true;
    }

    /** Puts the sound handles back, drops the others, and says so; the caller holds a table of {@code n} values. */
    private MempoolCorruptionException quarantine(final long[] objs, final int offset, final int n) {
        final long[] sound = new long[n];
        int k = 0;
        long firstBad = 0;
        int bad = 0;
        for (int i = offset, end = offset + n; i < end; i++) {
            if (elements.indexOf(objs[i]) >= 0) {
                sound[k++] = objs[i];
            } else if (bad++ == 0) {
                firstBad = objs[i] - base;
            }
        }
        quarantined.addAndGet(bad);
        Arrays.fill(objs, offset, offset + n, Mempool.NULL);
        final boolean back = offer(sound, 0, k);
        return new MempoolCorruptionException("pool " + pool + ": offset 0x" + Long.toHexString(firstBad) + " from the shared store"
            + " is no element of the pool (" + (firstBad < 0 || firstBad > elements.totalLength() ? "outside the elements zone"
            : "not an element's first byte") + "); the get handed out nothing, " + bad + " value(s) were quarantined, " + k
            + " sound object(s) " + (back ? "went back to the store" : "were refused by the store and are out of circulation"));
    }

    /** @return how many values a shared store gave that were no element of the pool. */
    long quarantined() {
        return quarantined.get();
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
        final int end = offset + n;
        for (int i = offset; i < end; i++) {
            objs[i] -= base; // the offset every process's store holds
        }
        try {
            return ops.enqueue(store, objs, offset, n);
        } finally {
            for (int i = offset; i < end; i++) {
                objs[i] += base; // the caller's handles again: the store copied the offsets
            }
        }
    }

    /** @return the number of objects per contiguous block, 0 if the store has none (as read by {@link #readInfo()}). */
    int contigBlockSize() {
        return blockSize;
    }

    /** Contiguous blocks straight from the driver (no cache is involved); the caller is inside a guard. */
    boolean dequeueContigBlocks(final long[] firsts, final int offset, final int n) {
        return ops.dequeueContigBlocks(store, firsts, offset, n);
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
