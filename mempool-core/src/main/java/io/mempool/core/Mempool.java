package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * <p><b>Thread safety:</b> every method may be called by any thread. Gets and puts may run in any
 * number of threads at once (unless the pool's flags or ops promise a single producer or consumer);
 * each platform thread uses its own default cache, made on first use with no registration. A user cache
 * ({@link #createCache}) has one owner thread at a time. {@link #close()} racing any other call never
 * makes that call touch freed memory: the call completes or throws {@link IllegalStateException}; but
 * objects are only accounted for exactly when gets and puts have stopped before the close.
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

    private static final AtomicLong IDS = new AtomicLong();
    /** The flags an ops may require: promises of one thread at a time on a side. */
    private static final Set<MempoolFlag> PROMISES = Collections.unmodifiableSet(EnumSet.of(MempoolFlag.SP_PUT, MempoolFlag.SC_GET));

    /** Unique across processes too (the pid in the high half): element headers name their pool by it. */
    private final long id;
    private final String name;
    private final int size;
    private final int elementSize;
    private final int cacheSize;
    private final int privateDataSize;
    /** The flags the builder was given, plus those implied and those set by property. */
    private final Set<MempoolFlag> givenFlags;
    /** {@link #givenFlags} plus the ops' {@code requiredFlags()}; changes with the ops until populated. */
    private volatile Set<MempoolFlag> flags;
    private final ElementLayout layout;
    private final ObjectVisitor objectInit;
    private final long maxChunkBytes;
    private final PoolLifecycle lifecycle = new PoolLifecycle(this);
    private final CacheRegistry caches = new CacheRegistry(this);
    private final PoolStats stats;
    private final DebugCookies debug;
    private final PoolViews views = new PoolViews(this);
    private final PoolAccess access;
    private final boolean shared;
    private String opsName;
    private Map<String, String> opsParams;

    Mempool(final MempoolBuilder.Spec spec) {
        this.name = spec.name();
        this.size = spec.size();
        this.elementSize = spec.elementSize();
        this.cacheSize = spec.cacheSize();
        this.privateDataSize = spec.privateDataSize();
        this.id = spec.id() != 0 ? spec.id() : ProcessHandle.current().pid() << 32 | IDS.incrementAndGet();
        this.givenFlags = spec.flags();
        this.flags = withRequiredFlags(givenFlags, spec.opsName());
        this.layout = ElementLayout.of(elementSize, flags.contains(MempoolFlag.DEBUG),
            !flags.contains(MempoolFlag.NO_CACHE_ALIGN), !flags.contains(MempoolFlag.NO_SPREAD));
        this.opsName = spec.opsName();
        this.opsParams = spec.opsParams();
        this.objectInit = spec.objectInit();
        this.maxChunkBytes = spec.maxChunkBytes();
        this.shared = spec.shared();
        this.stats = flags.contains(MempoolFlag.STATS) ? new PoolStats() : null;
        this.debug = flags.contains(MempoolFlag.DEBUG) ? new DebugCookies(this, layout.alignedElementSize()) : null;
        this.access = new PoolAccess(this, debug != null || stats != null ? new InstrumentedPath(this, debug, stats) : null, stats);
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

    /**
     * @return the pool's flags: those given, those implied (NO_CACHE_ALIGN implies NO_SPREAD) or set by
     *     property, and those its ops require ({@code ring_sp_sc} adds SP_PUT and SC_GET), so a store
     *     chosen by name is treated exactly as one chosen by flags.
     */
    public Set<MempoolFlag> flags() {
        return flags;
    }

    /** @return the number of objects made so far: 0 before {@link #populateDefault()}, then {@link #size()}. */
    public int populatedSize() {
        return lifecycle.populatedSize();
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

    /** @return whether the pool lives in shared memory: made with {@code shared(true)}, or {@link #attach attached}. */
    public boolean isShared() {
        return shared;
    }

    /** @return whether {@link #close()} has run (or is running). */
    public boolean isClosed() {
        return lifecycle.state() == PoolLifecycle.CLOSED;
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
     * @param params driver parameters, passed in {@link io.mempool.api.OpsConfig#params()}.
     * @throws IllegalArgumentException if no provider has that name; the message lists the names there are.
     * @throws IllegalStateException    if the pool is populated (the store exists) or closed.
     */
    public void setOps(final String name, final Map<String, String> params) {
        MempoolOpsRegistry.get(name);
        final Map<String, String> copy = Map.copyOf(Checks.notNull("params", params));
        synchronized (lifecycle.lock()) {
            lifecycle.checkOpen();
            if (lifecycle.state() != PoolLifecycle.EMPTY) {
                throw new IllegalStateException("pool " + this.name + ": ops are frozen once populated (ops " + opsName + ")");
            }
            final Set<MempoolFlag> next = withRequiredFlags(givenFlags, name);
            this.opsName = name;
            this.opsParams = copy;
            this.flags = next;
        }
    }

    /**
     * Allocates the store and the memory, lays out every object, calls the builder's
     * {@link MempoolBuilder#objectInit objectInit} for each in index order, puts them all in the store
     * and fires {@link MempoolEvent#READY} (DPDK's {@code rte_mempool_populate_default}). If anything
     * before READY fails, nothing stays allocated and the pool stays empty. A READY listener that throws
     * leaves the pool populated; its exception is rethrown after every listener ran.
     *
     * @return the number of objects, {@link #size()}.
     * @throws IllegalStateException if the pool is already populated or closed.
     */
    public int populateDefault() {
        final String ops;
        final Map<String, String> params;
        synchronized (lifecycle.lock()) {
            ops = opsName;
            params = opsParams;
        }
        return lifecycle.populate(ops, params);
    }

    // ---------------------------------------------------------------- get and put

    /**
     * Gets one object through the calling thread's default cache.
     *
     * @return an object, or {@link #NULL} if none is available.
     * @throws IllegalStateException if the pool is not populated or is closed.
     */
    public long get() {
        final MempoolCache cache = caches.forCurrentThread();
        if (cache != null) {
            final long obj = cache.tryGetOne();
            if (obj != NULL) {
                return obj;
            }
        }
        return access.get();
    }

    /**
     * Puts one object back through the calling thread's default cache.
     *
     * @param obj an object of this pool.
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool; nothing is enqueued.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public void put(final long obj) {
        final MempoolCache cache = caches.forCurrentThread();
        if (cache == null || !cache.tryPutOne(obj)) {
            access.put(obj);
        }
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
        final MempoolCache cache = caches.forCurrentThread();
        return cache != null && cache.tryGet(objs, offset, n) || access.getBulk(objs, offset, n);
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
        final MempoolCache cache = caches.forCurrentThread();
        if (cache == null || !cache.tryPut(objs, offset, n)) {
            access.putBulk(objs, offset, n);
        }
    }

    /**
     * Gets {@code n} objects through the given cache, all or none (DPDK's {@code rte_mempool_generic_get}).
     *
     * @param objs   the table to fill.
     * @param offset the first slot written.
     * @param n      how many objects.
     * @param cache  a user cache of this pool or the calling thread's default cache, or null to use the
     *               store directly.
     * @return true if all {@code n} were got; false if not, and then nothing was handed out and
     *     {@code objs} was not written.
     * @throws IllegalArgumentException  if {@code objs} is null, {@code n} negative, or the cache is another
     *     pool's or another thread's default cache.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the pool is not populated or is closed, or the cache is closed.
     */
    public boolean genericGet(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        return cache != null && cache.pool() == this && cache.ownedByCaller() && cache.tryGet(objs, offset, n)
            || access.genericGet(objs, offset, n, cache);
    }

    /**
     * Puts {@code n} objects through the given cache (DPDK's {@code rte_mempool_generic_put}).
     *
     * @param objs   the objects.
     * @param offset the first slot read.
     * @param n      how many objects.
     * @param cache  a user cache of this pool or the calling thread's default cache, or null to use the
     *               store directly.
     * @throws IllegalArgumentException  if {@code objs} is null, {@code n} negative, the cache is another
     *     pool's or another thread's default cache, or any handle is not an object of this pool; then
     *     nothing is enqueued.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the pool is not populated or is closed, or the cache is closed.
     */
    public void genericPut(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        if (cache == null || cache.pool() != this || !cache.ownedByCaller() || !cache.tryPut(objs, offset, n)) {
            access.genericPut(objs, offset, n, cache);
        }
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
        return access.getContigBlocks(firsts, offset, n);
    }

    /**
     * @return the number of objects per contiguous block, 0 if the store has none.
     * @throws IllegalStateException if the pool is not populated or is closed.
     */
    public int contigBlockSize() {
        synchronized (lifecycle.lock()) {
            checkUsable();
            return boundary().contigBlockSize();
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
        lifecycle.checkOpen();
        return cacheSize == 0 ? null : caches.forCurrentThread();
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
        lifecycle.checkOpen();
        final MempoolCache cache = new MempoolCache(this, MempoolCache.checkSize(size), null);
        caches.addUser(cache);
        return cache;
    }

    // ---------------------------------------------------------------- counting, memory, iteration, diagnostics

    /**
     * The objects available: in the store plus in every cache of this pool, default and user (DPDK
     * counts neither user caches nor those of non-EAL threads), plus those of terminated threads not yet
     * got. Clamped to {@code 0..size()}. <b>Note:</b> exact when no thread is inside a get or put;
     * otherwise an estimate.
     *
     * @return the count.
     * @throws IllegalStateException if the pool is closed.
     */
    public int availCount() {
        return views.availCount();
    }

    /**
     * @return {@link #populatedSize()} minus {@link #availCount()}: the objects handed out.
     * @throws IllegalStateException if the pool is closed.
     */
    public int inUseCount() {
        return views.inUseCount();
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

    /**
     * Points a flyweight at exactly one object's {@link #elementSize()} bytes; allocates nothing.
     *
     * @param flyweight the buffer to point.
     * @param obj       an object of this pool.
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public void wrap(final UnsafeBuffer flyweight, final long obj) {
        views.wrap(flyweight, obj);
    }

    /**
     * @param obj an object of this pool.
     * @return its address, for native interop (a handle is its address).
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public long address(final long obj) {
        views.indexOf(obj);
        return obj;
    }

    /**
     * @param obj an object of this pool.
     * @return its index, {@code 0..size()-1}, in populate order.
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public int indexOf(final long obj) {
        return views.indexOf(obj);
    }

    /**
     * The inverse of {@link #indexOf(long)}, in O(1): how objects cross to another process that shares
     * the pool, or into a table of indices.
     *
     * @param index an object index, {@code 0..size()-1}.
     * @return that object's handle.
     * @throws IllegalArgumentException if the index is out of range.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public long objectAt(final int index) {
        return views.objectAt(index);
    }

    /**
     * @return a new view of the pool's private area ({@link #privateDataSize()} bytes, zeroed at
     *     creation); allocates a view per call, so keep it.
     * @throws IllegalStateException if the pool is closed.
     */
    public UnsafeBuffer privateData() {
        return new UnsafeBuffer(privateDataAddress(), privateDataSize);
    }

    /**
     * @return the address of the private area, 64-byte aligned, or 0 if its size is 0.
     * @throws IllegalStateException if the pool is closed.
     */
    public long privateDataAddress() {
        synchronized (lifecycle.lock()) {
            lifecycle.checkOpen();
            return lifecycle.privateDataAddress();
        }
    }

    /**
     * Calls the visitor for every object, in index order (DPDK's {@code rte_mempool_obj_iter}). Excludes
     * {@link #close()}: a close from another thread waits; one from the visitor ends the iteration with
     * {@link IllegalStateException}.
     *
     * @param visitor called with each object and its index.
     * @return the number of objects visited.
     * @throws IllegalStateException if the pool is closed.
     */
    public int objIter(final ObjectVisitor visitor) {
        return views.objIter(visitor);
    }

    /**
     * Calls the visitor for every memory chunk (DPDK's {@code rte_mempool_mem_iter}).
     *
     * @param visitor called with each chunk and its index.
     * @return the number of chunks visited.
     * @throws IllegalStateException if the pool is closed.
     */
    public int memIter(final ChunkVisitor visitor) {
        return views.memIter(visitor);
    }

    /**
     * Opens a shared pool that another process created with {@code shared(true)} (DPDK's secondary
     * process looking a pool up): the same objects, the same store, caches of this process's own. The
     * header must match what this process would lay out (layout version, element layout, store layout);
     * the ops must be registered here. Handles are this process's addresses; objects cross processes as
     * {@link #indexOf} / {@link #objectAt} indices. {@link #close()} detaches.
     *
     * <p><b>Note:</b> {@link #availCount()} and {@link #audit()} see the store and this process's caches
     * only; objects in other processes' caches or hands count as in use here.
     *
     * @param name the pool's name.
     * @return the attached pool, registered under its name in this process.
     * @throws IllegalArgumentException if no live shared pool has that name (the message lists those that
     *     do), or its header does not match (the message names both values), or its ops are unknown here.
     * @throws IllegalStateException    if the pool is still being created, or was closed by its creator.
     */
    public static Mempool attach(final String name) {
        LivePools.checkName(name);
        AgronaAccess.check();
        final SharedPool shared = SharedPool.attach(name);
        final Mempool mp;
        try {
            mp = new Mempool(shared.spec(name));
        } catch (final RuntimeException | Error ex) {
            shared.close(false);
            throw ex;
        }
        mp.lifecycle.attach(shared);
        return mp;
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
        views.dump(Checks.notNull("out", out));
    }

    /**
     * Dumps every live pool (DPDK's {@code rte_mempool_list_dump}); pools closed meanwhile are skipped.
     *
     * @param out where to write.
     */
    public static void listDump(final Appendable out) {
        Checks.notNull("out", out);
        walk(mp -> {
            try {
                mp.dump(out);
            } catch (final IllegalStateException closed) {
                if (!mp.isClosed()) {
                    throw closed;
                }
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
        views.audit();
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

    /**
     * A snapshot of the counters summed over every cache and the cache-less paths; all zero unless the
     * pool has {@link MempoolFlag#STATS}. <b>Note:</b> approximate while other threads get and put.
     *
     * @return the snapshot.
     * @throws IllegalStateException if the pool is closed.
     */
    public MempoolStats stats() {
        synchronized (lifecycle.lock()) {
            lifecycle.checkOpen();
            return stats == null ? MempoolStats.of(new long[MempoolStats.COUNTERS]) : stats.snapshot(caches.snapshot());
        }
    }

    /**
     * Zeroes every counter (DPDK's {@code rte_mempool_stats_reset}). <b>Note:</b> a get or put running
     * meanwhile may be counted or not.
     *
     * @throws IllegalStateException if the pool is closed.
     */
    public void resetStats() {
        synchronized (lifecycle.lock()) {
            lifecycle.checkOpen();
            if (stats != null) {
                stats.reset(caches.snapshot());
            }
        }
    }

    /**
     * Frees the pool once every object is back (DPDK's {@code rte_mempool_free}), in one ordered
     * sequence: refuses, changing nothing, if objects are out; marks the pool closed; waits for calls
     * inside the store; returns every cache's objects; fires {@link MempoolEvent#DESTROY}; unregisters
     * the name and the MXBean; frees the store and the memory. A listener that throws does not stop it:
     * its exception is rethrown once the pool is freed. Idempotent. Afterwards every call but the
     * configuration getters throws {@link IllegalStateException}.
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
    public void close(final boolean force) {
        lifecycle.close(force);
    }

    // ---------------------------------------------------------------- for the package

    void checkUsable() {
        final int state = lifecycle.state();
        if (state != PoolLifecycle.POPULATED) {
            throw state == PoolLifecycle.CLOSED ? closedException()
                : new IllegalStateException("pool " + name + " is not populated: call populateDefault()");
        }
    }

    IllegalStateException closedException() {
        return new IllegalStateException("pool " + name + " is closed");
    }

    PoolLifecycle lifecycle() {
        return lifecycle;
    }

    CacheRegistry caches() {
        return caches;
    }

    /**
     * @return the store boundary of a populated pool.
     * @throws IllegalStateException if the pool is not populated, or closed (close drops it).
     */
    StoreBoundary boundary() {
        final StoreBoundary store = lifecycle.boundary();
        if (store == null) {
            checkUsable();
            throw closedException(); // populated when checked, closed since
        }
        return store;
    }

    PoolViews views() {
        return views;
    }

    void foldStats(final MempoolCache cache) {
        if (stats != null && cache.stats() != null) {
            stats.fold(cache.stats());
        }
    }

    /** @return the DEBUG checks, or null without DEBUG. */
    DebugCookies debug() {
        return debug;
    }

    ElementLayout layout() {
        return layout;
    }

    ObjectVisitor objectInit() {
        return objectInit;
    }

    long maxChunkBytes() {
        return maxChunkBytes;
    }

    long id() {
        return id;
    }

    /** Re-reads the ops' required flags at populate, when a default ops by property is first looked up. */
    void resolveFlags() {
        flags = withRequiredFlags(givenFlags, opsName);
    }

    /**
     * @return {@code given} plus the {@code requiredFlags()} of the named ops; {@code given} alone while
     *     no ops of that name is registered (a default by property is resolved, and checked, at populate).
     */
    static Set<MempoolFlag> withRequiredFlags(final Set<MempoolFlag> given, final String opsName) {
        if (!MempoolOpsRegistry.names().contains(opsName)) {
            return given;
        }
        final Set<MempoolFlag> required = MempoolOpsRegistry.get(opsName).requiredFlags();
        if (required != null && !PROMISES.containsAll(required)) {
            throw new IllegalArgumentException(Checks.message("ops " + opsName + " requiredFlags()", required,
                "a subset of " + PROMISES + ", the single-thread promises"));
        }
        if (required == null || given.containsAll(required)) {
            return given;
        }
        final EnumSet<MempoolFlag> all = EnumSet.noneOf(MempoolFlag.class);
        all.addAll(given);
        all.addAll(required);
        return Collections.unmodifiableSet(all);
    }
}
