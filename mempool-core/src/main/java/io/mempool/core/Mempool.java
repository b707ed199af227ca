package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import io.mempool.core.memory.MemoryLayer;
import io.mempool.core.memory.MemoryScope;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A pool of fixed-size off-heap objects: DPDK's {@code rte_mempool}. Objects are {@code long} handles
 * (the address of the object's first byte, never {@link #NULL}); a per-thread cache sits in front of a
 * shared store chosen by name ({@link MempoolOpsRegistry}).
 *
 * <pre>{@code
 * try (Mempool mp = Mempool.builder("pkt_pool").size(8191).elementSize(2048).cacheSize(256).create()) {
 *     long obj = mp.get();
 *     mp.byteBuffer(obj).putLong(0, 42);   // or hand the view to an NIO channel
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
public final class Mempool extends MempoolView implements AutoCloseable {

    /** Never an object. */
    public static final long NULL = 0L;
    /** The largest cache, DPDK's {@code RTE_MEMPOOL_CACHE_MAX_SIZE}. */
    public static final int CACHE_MAX_SIZE = 512;
    /** The longest pool name, as DPDK's {@code RTE_MEMPOOL_NAMESIZE - 1}. */
    public static final int NAME_MAX_LENGTH = 25;



    private final PoolLifecycle lifecycle = new PoolLifecycle(this);
    private final CacheRegistry caches = new CacheRegistry(this);
    private final PoolStats stats;
    private final DebugCookies debug;
    private final PoolViews views = new PoolViews(this);
    private final PoolAccess access;

    Mempool(final MempoolBuilder.Spec spec) {
        super(spec);
        this.stats = flags().contains(MempoolFlag.STATS) ? new PoolStats() : null;
        this.debug = flags().contains(MempoolFlag.DEBUG) ? new DebugCookies(this, layout().alignedElementSize()) : null;
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
                throw new IllegalStateException("pool " + name() + ": ops are frozen once populated (ops " + opsName + ")");
            }
            changeOps(name, copy);
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
        return cacheSize() == 0 ? null : caches.forCurrentThread();
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
        final MemoryScope scope = MemoryLayer.newScope();
        final SharedPool shared;
        final Mempool mp;
        try {
            shared = SharedPool.attach(name, scope);
            try {
                mp = new Mempool(shared.spec(name));
            } catch (final RuntimeException | Error ex) {
                shared.close(false);
                throw ex;
            }
        } catch (final RuntimeException | Error ex) {
            scope.close();
            throw ex;
        }
        mp.lifecycle.attach(shared, scope);
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

    @Override
    DebugCookies debug() {
        return debug;
    }

    @Override
    PoolStats poolStats() {
        return stats;
    }

    @Override
    PoolLifecycle lifecycle() {
        return lifecycle;
    }

    @Override
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

    @Override
    PoolViews views() {
        return views;
    }
}
