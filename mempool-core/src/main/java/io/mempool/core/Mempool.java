package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import io.mempool.core.memory.MemoryLayer;
import io.mempool.core.memory.MemoryScope;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>This class is the facade: it holds the pool's parts (lifecycle, caches, full path, objects,
 * diagnostics; see {@code docs/architecture.md}) and none of them calls back into it.
 */
public final class Mempool implements AutoCloseable {

    /** Never an object. */
    public static final long NULL = 0L;
    /** The largest cache, DPDK's {@code RTE_MEMPOOL_CACHE_MAX_SIZE}. */
    public static final int CACHE_MAX_SIZE = 512;
    /** The longest pool name, as DPDK's {@code RTE_MEMPOOL_NAMESIZE - 1}. */
    public static final int NAME_MAX_LENGTH = 25;

    private final PoolConfig config;
    private final PoolState state;
    private final ObjectVisitor objectInit;
    private final CacheRegistry caches;
    private final PoolLifecycle lifecycle;
    private final PoolObjects objects;
    private final FullPath path;
    private final PoolInspector inspector;

    private Mempool(final PoolSpec spec) {
        this.config = PoolConfig.of(spec);
        this.state = new PoolState(config.name(), OpsChoice.of(config.givenFlags(), spec.opsName(), spec.opsParams()));
        this.objectInit = spec.objectInit();
        final PoolStats stats = config.stats() ? new PoolStats() : null;
        final DebugCookies debug = config.debug() ? new DebugCookies(config) : null;
        this.caches = new CacheRegistry(state, config.cacheSize(), this::newCache, stats);
        this.lifecycle = new PoolLifecycle(config, state, caches, new PoolAnnouncer(this));
        this.objects = new PoolObjects(state, config.elementSize(), debug);
        this.path = new FullPath(state, caches, objects, debug, stats);
        this.inspector = new PoolInspector(config, state, lifecycle, caches, debug, stats);
    }

    private MempoolCache newCache(final int size, final Thread owner, final boolean stripe) {
        return new MempoolCache(this, state, caches, size, owner, stripe, config.debug() || config.stats(), config.stats());
    }

    /**
     * @param name the pool's name, {@code [A-Za-z0-9_.-]{1,25}}, unique among live pools.
     * @return a builder for a pool of that name.
     * @throws IllegalArgumentException if the name is malformed.
     */
    public static MempoolBuilder builder(final String name) {
        return new MempoolBuilder(name);
    }

    /** The builder's last step: a new pool, created (and populated unless {@code empty}), or nothing at all. */
    static Mempool create(final PoolSpec spec, final Consumer<Mempool> poolInit, final boolean empty) {
        final Mempool mp = new Mempool(spec);
        mp.lifecycle.create(poolInit == null ? null : () -> poolInit.accept(mp), empty);
        if (!empty) {
            try {
                mp.populateDefault();
            } catch (final RuntimeException | Error ex) {
                mp.lifecycle.undo(ex);
                throw ex;
            }
        }
        return mp;
    }

    // ---------------------------------------------------------------- configuration (readable after close)

    /** @return the pool's name. */
    public String name() {
        return config.name();
    }

    /** @return the number of objects. */
    public int size() {
        return config.size();
    }

    /** @return the usable bytes of each object. */
    public int elementSize() {
        return config.elementSize();
    }

    /** @return the size of each per-thread default cache; 0 means none. */
    public int cacheSize() {
        return config.cacheSize();
    }

    /** @return the size of the private area. */
    public int privateDataSize() {
        return config.privateDataSize();
    }

    /** @return the name of the store's ops. */
    public String opsName() {
        return state.ops().name();
    }

    /**
     * @return the pool's flags: those given, those implied (NO_CACHE_ALIGN implies NO_SPREAD) or set by
     *     property, and those its ops require ({@code ring_sp_sc} adds SP_PUT and SC_GET), so a store
     *     chosen by name is treated exactly as one chosen by flags.
     */
    public Set<MempoolFlag> flags() {
        return state.ops().flags();
    }

    /** @return the number of objects made so far: 0 before {@link #populateDefault()}, then {@link #size()}. */
    public int populatedSize() {
        return lifecycle.populatedSize();
    }

    /** @return the stride: header + object + trailer bytes. */
    public int totalElementSize() {
        return config.layout().totalSize;
    }

    /** @return the bytes before each object. */
    public int headerSize() {
        return config.layout().headerSize;
    }

    /** @return the bytes after each object's {@link #elementSize()} (8-rounding, trailer and spread padding). */
    public int trailerSize() {
        return config.layout().trailerSize + config.layout().alignedElementSize() - config.elementSize();
    }

    /** @return the alignment of every handle: 64, or 8 with {@link MempoolFlag#NO_CACHE_ALIGN}. */
    public int objectAlignment() {
        return config.layout().alignment;
    }

    /** @return whether the pool lives in shared memory: made with {@code shared(true)}, or {@link #attach attached}. */
    public boolean isShared() {
        return config.shared();
    }

    /** @return whether {@link #close()} has run (or is running). */
    public boolean isClosed() {
        return state.isClosed();
    }

    // ---------------------------------------------------------------- two-step creation

    /** As {@link #setOps(String, Map)} with no params. @param name an ops name. */
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
        lifecycle.setOps(name, Map.copyOf(Checks.notNull("params", params)));
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
        final ObjectVisitor init = objectInit;
        return lifecycle.populate(init == null ? null : (obj, index) -> init.visit(this, obj, index));
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
        return path.get(cache);
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
            path.put(obj, cache);
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
        return cache != null && cache.tryGet(objs, offset, n) || path.getBulk(objs, offset, n, cache);
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
            path.putBulk(objs, offset, n, cache);
        }
    }

    /**
     * As {@link #getBulk}, through the given cache (DPDK's {@code rte_mempool_generic_get}).
     *
     * @param objs   the table to fill.
     * @param offset the first slot written.
     * @param n      how many objects.
     * @param cache  a user cache of this pool or the calling thread's default cache; null: the store directly.
     * @return true if all {@code n} were got; false if not, and then nothing was handed out.
     * @throws IllegalArgumentException  as {@link #getBulk}, or if the cache is another pool's or another
     *     thread's default cache.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the pool is not populated or is closed, or the cache is closed.
     */
    public boolean genericGet(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        return cache != null && cache.pool() == this && cache.ownedByCaller() && cache.tryGet(objs, offset, n)
            || path.genericGet(objs, offset, n, cache);
    }

    /**
     * As {@link #putBulk}, through the given cache (DPDK's {@code rte_mempool_generic_put}).
     *
     * @param objs   the objects.
     * @param offset the first slot read.
     * @param n      how many objects.
     * @param cache  a user cache of this pool or the calling thread's default cache; null: the store directly.
     * @throws IllegalArgumentException  as {@link #putBulk}, or if the cache is another pool's or another
     *     thread's default cache; nothing is enqueued then.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the pool is not populated or is closed, or the cache is closed.
     */
    public void genericPut(final long[] objs, final int offset, final int n, final MempoolCache cache) {
        if (cache == null || cache.pool() != this || !cache.ownedByCaller() || !cache.tryPut(objs, offset, n)) {
            path.genericPut(objs, offset, n, cache);
        }
    }

    /**
     * Gets {@code n} contiguous blocks of {@link #contigBlockSize()} objects each, straight from the
     * store (no cache), writing the first object of each block (DPDK's {@code rte_mempool_get_contig_blocks}).
     * The objects of a block are {@code first + k * totalElementSize()} for {@code k < contigBlockSize()}:
     * adjacent in memory. They are ordinary objects: give them back one by one with {@link #put} or
     * {@link #putBulk}, in any order, from any thread. With DEBUG every object of every block is checked
     * and marked handed out; with STATS one bulk and {@code n} blocks are counted ({@code get_success_blks},
     * {@code get_fail_blks}).
     *
     * @param firsts the table to fill.
     * @param offset the first slot written.
     * @param n      how many blocks, {@code >= 0}.
     * @return true if all {@code n} blocks were got; false if the store has fewer whole blocks, and then
     *     nothing was handed out.
     * @throws IllegalArgumentException       if {@code firsts} is null or {@code n} negative; nothing changed.
     * @throws IndexOutOfBoundsException      if the range lies outside {@code firsts}; nothing changed.
     * @throws UnsupportedOperationException  if the store has no contiguous blocks ({@link #contigBlockSize()} is 0).
     * @throws io.mempool.api.MempoolCorruptionException with DEBUG, if an object of a block is corrupted; nothing was
     *     handed out, the sound objects went back and the corrupted ones are out of circulation.
     * @throws IllegalStateException          if the pool is not populated or is closed.
     */
    public boolean getContigBlocks(final long[] firsts, final int offset, final int n) {
        return path.getContigBlocks(firsts, offset, n);
    }

    /**
     * DPDK's {@code rte_mempool_ops_get_info().contig_block_size}, as the store said once populated.
     *
     * @return the number of objects per contiguous block, 0 if the store has none (a shared pool has none).
     * @throws IllegalStateException if the pool is not populated or is closed.
     */
    public int contigBlockSize() {
        synchronized (lifecycle.lock()) {
            state.checkUsable();
            return state.boundary().contigBlockSize();
        }
    }

    // ---------------------------------------------------------------- caches

    /**
     * The calling thread's default cache, made on first use (no registration step, unlike DPDK's lcores).
     *
     * @return the cache, or null when {@link #cacheSize()} is 0 or the caller is a virtual thread (a
     *     cache per virtual thread would strand objects in millions of short-lived caches; virtual threads
     *     share a few striped caches instead, which the pool claims for each of their calls).
     * @throws IllegalStateException if the pool is closed.
     */
    public MempoolCache defaultCache() {
        state.checkOpen();
        return config.cacheSize() == 0 ? null : caches.forCurrentThread();
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
        state.checkOpen();
        final MempoolCache cache = newCache(MempoolCache.checkSize(size), null, false);
        caches.addUser(cache);
        return cache;
    }

    // ---------------------------------------------------------------- objects

    /**
     * A direct buffer over exactly one object: position 0, limit and capacity {@link #elementSize()},
     * native byte order; for NIO channels ({@code FileChannel}, {@code DatagramChannel},
     * {@code SocketChannel}) and any {@link ByteBuffer} API, with no JVM flag on any JDK. On JDK 22+,
     * {@code MemorySegment.ofBuffer(mp.byteBuffer(obj))} is a segment of exactly that object.
     *
     * <p><b>Note:</b> the view allocates (keep it while the object is yours). Once the pool is closed, on JDK
     * 22+ any access through it throws {@link IllegalStateException}; on JDK 17 to 21 it is undefined, as
     * with any off-heap buffer: drop views with their objects.
     *
     * @param obj an object of this pool.
     * @return a new view of its bytes.
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public ByteBuffer byteBuffer(final long obj) {
        return objects.byteBuffer(obj);
    }

    /**
     * An Agrona user points a flyweight at an object with {@code buffer.wrap(mp.address(obj), mp.elementSize())}.
     *
     * @param obj an object of this pool.
     * @return its address, for native interop (a handle is its address).
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public long address(final long obj) {
        objects.indexOf(obj);
        return obj;
    }

    /**
     * @param obj an object of this pool.
     * @return its index, {@code 0..size()-1}, in populate order.
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public int indexOf(final long obj) {
        return objects.indexOf(obj);
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
        return objects.objectAt(index);
    }

    /**
     * @return a new direct buffer over the pool's private area ({@link #privateDataSize()} bytes, zeroed at
     *     creation; native byte order); allocates a view per call, so keep it. After close, as
     *     {@link #byteBuffer(long)}.
     * @throws IllegalStateException if the pool is closed.
     */
    public ByteBuffer privateData() {
        synchronized (lifecycle.lock()) {
            return lifecycle.privateData();
        }
    }

    /**
     * @return the address of the private area, 64-byte aligned, or 0 if its size is 0.
     * @throws IllegalStateException if the pool is closed.
     */
    public long privateDataAddress() {
        synchronized (lifecycle.lock()) {
            return lifecycle.privateDataAddress();
        }
    }

    // ---------------------------------------------------------------- counting and diagnostics

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
        return inspector.availCount();
    }

    /**
     * @return {@link #populatedSize()} minus {@link #availCount()}: the objects handed out.
     * @throws IllegalStateException if the pool is closed.
     */
    public int inUseCount() {
        return inspector.inUseCount();
    }

    /** @return whether every object is available. @throws IllegalStateException if the pool is closed. */
    public boolean isFull() {
        return availCount() == config.size();
    }

    /** @return whether no object is available. @throws IllegalStateException if the pool is closed. */
    public boolean isEmpty() {
        return availCount() == 0;
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
        Checks.notNull("visitor", visitor);
        return inspector.objIter((obj, index) -> visitor.visit(this, obj, index));
    }

    /**
     * Calls the visitor for every memory chunk (DPDK's {@code rte_mempool_mem_iter}).
     *
     * @param visitor called with each chunk and its index.
     * @return the number of chunks visited.
     * @throws IllegalStateException if the pool is closed.
     */
    public int memIter(final ChunkVisitor visitor) {
        Checks.notNull("visitor", visitor);
        return inspector.memIter((chunk, index) -> visitor.visit(this, chunk, index));
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
        inspector.dump(Checks.notNull("out", out));
    }

    /**
     * Checks the pool's consistency (DPDK's {@code rte_mempool_audit}): no cache holds more than its
     * size, the objects iterate to exactly {@link #populatedSize()}, and every object's header names this
     * pool and its own index; with {@link MempoolFlag#DEBUG}, every header and trailer cookie is valid.
     *
     * @throws IllegalStateException if a check fails, naming it; or if the pool is closed.
     */
    public void audit() {
        inspector.audit();
    }

    /**
     * A snapshot of the counters summed over every cache and the cache-less paths; all zero unless the
     * pool has {@link MempoolFlag#STATS}. <b>Note:</b> approximate while other threads get and put.
     *
     * @return the snapshot.
     * @throws IllegalStateException if the pool is closed.
     */
    public MempoolStats stats() {
        return inspector.stats();
    }

    /**
     * Zeroes every counter (DPDK's {@code rte_mempool_stats_reset}). <b>Note:</b> a get or put running
     * meanwhile may be counted or not.
     *
     * @throws IllegalStateException if the pool is closed.
     */
    public void resetStats() {
        inspector.resetStats();
    }

    /** @return the id the element headers name the pool by (unique across processes). */
    long id() {
        return config.id();
    }

    // ---------------------------------------------------------------- the live pools of this JVM

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
        NameRule.POOL.check("name", name);
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

    /** @param name a pool name. @return the live pool of that name. */
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

    /** @param listener called on every READY and DESTROY of any pool. @return false if already added (-EEXIST). */
    public static boolean addEventListener(final MempoolEventListener listener) {
        return LivePools.addListener(listener);
    }

    /** @param listener a listener added before. @return false if it was not added (DPDK's -ENOENT). */
    public static boolean removeEventListener(final MempoolEventListener listener) {
        return LivePools.removeListener(listener);
    }

    // ---------------------------------------------------------------- close

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
}
