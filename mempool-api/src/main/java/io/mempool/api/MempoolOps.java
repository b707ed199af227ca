package io.mempool.api;

import java.util.Set;

/**
 * A store of object handles behind a pool: DPDK's {@code struct rte_mempool_ops}. Providers are found
 * through {@link java.util.ServiceLoader} (a {@code META-INF/services/io.mempool.api.MempoolOps} entry on
 * the class path, {@code provides io.mempool.api.MempoolOps with ...} on the module path) and selected
 * by {@link #name()}. There is one provider instance per JVM; per-pool state lives in the store
 * {@code S} that {@link #alloc} returns.
 *
 * <p><b>Thread safety.</b> A provider is stateless and may be called by any thread. A store must be
 * safe for any number of threads enqueuing and dequeuing at once, except where the config's flags
 * ({@link MempoolFlag#SP_PUT}, {@link MempoolFlag#SC_GET}) or the ops' {@link #requiredFlags()} promise a
 * single producer or consumer at a time; the caller then keeps that promise. Nothing reads the promise
 * from the ops name.
 *
 * <p><b>Memory consistency effects.</b> Writing a handle's memory before enqueuing the handle
 * happens-before reading that memory after a dequeue returns the same handle.
 *
 * <p><b>Arguments.</b> Every method that takes a table rejects a bad one before it changes anything: a
 * null table with {@link NullPointerException} or {@link IllegalArgumentException}, a negative {@code n},
 * a negative offset or a range past the table with {@link IndexOutOfBoundsException} or
 * {@link IllegalArgumentException}. {@link Checks#checkTable} gives the second of each pair with a
 * {@code name: value (expected: range)} message; {@link java.util.Objects#requireNonNull(Object, String)}
 * and {@link java.util.Objects#checkFromIndexSize(int, int, int)} give the first. The pool checks every
 * argument before it calls a driver, so the check matters for direct callers; one check per call is enough.
 *
 * @param <S> the per-pool store type.
 */
public interface MempoolOps<S> {

    /**
     * @return the unique name this store is selected by: {@code [a-z0-9_]{1,31}}, e.g. {@code ring_mp_mc}.
     */
    String name();

    /**
     * The single-thread promises the store relies on: {@link MempoolFlag#SP_PUT} if at most one thread may
     * enqueue at a time, {@link MempoolFlag#SC_GET} if at most one may dequeue. The pool adds them to its
     * flags, so a store chosen by name is treated exactly as one chosen by flags; the conformance kit and
     * the benchmarks read them too. Nothing parses ops names.
     *
     * @return a subset of {@code {SP_PUT, SC_GET}}, the same on every call; by default empty: the store is
     *     safe for any number of producers and consumers.
     */
    default Set<MempoolFlag> requiredFlags() {
        return Set.of();
    }

    /**
     * Allocates an empty store for one pool (DPDK's {@code ops->alloc}).
     *
     * @param config the pool's name, capacity, flags and driver params.
     * @return a store with room for at least {@code config.capacity()} objects.
     * @throws IllegalArgumentException if a param is malformed or the capacity is beyond the driver.
     */
    S alloc(OpsConfig config);

    /**
     * Adds {@code objs[offset .. offset + n)} to the store, all or none.
     *
     * @param store  a store from {@link #alloc}, not yet freed.
     * @param objs   the handles.
     * @param offset the first slot of {@code objs} read.
     * @param n      how many handles, {@code >= 0}.
     * @return true if all {@code n} were added; false if there is no room for all, and nothing was added.
     */
    boolean enqueue(S store, long[] objs, int offset, int n);

    /**
     * Takes {@code n} handles from the store into {@code objs[offset .. offset + n)}, all or none.
     *
     * @param store  a store from {@link #alloc}, not yet freed.
     * @param objs   the table to fill.
     * @param offset the first slot of {@code objs} written.
     * @param n      how many handles, {@code >= 0}.
     * @return true if all {@code n} were taken; false if fewer are present, and then nothing was taken
     *     and {@code objs} was not written.
     */
    boolean dequeue(S store, long[] objs, int offset, int n);

    /**
     * The number of handles in the store (not in any cache). <b>Note:</b> it may lag while other
     * threads enqueue or dequeue, but is exact when the store is quiescent.
     *
     * @param store a store from {@link #alloc}.
     * @return the count, {@code 0..capacity}.
     */
    int count(S store);

    /**
     * Releases the store's resources. The store is not used afterwards.
     *
     * @param store a store from {@link #alloc}.
     */
    void free(S store);

    /**
     * DPDK's {@code get_info().contig_block_size}: a store that places its objects itself
     * ({@link #populate}) in runs of adjacent objects may hand out whole runs.
     *
     * @param store a store from {@link #alloc}.
     * @return the number of objects per contiguous block, or 0 if the store has no contiguous blocks.
     */
    default int contigBlockSize(final S store) {
        return 0;
    }

    /**
     * Takes {@code n} whole contiguous blocks, writing the first handle of each, all or none. The objects
     * of a block are {@link #contigBlockSize} handles {@link ElementGeometry#totalSize()} apart, starting
     * at the first; they go back one by one through {@link #enqueue}, as ordinary objects.
     *
     * @param store  a store from {@link #alloc}.
     * @param firsts the table to fill with the first handle of each block.
     * @param offset the first slot of {@code firsts} written.
     * @param n      how many blocks.
     * @return true if all {@code n} blocks were taken; false if not, and nothing was taken.
     * @throws UnsupportedOperationException if {@link #contigBlockSize} is 0.
     */
    default boolean dequeueContigBlocks(final S store, final long[] firsts, final int offset, final int n) {
        throw new UnsupportedOperationException(name() + " has no contiguous blocks");
    }

    /**
     * How much memory, aligned how, {@code n} objects need in this store's layout (DPDK's
     * {@code rte_mempool_ops_calc_mem_size}); for a store that places its objects itself with
     * {@link #populate}. A need is what makes the pool call {@link #populate}: it asks once for all the
     * pool's objects after {@link #alloc}, then, chunk after chunk, reserves a chunk as large as
     * {@link MemoryNeed#bytes()} (at most the pool's chunk limit, 1 GiB, but never below
     * {@link MemoryNeed#minChunkBytes()}) aligned to {@link MemoryNeed#align()}, has {@link #populate}
     * place objects in it, and asks again for the objects still missing, until all are placed. A shared
     * pool refuses a store that gives a need: its elements lie where the pool lays them out, the same in
     * every process.
     *
     * @param config   the pool's config.
     * @param n        how many objects, {@code >= 1}.
     * @param geometry the pool's element layout.
     * @return the memory needed; null (the default) for the pool's own layout: {@code n} elements one
     *     after another, {@code n * totalSize} bytes, and then {@link #populate} is never called.
     * @throws IllegalArgumentException if the geometry does not fit the store's layout (an element larger
     *                                  than the store's unit, say); the pool's population then fails.
     */
    default MemoryNeed calcMemSize(final OpsConfig config, final int n, final ElementGeometry geometry) {
        return null;
    }

    /**
     * Lays objects out in memory the pool reserved (DPDK's {@code rte_mempool_ops_populate}): for each
     * object, in index order, calls {@code callback.object(handle)}, which initialises the element and
     * enqueues it into {@code store}; so the store's own bookkeeping for an object (a bucket's header,
     * say) must be ready before the call. Objects must lie inside {@code region}, not overlap, with their
     * header room before them and their alignment as {@code geometry} says, and, so that the pool keeps
     * O(1) indices and exact handle checks, in runs: in each region, groups of the same number of
     * adjacent elements (the last may be shorter), each group the same distance after the one before,
     * in ascending addresses ({@link PopulateCallback} names the rule). The pool calls it, by one thread,
     * before the store is used for anything else, and only when {@link #calcMemSize} gave a need.
     *
     * @param store      a store from {@link #alloc}, empty or holding the objects of earlier chunks.
     * @param maxObjects the most objects to place, {@code >= 1}.
     * @param region     the chunk: the memory reserved for them (sized by {@link #calcMemSize}).
     * @param geometry   the pool's element layout.
     * @param callback   the pool's per-object step.
     * @return how many objects were placed, {@code 0..maxObjects}; or -1 (the default) to let the pool lay
     *     the objects out one after another and enqueue them itself.
     * @throws RuntimeException whatever {@code callback} throws; the pool then frees the store and the memory.
     */
    default int populate(final S store, final int maxObjects, final OffHeapRegion region, final ElementGeometry geometry,
                         final PopulateCallback callback) {
        return -1;
    }

    /**
     * How many bytes of off-heap memory a store for this config needs to live entirely in a memzone
     * (a shared memzone): its slots, heads, tails and counters, with no Java reference to state another process
     * needs, so that it can sit in memory shared between processes.
     *
     * @param config the pool's config.
     * @return the bytes {@code allocIn} needs; negative if the store cannot live in a memzone (the default).
     * @throws IllegalArgumentException if the config is beyond the driver, as {@link #alloc} would say.
     */
    default long memzoneBytes(final OpsConfig config) {
        return -1;
    }

    /**
     * Initialises a new, empty store in {@code region} (a memzone, possibly shared), writing a header that
     * {@link #attach(OpsConfig, OffHeapRegion)} validates; the store reaches its memory only through the
     * region, so it needs no JVM flag on any JDK. The memory stays the caller's: {@link #free} of such a
     * store releases nothing of it. The pool calls this form. By default it calls
     * {@link #allocIn(OpsConfig, long, long)} with the region's address and length (a store written
     * against the address form, which then reaches the memory its own way).
     *
     * @param config the pool's config.
     * @param region the memory, at least {@link #memzoneBytes}{@code (config)} bytes, 64-byte aligned or more.
     * @return the store, as {@link #alloc} returns one.
     * @throws UnsupportedOperationException if {@link #memzoneBytes} is negative (the default).
     * @throws IllegalArgumentException      if the region is too short or misaligned; nothing is written.
     */
    default S allocIn(final OpsConfig config, final OffHeapRegion region) {
        return allocIn(config, region.address(), region.length());
    }

    /**
     * Opens a store that {@link #allocIn(OpsConfig, OffHeapRegion)} initialised in the same memory,
     * possibly in another process (which maps it at another address). The pool calls this form; by
     * default it calls {@link #attach(OpsConfig, long, long)}.
     *
     * @param config the pool's config; it must describe the store found there.
     * @param region the memory.
     * @return a view of the store in that memory.
     * @throws UnsupportedOperationException if {@link #memzoneBytes} is negative (the default).
     * @throws IllegalArgumentException      if the region is too short, holds no store of these ops, or one
     *                                       made for another config; the message names the value found
     *                                       and the value expected.
     */
    default S attach(final OpsConfig config, final OffHeapRegion region) {
        return attach(config, region.address(), region.length());
    }

    /**
     * The address form of {@link #allocIn(OpsConfig, OffHeapRegion)}, for stores that reach memory their
     * own way; a store that overrides the region form need not implement it.
     *
     * @param config  the pool's config.
     * @param address the start of the range, as aligned as a memzone (64 bytes or more).
     * @param length  the range's length, at least {@link #memzoneBytes}{@code (config)}.
     * @return the store, as {@link #alloc} returns one.
     * @throws UnsupportedOperationException if {@link #memzoneBytes} is negative (the default).
     * @throws IllegalArgumentException      if the range is too short or misaligned; nothing is written.
     */
    default S allocIn(final OpsConfig config, final long address, final long length) {
        throw new UnsupportedOperationException(name() + " cannot live in a memzone (memzoneBytes() < 0)");
    }

    /**
     * The address form of {@link #attach(OpsConfig, OffHeapRegion)}: opens a store that {@code allocIn}
     * initialised in {@code [address, address + length)}, possibly in another process. Both stores then
     * share the same handles, and each may be used as its ops promise (the single-thread promises count
     * across all of them). {@link #free} of one does not disturb the other.
     *
     * @param config  the pool's config; it must describe the store found there.
     * @param address the start of the range.
     * @param length  the range's length.
     * @return a view of the store in that range.
     * @throws UnsupportedOperationException if {@link #memzoneBytes} is negative (the default).
     * @throws IllegalArgumentException      if the range is too short, holds no store of these ops (a wrong
     *                                       magic or layout version), or one made for another config; the
     *                                       message names the value found and the value expected.
     */
    default S attach(final OpsConfig config, final long address, final long length) {
        throw new UnsupportedOperationException(name() + " cannot live in a memzone (memzoneBytes() < 0)");
    }
}
