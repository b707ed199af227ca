package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link Mempool} shows without handing out or taking back objects: its configuration, its
 * objects' memory (views, address, index), its counts, iteration and diagnostics. {@link Mempool} is the
 * only subclass and the type users see; this class only keeps each part of its API readable on its own
 * (as {@code AbstractStringBuilder} does for {@code StringBuilder}). Thread safety: as {@link Mempool}.
 */
abstract class MempoolView {
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
    private final boolean shared;
    /** The ops and their params; {@link Mempool#setOps} changes them under the lifecycle's lock until populated. */
    String opsName;
    Map<String, String> opsParams;

    MempoolView(final MempoolBuilder.Spec spec) {
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
    }

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

    /** @return the number of objects made so far: 0 before {@link Mempool#populateDefault()}, then {@link #size()}. */
    public int populatedSize() {
        return lifecycle().populatedSize();
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

    /** @return whether the pool lives in shared memory: made with {@code shared(true)}, or {@link Mempool#attach attached}. */
    public boolean isShared() {
        return shared;
    }

    /** @return whether {@link Mempool#close()} has run (or is running). */
    public boolean isClosed() {
        return lifecycle().state() == PoolLifecycle.CLOSED;
    }

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
        return views().availCount();
    }

    /**
     * @return {@link #populatedSize()} minus {@link #availCount()}: the objects handed out.
     * @throws IllegalStateException if the pool is closed.
     */
    public int inUseCount() {
        return views().inUseCount();
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
        return views().byteBuffer(obj);
    }

    /**
     * An Agrona user points a flyweight at an object with
     * {@code buffer.wrap(mp.address(obj), mp.elementSize())}.
     *
     * @param obj an object of this pool.
     * @return its address, for native interop (a handle is its address).
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public long address(final long obj) {
        views().indexOf(obj);
        return obj;
    }

    /**
     * @param obj an object of this pool.
     * @return its index, {@code 0..size()-1}, in populate order.
     * @throws IllegalArgumentException if {@code obj} is not an object of this pool.
     * @throws IllegalStateException    if the pool is not populated or is closed.
     */
    public int indexOf(final long obj) {
        return views().indexOf(obj);
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
        return views().objectAt(index);
    }

    /**
     * @return a new direct buffer over the pool's private area ({@link #privateDataSize()} bytes, zeroed at
     *     creation; native byte order); allocates a view per call, so keep it. After close, as
     *     {@link #byteBuffer(long)}.
     * @throws IllegalStateException if the pool is closed.
     */
    public ByteBuffer privateData() {
        synchronized (lifecycle().lock()) {
            lifecycle().checkOpen();
            return lifecycle().privateData();
        }
    }

    /**
     * @return the address of the private area, 64-byte aligned, or 0 if its size is 0.
     * @throws IllegalStateException if the pool is closed.
     */
    public long privateDataAddress() {
        synchronized (lifecycle().lock()) {
            lifecycle().checkOpen();
            return lifecycle().privateDataAddress();
        }
    }

    /**
     * Calls the visitor for every object, in index order (DPDK's {@code rte_mempool_obj_iter}). Excludes
     * {@link Mempool#close()}: a close from another thread waits; one from the visitor ends the iteration with
     * {@link IllegalStateException}.
     *
     * @param visitor called with each object and its index.
     * @return the number of objects visited.
     * @throws IllegalStateException if the pool is closed.
     */
    public int objIter(final ObjectVisitor visitor) {
        return views().objIter(visitor);
    }

    /**
     * Calls the visitor for every memory chunk (DPDK's {@code rte_mempool_mem_iter}).
     *
     * @param visitor called with each chunk and its index.
     * @return the number of chunks visited.
     * @throws IllegalStateException if the pool is closed.
     */
    public int memIter(final ChunkVisitor visitor) {
        return views().memIter(visitor);
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
        views().dump(Checks.notNull("out", out));
    }

    /**
     * Checks the pool's consistency (DPDK's {@code rte_mempool_audit}): no cache holds more than its
     * size, the objects iterate to exactly {@link #populatedSize()}, and every object's header names this
     * pool and its own index; with {@link MempoolFlag#DEBUG}, every header and trailer cookie is valid.
     *
     * @throws IllegalStateException if a check fails, naming it; or if the pool is closed.
     */
    public void audit() {
        views().audit();
    }

    /**
     * A snapshot of the counters summed over every cache and the cache-less paths; all zero unless the
     * pool has {@link MempoolFlag#STATS}. <b>Note:</b> approximate while other threads get and put.
     *
     * @return the snapshot.
     * @throws IllegalStateException if the pool is closed.
     */
    public MempoolStats stats() {
        synchronized (lifecycle().lock()) {
            lifecycle().checkOpen();
            final PoolStats stats = poolStats();
            return stats == null ? MempoolStats.of(new long[MempoolStats.COUNTERS]) : stats.snapshot(caches().snapshot());
        }
    }

    /**
     * Zeroes every counter (DPDK's {@code rte_mempool_stats_reset}). <b>Note:</b> a get or put running
     * meanwhile may be counted or not.
     *
     * @throws IllegalStateException if the pool is closed.
     */
    public void resetStats() {
        synchronized (lifecycle().lock()) {
            lifecycle().checkOpen();
            final PoolStats stats = poolStats();
            if (stats != null) {
                stats.reset(caches().snapshot());
            }
        }
    }

    void checkUsable() {
        final int state = lifecycle().state();
        if (state != PoolLifecycle.POPULATED) {
            throw state == PoolLifecycle.CLOSED ? closedException()
                : new IllegalStateException("pool " + name + " is not populated: call populateDefault()");
        }
    }

    IllegalStateException closedException() {
        return new IllegalStateException("pool " + name + " is closed");
    }

    void foldStats(final MempoolCache cache) {
        final PoolStats stats = poolStats();
        if (stats != null && cache.stats() != null) {
            stats.fold(cache.stats());
        }
    }

    /** @return the DEBUG checks, or null without DEBUG. */
    abstract DebugCookies debug();

    /** @return the STATS counters of threads without a cache, or null without STATS. */
    abstract PoolStats poolStats();

    abstract PoolLifecycle lifecycle();

    abstract CacheRegistry caches();

    abstract PoolViews views();

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
     * Selects other ops before population; the caller holds the lifecycle's lock.
     *
     * @throws IllegalArgumentException if the ops require more than single-thread promises; nothing changed.
     */
    void changeOps(final String name, final Map<String, String> params) {
        final Set<MempoolFlag> next = withRequiredFlags(givenFlags, name);
        this.opsName = name;
        this.opsParams = params;
        this.flags = next;
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
