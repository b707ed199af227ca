package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A pool of fixed-size off-heap objects: DPDK's {@code rte_mempool}. Objects are {@code long} handles
 * (the address of the object's first byte, never {@link #NULL}); a per-thread cache sits in front of a
 * shared store chosen by name ({@link MempoolOpsRegistry}).
 *
 * <pre>{@code
 * try (Mempool mp = Mempool.builder("pkt_pool").size(8191).elementSize(2048).cacheSize(256).create()) {
 *     long obj = mp.get();
 *     mp.wrap(flyweight, obj);   // read and write the object through an Agrona UnsafeBuffer
 *     mp.put(obj);
 * }
 * }</pre>
 *
 * <p><b>Thread safety:</b> get and put methods may be called by any number of threads at once (unless
 * the pool's flags or ops promise a single producer or consumer); each platform thread uses its own
 * default cache, made on first use with no registration. A user cache ({@link #createCache}) has one
 * owner thread at a time. Creation, {@link #setOps}, {@link #populateDefault()} and {@link #close()} are
 * not to race with gets and puts.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread before it puts an object happen-before
 * actions after a get in another thread returns that object, when the object travels through the
 * store. (Through the same thread's cache no other thread is involved.)
 *
 * <p>Gets are all-or-nothing: a failed get hands out nothing and leaves the table untouched. Every put
 * checks each handle against the pool's memory and rejects the whole call, with nothing enqueued, if any
 * is not one of this pool's objects. Counts are exact when no thread is inside a get or put.
 */
public final class Mempool implements AutoCloseable {
    /** Never an object. */
    public static final long NULL = 0L;
    /** The largest cache, DPDK's {@code RTE_MEMPOOL_CACHE_MAX_SIZE}. */
    public static final int CACHE_MAX_SIZE = 512;
    /** The longest pool name, as DPDK's {@code RTE_MEMPOOL_NAMESIZE - 1}. */
    public static final int NAME_MAX_LENGTH = 25;

    private static final int EMPTY = 0;
    private static final int POPULATED = 1;
    private static final int CLOSED = 2;
    private static final int POPULATE_BATCH = 512;
    private static final AtomicLong IDS = new AtomicLong();
    /** One slot per thread for single gets and puts that reach the store. */
    private static final ThreadLocal<long[]> ONE = ThreadLocal.withInitial(() -> new long[1]);
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private final long id = IDS.incrementAndGet();
    private final String name;
    private final int size;
    private final int elementSize;
    private final int cacheSize;
    private final int privateDataSize;
    private final Set<MempoolFlag> flags;
    private final ElementLayout layout;
    private final ObjectVisitor objectInit;
    private final long maxChunkBytes;
    private final long privateRaw;
    private final long privateAddress;
    private final ThreadCaches threadCaches = new ThreadCaches(this);
    private final CopyOnWriteArrayList<MempoolCache> caches = new CopyOnWriteArrayList<>();
    /**
     * A reclaim puts from the getting thread, which the SP_PUT promise forbids: flags carry promises,
     * ops names only pick a store, so a single-producer store used without SP_PUT is reclaimed into.
     */
    private final boolean reclaimOnFailedGet;
    /** DEBUG or STATS: the one branch the hot path pays when both are off. */
    private final boolean instrumented;
    private final DebugCookies debug;
    private final PoolStats stats;
    private String opsName;
    private Map<String, String> opsParams;
    private MempoolOps<Object> ops;
    private Object store;
    private PoolMemory memory;
    private int populatedSize;
    private volatile int state = EMPTY;

    Mempool(
        final String name,
        final int size,
        final int elementSize,
        final int cacheSize,
        final int privateDataSize,
        final Set<MempoolFlag> flags,
        final String opsName,
        final Map<String, String> opsParams,
        final ObjectVisitor objectInit,
        final long maxChunkBytes) {
        this.name = name;
        this.size = size;
        this.elementSize = elementSize;
        this.cacheSize = cacheSize;
        this.privateDataSize = privateDataSize;
        this.flags = flags;
        this.layout = ElementLayout.of(
            elementSize, flags.contains(MempoolFlag.DEBUG), !flags.contains(MempoolFlag.NO_CACHE_ALIGN),
            !flags.contains(MempoolFlag.NO_SPREAD));
        this.opsName = opsName;
        this.opsParams = opsParams;
        this.objectInit = objectInit;
        this.maxChunkBytes = maxChunkBytes;
        this.reclaimOnFailedGet = !flags.contains(MempoolFlag.SP_PUT);
        this.debug = flags.contains(MempoolFlag.DEBUG) ? new DebugCookies(this, layout.alignedElementSize()) : null;
        this.stats = flags.contains(MempoolFlag.STATS) ? new PoolStats() : null;
        this.instrumented = debug != null || stats != null;
        if (privateDataSize > 0) {
            final long length = ElementLayout.roundUp((long) privateDataSize, ElementLayout.CACHE_LINE);
            this.privateRaw = UnsafeApi.allocateMemory(length + ElementLayout.CACHE_LINE);
            this.privateAddress = ElementLayout.roundUp(privateRaw, ElementLayout.CACHE_LINE);
            UnsafeApi.setMemory(privateAddress, length, (byte) 0);
        } else {
            this.privateRaw = 0;
            this.privateAddress = 0;
        }
    }

    /**
     * @param name the pool's name, {@code [A-Za-z0-9_.-]{1,25}}, unique among live pools.
     * @return a builder for a pool of that name.
     * @throws IllegalArgumentException if the name is malformed.
     */
    public static MempoolBuilder builder(final String name) {
        return new MempoolBuilder(name);
    }

    // ---------------------------------------------------------------- configuration (readable after close)

    /** @return the pool's name. */
    public String name() {
        return name;
    }

    /** @return the number of objects. */
    public int size() {
        return size;
    }

    /** @return the usable bytes of each object. */
    public int elementSize() {
        return elementSize;
    }

    /** @return the size of each per-thread default cache; 0 means none. */
    public int cacheSize() {
        return cacheSize;
    }

    /** @return the size of the private area. */
    public int privateDataSize() {
        return privateDataSize;
    }

    /** @return the name of the store's ops. */
    public String opsName() {
        return opsName;
    }

    /** @return the pool's flags, including those implied (NO_CACHE_ALIGN implies NO_SPREAD) or set by property. */
    public Set<MempoolFlag> flags() {
        return flags;
    }

    /** @return the number of objects made so far: 0 before {@link #populateDefault()}, then {@link #size()}. */
    public int populatedSize() {
        return populatedSize;
    }

    /** @return the stride: header + object + trailer bytes. */
    public int totalElementSize() {
        return layout.totalSize;
    }

    /** @return the bytes before each object. */
    public int headerSize() {
        return layout.headerSize;
    }

    /** @return the bytes after each object's {@link #elementSize()} (8-rounding, trailer and spread padding). */
    public int trailerSize() {
        return layout.trailerSize + layout.alignedElementSize() - elementSize;
    }

    /** @return the alignment of every handle: 64, or 8 with {@link MempoolFlag#NO_CACHE_ALIGN}. */
    public int objectAlignment() {
        return layout.alignment;
    }

    /** @return whether {@link #close()} has run. */
    public boolean isClosed() {
        return state == CLOSED;
    }

    // ---------------------------------------------------------------- two-step creation

    /**
     * Selects the store by name with no params; see {@link #setOps(String, Map)}.
     *
     * @param name an ops name.
     */
    public void setOps(final String name) {
        setOps(name, Map.of());
    }

    /**
     * Selects the store of an empty pool (DPDK's {@code rte_mempool_set_ops_byname}).
     *
     * @param name   an ops name, one of {@link MempoolOpsRegistry#names()}.
     * @param params driver parameters, passed in {@link OpsConfig#params()}.
     * @throws IllegalArgumentException if no provider has that name; the message lists the names there are.
     * @throws IllegalStateException    if the pool is populated (the store exists) or closed.
     */
    public void setOps(final String name, final Map<String, String> params) {
        checkOpen();
        MempoolOpsRegistry.get(name);
        final Map<String, String> copy = Map.copyOf(Checks.notNull("params", params));
        if (state != EMPTY) {
            throw new IllegalStateException("pool " + this.name + ": ops are frozen once populated (ops " + opsName + ")");
        }
        this.opsName = name;
        this.opsParams = copy;
    }

    /**
     * Allocates the store and the memory, lays out every object, calls the builder's
     * {@link MempoolBuilder#objectInit objectInit} for each in index order, puts them all in the store
     * and fires {@link MempoolEvent#READY} (DPDK's {@code rte_mempool_populate_default}). On failure
     * nothing stays allocated and the pool stays empty.
     *
     * @return the number of objects, {@link #size()}.
     * @throws IllegalStateException if the pool is already populated or closed.
     */
    public int populateDefault() {
        checkOpen();
        if (state != EMPTY) {
            throw new IllegalStateException("pool " + name + ": already populated with " + populatedSize + " objects");
        }
        @SuppressWarnings("unchecked") final MempoolOps<Object> chosen = (MempoolOps<Object>) MempoolOpsRegistry.get(opsName);
        final Object newStore = chosen.alloc(new OpsConfig(name, size, flags, opsParams));
        try {
            // set before objectInit runs, so it may wrap and index the objects
            this.memory = PoolMemory.allocate(layout, size, maxChunkBytes);
            fillStore(chosen, newStore, memory);
        } catch (final RuntimeException | Error ex) {
            chosen.free(newStore);
            if (memory != null) {
                memory.free();
                memory = null;
            }
            throw ex;
        }
        this.ops = chosen;
        this.store = newStore;
        this.populatedSize = size;
        this.state = POPULATED;
        LivePools.fire(MempoolEvent.READY, this);
        return size;
    }

    private void fillStore(final MempoolOps<Object> chosen, final Object newStore, final PoolMemory newMemory) {
        final boolean cookies = debug != null;
        final int poolIdOffset = ElementHeaderDescriptor.poolIdOffset(cookies);
        final int indexOffset = ElementHeaderDescriptor.indexOffset(cookies);
        final long[] batch = new long[Math.min(POPULATE_BATCH, size)];
        int filled = 0;
        for (int index = 0; index < size; index++) {
            final long obj = newMemory.objectAt(index);
            UnsafeApi.putLong(obj + poolIdOffset, id);
            UnsafeApi.putLong(obj + indexOffset, index);
            if (cookies) {
                DebugCookies.init(obj, layout.alignedElementSize());
            }
            if (objectInit != null) {
                objectInit.visit(this, obj, index);
            }
            batch[filled++] = obj;
            if (filled == batch.length || index == size - 1) {
                if (!chosen.enqueue(newStore, batch, 0, filled)) {
                    throw new IllegalStateException("pool " + name + ": store " + opsName + " refused object "
                        + (index - filled + 1) + " of " + size + " (its capacity is below the pool's size)");
                }
                filled = 0;
            }
        }
    }

    // ---------------------------------------------------------------- get and put

    /**
     * Gets one object through the calling thread's default cache.
     *
     * @return an object, or {@link #NULL} if none is available.
     * @throws IllegalStateException if the pool is not populated or is closed.
     */
    public long get() {
        checkUsable();
        if (instrumented) {
            final long[] one = ONE.get();
            return getChecked(one, 0, 1, threadCache()) ? one[0] : NULL;
        }
        final MempoolCache cache = threadCache();
        if (cache != null) {
            return cache.getOne();
        }
        final long[] one = ONE.get();
        return storeGet(one, 0, 1) ? one[0] : NULL;
    }

    /**
     * Puts one object back through the calling thread's default cache.
     *
     * @param obj an object of this pool.
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool; nothing is enqueued.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public void put(final long obj) {
        checkUsable();
        checkHandle(obj);
        if (instrumented) {
            final long[] one = ONE.get();
            one[0] = obj;
            putChecked(one, 0, 1, threadCache());
            return;
        }
        final MempoolCache cache = threadCache();
        if (cache != null) {
            cache.putOne(obj);
            return;
        }
        final long[] one = ONE.get();
        one[0] = obj;
        storePut(one, 0, 1);
    }

    /**
     * Gets {@code n} objects through the calling thread's default cache, all or none.
     *
     * @param objs   the table to fill.
     * @param offset the first slot written.
     * @param n      how many objects.
     * @return true if all {@code n} were got; false if not, and then nothing was handed out and
     *     {@code objs} was not written.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} negative.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the pool is not populated or is closed.
     */
    public boolean getBulk(final long[] objs, final int offset, final int n) {
        checkUsable();
        Checks.checkTable(objs, offset, n);
        return getChecked(objs, offset, n, threadCache());
    }

    /**
     * Puts {@code n} objects back through the calling thread's default cache.
     *
     * @param objs   the objects.
     * @param offset the first slot read.
     * @param n      how many objects.
     * @throws IllegalArgumentException  if {@code objs} is null, {@code n} negative, or any handle is not
     *     an object of this pool; then nothing is enqueued.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the pool is not populated or is closed.
     */
    public void putBulk(final long[] objs, final int offset, final int n) {
        checkUsable();
        Checks.checkTable(objs, offset, n);
        checkHandles(objs, offset, n);
        putChecked(objs, offset, n, threadCache());
    }

    /**
     * Gets {@code n} objects through the given cache, all or none (DPDK's {@code rte_mempool_generic_get}).
     *
     * @param objs   the table to fill.
     * @param offset the first slot written.
     * @param n      how many objects.
     * @param cache  a cache of this pool owned by the calling thread, or null to use the store directly.
     * @return true if all {@code n} were got; false if not, and then nothing was handed out and
     *     {@code objs} was not written.
     * @throws IllegalArgumentException  if {@code objs} is null, {@code n} negative, or the cache is another pool's.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the pool is not populated or is closed, or the cache is closed.
     */
    public boolean genericGet(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        checkUsable();
        Checks.checkTable(objs, offset, n);
        checkCache(cache);
        return getChecked(objs, offset, n, cache);
    }

    /**
     * Puts {@code n} objects through the given cache (DPDK's {@code rte_mempool_generic_put}).
     *
     * @param objs   the objects.
     * @param offset the first slot read.
     * @param n      how many objects.
     * @param cache  a cache of this pool owned by the calling thread, or null to use the store directly.
     * @throws IllegalArgumentException  if {@code objs} is null, {@code n} negative, the cache is another
     *     pool's, or any handle is not an object of this pool; then nothing is enqueued.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the pool is not populated or is closed, or the cache is closed.
     */
    public void genericPut(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        checkUsable();
        Checks.checkTable(objs, offset, n);
        checkCache(cache);
        checkHandles(objs, offset, n);
        putChecked(objs, offset, n, cache);
    }

    /**
     * Gets {@code n} contiguous blocks of {@link #contigBlockSize()} objects each, straight from the
     * store, writing the first object of each block (DPDK's {@code rte_mempool_get_contig_blocks}).
     *
     * @param firsts the table to fill.
     * @param offset the first slot written.
     * @param n      how many blocks.
     * @return true if all {@code n} blocks were got; false if not, and nothing was handed out.
     * @throws UnsupportedOperationException if the store has no contiguous blocks.
     * @throws IllegalStateException         if the pool is not populated or is closed.
     */
    public boolean getContigBlocks(final long[] firsts, final int offset, final int n) {
        checkUsable();
        Checks.checkTable(firsts, offset, n);
        if (ops.contigBlockSize(store) == 0) {
            throw new UnsupportedOperationException("pool " + name + ": ops " + opsName + " has no contiguous blocks");
        }
        final boolean ok = ops.dequeueContigBlocks(store, firsts, offset, n);
        if (stats != null) {
            stats.add(ok ? MempoolStats.GET_SUCCESS_BLKS : MempoolStats.GET_FAIL_BLKS, n);
        }
        return ok;
    }

    /**
     * @return the number of objects per contiguous block, 0 if the store has none.
     * @throws IllegalStateException if the pool is not populated or is closed.
     */
    public int contigBlockSize() {
        checkUsable();
        return ops.contigBlockSize(store);
    }

    private boolean getChecked(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        final boolean ok = cache == null ? storeGet(objs, offset, n) : cache.get(objs, offset, n);
        if (instrumented) {
            afterGet(ok, objs, offset, n, cache);
        }
        return ok;
    }

    private void afterGet(final boolean ok, final long[] objs, final int offset, final int n, final MempoolCache cache) {
        if (ok && debug != null) {
            debug.afterGet(objs, offset, n);
        }
        if (stats != null) {
            count(cache, ok ? MempoolStats.GET_SUCCESS_BULK : MempoolStats.GET_FAIL_BULK, 1);
            count(cache, ok ? MempoolStats.GET_SUCCESS_OBJS : MempoolStats.GET_FAIL_OBJS, n);
            if (ok && cache == null && n > 0) {
                stats.add(MempoolStats.GET_COMMON_POOL_BULK, 1);
                stats.add(MempoolStats.GET_COMMON_POOL_OBJS, n);
            }
        }
    }

    private void putChecked(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        if (instrumented) {
            beforePut(objs, offset, n, cache);
        }
        try {
            if (cache == null) {
                storePut(objs, offset, n);
            } else {
                cache.put(objs, offset, n);
            }
        } catch (final IllegalStateException ex) {
            if (debug != null) {
                debug.undoPut(objs, offset, n);
            }
            throw ex;
        }
    }

    private void beforePut(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        if (debug != null) {
            debug.beforePut(objs, offset, n);
        }
        if (stats != null) {
            count(cache, MempoolStats.PUT_BULK, 1);
            count(cache, MempoolStats.PUT_OBJS, n);
            if (cache == null) {
                stats.add(MempoolStats.PUT_COMMON_POOL_BULK, 1);
                stats.add(MempoolStats.PUT_COMMON_POOL_OBJS, n);
            }
        }
    }

    /** Counts in the cache's own plain counters, or in the shared striped ones without a cache. */
    private void count(final MempoolCache cache, final int counter, final long value) {
        if (cache != null) {
            cache.count(counter, value);
        } else {
            stats.add(counter, value);
        }
    }

    /** Dequeues from the store; on a shortage, first returns the caches of terminated threads. */
    boolean storeGet(final long[] objs, final int offset, final int n) {
        if (n == 0 || ops.dequeue(store, objs, offset, n)) {
            return true;
        }
        return reclaimOnFailedGet && reclaimDeadCaches() && ops.dequeue(store, objs, offset, n);
    }

    /** Enqueues to the store; a refusal means more puts than gets, so it is reported, not dropped. */
    void storePut(final long[] objs, final int offset, final int n) {
        if (!ops.enqueue(store, objs, offset, n)) {
            throw new IllegalStateException("pool " + name + ": store " + opsName + " refused " + n
                + " objects; it holds " + ops.count(store) + " of " + size + " (was an object put twice?)");
        }
    }

    private void checkHandle(final long obj) {
        if (memory.indexOf(obj) < 0) {
            throw foreignHandle(obj);
        }
    }

    private void checkHandles(final long[] objs, final int offset, final int n) {
        final PoolMemory m = memory;
        if (!m.allObjects(objs, offset, offset + n)) {
            for (int i = offset, end = offset + n; i < end; i++) {
                if (m.indexOf(objs[i]) < 0) {
                    throw foreignHandle(objs[i]);
                }
            }
        }
    }

    /** With DEBUG a foreign handle is corruption, as DPDK's "owned by another mempool"; else a bad argument. */
    private RuntimeException foreignHandle(final long obj) {
        if (debug != null) {
            return debug.foreign(obj);
        }
        return new IllegalArgumentException(Checks.message(
            "obj", "0x" + Long.toHexString(obj), "an object of pool " + name + ", nothing was put"));
    }

    private void checkCache(final MempoolCache cache) {
        if (cache != null) {
            if (cache.pool() != this) {
                throw new IllegalArgumentException(
                    Checks.message("cache", "of pool " + cache.pool().name(), "a cache of pool " + name));
            }
            cache.checkCacheOpen();
        }
    }

    // ---------------------------------------------------------------- caches

    /**
     * The calling thread's default cache, made on first use (no registration step, unlike DPDK's lcores).
     *
     * @return the cache, or null when {@link #cacheSize()} is 0 or the caller is a virtual thread (a
     *     cache per virtual thread would strand objects in millions of short-lived caches).
     * @throws IllegalStateException if the pool is closed.
     */
    public MempoolCache defaultCache() {
        checkOpen();
        return threadCache();
    }

    /**
     * Makes a user-owned cache for {@link #genericGet} and {@link #genericPut} (DPDK's
     * {@code rte_mempool_cache_create}). It counts in {@link #availCount()}; close it when done.
     *
     * @param size the most objects it holds, {@code 1..512}.
     * @return the cache.
     * @throws IllegalArgumentException if the size is out of range.
     * @throws IllegalStateException    if the pool is closed.
     */
    public MempoolCache createCache(final int size) {
        checkOpen();
        final MempoolCache cache = new MempoolCache(this, MempoolCache.checkSize(size), null, stats != null);
        caches.add(cache);
        return cache;
    }

    /** The calling thread's default cache; null without one (cache size 0, or a virtual thread). */
    private MempoolCache threadCache() {
        return cacheSize == 0 ? null : threadCaches.get();
    }

    MempoolCache newDefaultCache() {
        if (isVirtual(Thread.currentThread())) {
            return null;
        }
        final MempoolCache cache = new MempoolCache(this, cacheSize, Thread.currentThread(), stats != null);
        caches.add(cache);
        return cache;
    }

    void removeCache(final MempoolCache cache) {
        threadCaches.release(cache);
        if (caches.remove(cache) && stats != null) {
            stats.fold(cache.stats());
        }
    }

    /** Returns the caches of terminated threads to the store; true if any was. */
    private boolean reclaimDeadCaches() {
        boolean any = false;
        for (final MempoolCache cache : caches) {
            any |= cache.reclaimIfOwnerDead();
        }
        return any;
    }

    // ---------------------------------------------------------------- counting

    /**
     * The objects available: in the store plus in every cache of this pool, default and user (DPDK
     * counts neither user caches nor those of non-EAL threads). Clamped to {@code 0..size()}.
     * <b>Note:</b> exact when no thread is inside a get or put; otherwise an estimate.
     *
     * @return the count.
     * @throws IllegalStateException if the pool is closed.
     */
    public int availCount() {
        checkOpen();
        if (state != POPULATED) {
            return 0;
        }
        long count = ops.count(store);
        for (final MempoolCache cache : caches) {
            count += cache.length();
        }
        return (int) Math.max(0, Math.min(size, count));
    }

    /**
     * @return {@link #populatedSize()} minus {@link #availCount()}: the objects handed out.
     * @throws IllegalStateException if the pool is closed.
     */
    public int inUseCount() {
        return populatedSize - availCount();
    }

    /**
     * @return whether every object is available.
     * @throws IllegalStateException if the pool is closed.
     */
    public boolean isFull() {
        return availCount() == size;
    }

    /**
     * @return whether no object is available.
     * @throws IllegalStateException if the pool is closed.
     */
    public boolean isEmpty() {
        return availCount() == 0;
    }

    // ---------------------------------------------------------------- memory

    /**
     * Points a flyweight at exactly one object's {@link #elementSize()} bytes; allocates nothing.
     *
     * @param flyweight the buffer to point.
     * @param obj       an object of this pool.
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     */
    public void wrap(final UnsafeBuffer flyweight, final long obj) {
        checkMemory();
        Checks.notNull("flyweight", flyweight);
        checkHandle(obj);
        flyweight.wrap(obj, elementSize);
    }

    /**
     * @param obj an object of this pool.
     * @return its address, for native interop (a handle is its address).
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     */
    public long address(final long obj) {
        checkMemory();
        checkHandle(obj);
        return obj;
    }

    /**
     * @param obj an object of this pool.
     * @return its index, {@code 0..size()-1}, in populate order.
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     */
    public int indexOf(final long obj) {
        checkMemory();
        final int index = memory.indexOf(obj);
        if (index < 0) {
            throw new IllegalArgumentException(
                Checks.message("obj", "0x" + Long.toHexString(obj), "an object of pool " + name));
        }
        return index;
    }

    /**
     * @return a new view of the pool's private area ({@link #privateDataSize()} bytes, zeroed at
     *     creation); allocates a view per call, so keep it.
     * @throws IllegalStateException if the pool is closed.
     */
    public UnsafeBuffer privateData() {
        checkOpen();
        return new UnsafeBuffer(privateAddress, privateDataSize);
    }

    /**
     * @return the address of the private area, 64-byte aligned, or 0 if its size is 0.
     * @throws IllegalStateException if the pool is closed.
     */
    public long privateDataAddress() {
        checkOpen();
        return privateAddress;
    }

    // ---------------------------------------------------------------- iteration, registry, diagnostics

    /**
     * Calls the visitor for every object, in index order (DPDK's {@code rte_mempool_obj_iter}).
     *
     * @param visitor called with each object and its index.
     * @return the number of objects visited.
     * @throws IllegalStateException if the pool is closed.
     */
    public int objIter(final ObjectVisitor visitor) {
        checkOpen();
        Checks.notNull("visitor", visitor);
        for (int index = 0; index < populatedSize; index++) {
            visitor.visit(this, memory.objectAt(index), index);
        }
        return populatedSize;
    }

    /**
     * Calls the visitor for every memory chunk (DPDK's {@code rte_mempool_mem_iter}).
     *
     * @param visitor called with each chunk and its index.
     * @return the number of chunks visited.
     * @throws IllegalStateException if the pool is closed.
     */
    public int memIter(final ChunkVisitor visitor) {
        checkOpen();
        Checks.notNull("visitor", visitor);
        if (state != POPULATED) {
            return 0;
        }
        final int chunks = memory.chunkCount();
        for (int k = 0; k < chunks; k++) {
            visitor.visit(this, memory.chunk(k), k);
        }
        return chunks;
    }

    /**
     * @param name a pool name.
     * @return the live pool of that name.
     */
    public static Optional<Mempool> lookup(final String name) {
        return LivePools.lookup(Checks.notNull("name", name));
    }

    /**
     * Calls the action for every live pool, in creation order; the action may create or close pools.
     *
     * @param action called with each pool.
     */
    public static void walk(final Consumer<Mempool> action) {
        Checks.notNull("action", action);
        for (final Mempool mp : LivePools.snapshot()) {
            action.accept(mp);
        }
    }

    /**
     * Writes the pool's configuration, chunks, cache and store counts, then runs {@link #audit()}
     * (DPDK's {@code rte_mempool_dump}).
     *
     * @param out where to write.
     * @throws java.io.UncheckedIOException if {@code out} fails.
     * @throws IllegalStateException        if the pool is closed or the audit fails.
     */
    public void dump(final Appendable out) {
        checkOpen();
        MempoolDump.dump(this, Checks.notNull("out", out));
        audit();
    }

    /**
     * Dumps every live pool (DPDK's {@code rte_mempool_list_dump}).
     *
     * @param out where to write.
     */
    public static void listDump(final Appendable out) {
        Checks.notNull("out", out);
        walk(mp -> {
            if (!mp.isClosed()) {
                mp.dump(out);
            }
        });
    }

    /**
     * Checks the pool's consistency (DPDK's {@code rte_mempool_audit}): no cache holds more than its
     * size, the objects iterate to exactly {@link #populatedSize()}, and every object's header names this
     * pool and its own index; with {@link MempoolFlag#DEBUG}, every header and trailer cookie is valid.
     *
     * @throws IllegalStateException if a check fails, naming it; or if the pool is closed.
     */
    public void audit() {
        checkOpen();
        for (final MempoolCache cache : caches) {
            if (cache.length() > cache.size()) {
                throw new IllegalStateException("pool " + name + ": a cache holds " + cache.length()
                    + " objects, more than its size " + cache.size());
            }
        }
        if (state != POPULATED) {
            return;
        }
        final boolean cookies = debug != null;
        final int poolIdOffset = ElementHeaderDescriptor.poolIdOffset(cookies);
        final int indexOffset = ElementHeaderDescriptor.indexOffset(cookies);
        final int visited = objIter((mp, obj, index) -> {
            if (UnsafeApi.getLong(obj + poolIdOffset) != id || UnsafeApi.getLong(obj + indexOffset) != index) {
                throw new IllegalStateException("pool " + name + ": header of object 0x" + Long.toHexString(obj)
                    + " (index " + index + ") was overwritten");
            }
            if (debug != null) {
                debug.audit(obj, index);
            }
        });
        if (visited != size) {
            throw new IllegalStateException("pool " + name + ": " + visited + " objects, expected " + size);
        }
    }

    /**
     * @param listener called on every READY and DESTROY of any pool.
     * @return false if it was already added (DPDK's -EEXIST).
     */
    public static boolean addEventListener(final MempoolEventListener listener) {
        return LivePools.addListener(listener);
    }

    /**
     * @param listener a listener added before.
     * @return false if it was not added (DPDK's -ENOENT).
     */
    public static boolean removeEventListener(final MempoolEventListener listener) {
        return LivePools.removeListener(listener);
    }

    // ---------------------------------------------------------------- stats

    /**
     * A snapshot of the counters summed over every cache and the cache-less paths; all zero unless the
     * pool has {@link MempoolFlag#STATS}. <b>Note:</b> approximate while other threads get and put.
     *
     * @return the snapshot.
     * @throws IllegalStateException if the pool is closed.
     */
    public MempoolStats stats() {
        checkOpen();
        return stats == null ? MempoolStats.of(new long[MempoolStats.COUNTERS]) : stats.snapshot(caches);
    }

    /**
     * Zeroes every counter (DPDK's {@code rte_mempool_stats_reset}). <b>Note:</b> a get or put running
     * meanwhile may be counted or not.
     *
     * @throws IllegalStateException if the pool is closed.
     */
    public void resetStats() {
        checkOpen();
        if (stats != null) {
            stats.reset(caches);
        }
    }

    // ---------------------------------------------------------------- close

    /**
     * Frees the pool once every object is back: flushes every cache, refuses if objects are still out,
     * fires {@link MempoolEvent#DESTROY}, then frees the store and the memory (DPDK's
     * {@code rte_mempool_free}). Idempotent. Afterwards every call but the configuration getters throws
     * {@link IllegalStateException}.
     *
     * @throws IllegalStateException if objects are still in use; the message says how many.
     */
    @Override
    public void close() {
        close(false);
    }

    /**
     * As {@link #close()}, but with {@code force} frees the pool even with objects still out; those
     * handles then point at freed memory and must not be used.
     *
     * @param force free even if objects are in use.
     * @throws IllegalStateException if objects are still in use and {@code force} is false.
     */
    public synchronized void close(final boolean force) {
        if (state == CLOSED) {
            return;
        }
        if (state == POPULATED) {
            for (final MempoolCache cache : caches) {
                cache.flushForPool();
            }
            final int out = inUseCount();
            if (out > 0 && !force) {
                throw new IllegalStateException("pool " + name + ": " + out + " of " + size
                    + " objects are still in use; put them back, or close(true) to free anyway");
            }
        }
        LivePools.remove(this);
        MempoolJmx.unregister(this);
        LivePools.fire(MempoolEvent.DESTROY, this);
        final int was = state;
        state = CLOSED;
        for (final MempoolCache cache : caches) {
            cache.markClosed();
        }
        caches.clear();
        if (was == POPULATED) {
            ops.free(store);
            memory.free();
        }
        if (privateRaw != 0) {
            UnsafeApi.freeMemory(privateRaw);
        }
    }

    void checkOpen() {
        if (state == CLOSED) {
            throw closed();
        }
    }

    private void checkUsable() {
        if (state != POPULATED) {
            throw state == CLOSED ? closed()
                : new IllegalStateException("pool " + name + " is not populated: call populateDefault()");
        }
    }

    /** Objects exist from the start of populate, so objectInit may wrap and index them. */
    private void checkMemory() {
        checkOpen();
        if (memory == null) {
            throw new IllegalStateException("pool " + name + " is not populated: call populateDefault()");
        }
    }

    private IllegalStateException closed() {
        return new IllegalStateException("pool " + name + " is closed");
    }

    // ---------------------------------------------------------------- for MempoolDump

    int storeCount() {
        return state == POPULATED ? ops.count(store) : 0;
    }

    Iterable<MempoolCache> caches() {
        return caches;
    }

    PoolMemory memory() {
        return memory;
    }

    long id() {
        return id;
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
