package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.core.memory.MemoryScope;
import io.mempool.core.memory.NativeRegion;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A pool's elements in off-heap chunks, each a {@link Memzone} named {@code MP_<pool>_<k>} as DPDK
 * names them, at most {@code maxChunkBytes}, aligned and zeroed, freed by {@link #free()} rather than
 * by the GC.
 *
 * <p><b>Where the objects are.</b> In each chunk the objects form runs of adjacent elements, one stride
 * apart, each run the same number of objects (the last may be shorter) and the same distance after the
 * one before: the pool's own layout is one run per chunk; a store that places its objects itself
 * ({@code populate}) may leave gaps, as DPDK's bucket driver does at the end of every bucket. Such a
 * store's chunks are added one by one ({@link #addChunk}) and its objects {@link #record recorded} as it
 * places them, so every lookup below stays exact and O(1) per chunk.
 *
 * <p>Two handle checks. The exact one ({@link #indexOf}, {@link #allObjects}: DEBUG, {@code wrap},
 * {@code indexOf}) needs no division: the stride is {@code odd << shift}, and {@code delta} is a multiple
 * of it iff its low {@code shift} bits are zero and {@code (delta >>> shift) * inverse(odd)} (mod 2^64) is
 * at most {@code (2^64 - 1) / odd}; that product is then the quotient itself (with runs, after one
 * division by the runs' distance). The range check
 * ({@link #inChunks}, {@link #allInChunks}: every put without DEBUG) keeps the first two parts only, a
 * handle inside a chunk's objects on a multiple of {@code 1 << shift} (64 bytes unless NO_CACHE_ALIGN;
 * with runs, the largest power of two dividing the stride and the runs' distance): no multiply, so it
 * vectorises, and no address outside the pool's memory passes it.
 *
 * <p>Not thread-safe for {@link #free()}, {@link #addChunk} and {@link #record}, which the populating
 * thread calls before the pool is published; the lookups are read-only and safe from any thread once
 * the instance is published.
 */
final class PoolMemory {
    static final long MAX_CHUNK_BYTES = 1L << 30;

    private final int headerSize;
    private final int alignment;
    private final int stride;
    private final int shift;
    private final long lowMask;
    private final long oddInverse;
    private final long oddLimit;
    // one entry per chunk, grown by addChunk while a store places the objects
    private Memzone[] zones = new Memzone[0];
    /** Each chunk's memory, through which element headers and views are reached. */
    private NativeRegion[] regions = new NativeRegion[0];
    private long[] chunkAddresses = new long[0];
    private long[] chunkLengths = new long[0];
    private long[] firstObjects = new long[0];
    private long[] lastDeltas = new long[0];
    private int[] firstIndices = new int[0];
    /** Objects per run in each chunk: all of the chunk's while it is one run. */
    private int[] runLengths = new int[0];
    /** Bytes from one run's first object to the next one's in each chunk; 0 while the chunk is one run. */
    private long[] runBytes = new long[0];
    /** The objects laid out so far: all of them once populated. */
    private int objects;
    /** The range check's alignment bits: the stride's, lowered by any run distance with fewer. */
    private int rangeShift;
    /** Chunk 0's bounds, copied out of the arrays for the common single-chunk check. */
    private long first0;
    private long lastDelta0;
    private long runBytes0;

    private PoolMemory(final ElementLayout layout) {
        this.headerSize = layout.headerSize;
        this.alignment = layout.alignment;
        this.stride = layout.totalSize;
        this.shift = Integer.numberOfTrailingZeros(stride);
        this.rangeShift = shift;
        this.lowMask = (1L << shift) - 1;
        final long odd = stride >>> shift;
        long inverse = odd;
        for (int i = 0; i < 5; i++) {
            // Newton's iteration doubles the correct low bits: 3 -> 6 -> 12 -> 24 -> 48 -> 96 >= 64.
            inverse *= 2 - odd * inverse;
        }
        this.oddInverse = inverse;
        this.oddLimit = Long.divideUnsigned(-1L, odd);
    }

    /**
     * Reserves zeroed chunks for {@code n} elements in the pool's own layout.
     *
     * @param poolName names the chunks' memzones.
     * @param scope    owns the chunks' memory; the caller closes it.
     * @throws OutOfMemoryError if the memory cannot be had; chunks reserved so far are released.
     */
    static PoolMemory allocate(final String poolName, final ElementLayout layout, final int n, final long maxChunkBytes,
                               final MemoryScope scope) {
        final PoolMemory m = new PoolMemory(layout);
        final int perChunk = (int) Math.min(n, Math.max(1, maxChunkBytes / m.stride));
        try {
            while (m.objects < n) {
                final int count = Math.min(perChunk, n - m.objects);
                final NativeRegion region = m.addChunk(poolName, (long) count * m.stride, layout.alignment, scope);
                m.layOut(region.address() + m.headerSize, count);
            }
        } catch (final RuntimeException | Error ex) {
            m.free();
            throw ex;
        }
        return m;
    }

    /**
     * The elements of a shared pool: one chunk, the given zone, which this memory does not own (the
     * shared pool releases it, so that the last process out deletes the file).
     */
    static PoolMemory over(final Memzone zone, final ElementLayout layout, final int n) {
        final PoolMemory m = new PoolMemory(layout);
        m.append(null, zone.nativeRegion(), zone.address(), (long) n * layout.totalSize);
        m.layOut(zone.address() + layout.headerSize, n);
        return m;
    }

    /**
     * An empty table for a store that places the objects itself: chunks come from {@link #addChunk},
     * objects from {@link #record}.
     */
    static PoolMemory forPlacement(final ElementLayout layout) {
        return new PoolMemory(layout);
    }

    /**
     * Reserves the next chunk, {@code MP_<pool>_<k>}, zeroed; the objects recorded from now on lie in it.
     * The lookups count it once its first object is recorded.
     *
     * @return its memory.
     * @throws OutOfMemoryError if the memory cannot be had; chunks reserved before stay, for {@link #free()}.
     */
    NativeRegion addChunk(final String poolName, final long length, final int align, final MemoryScope scope) {
        final Memzone zone = Memzone.reserve(ZoneNames.chunk(poolName, zones.length), length, align, scope);
        append(zone, zone.nativeRegion(), zone.address(), length);
        zone.claim(poolName);
        return zone.nativeRegion();
    }

    private void append(final Memzone zone, final NativeRegion region, final long address, final long length) {
        final int k = zones.length;
        zones = Arrays.copyOf(zones, k + 1);
        regions = Arrays.copyOf(regions, k + 1);
        chunkAddresses = Arrays.copyOf(chunkAddresses, k + 1);
        chunkLengths = Arrays.copyOf(chunkLengths, k + 1);
        firstObjects = Arrays.copyOf(firstObjects, k + 1);
        lastDeltas = Arrays.copyOf(lastDeltas, k + 1);
        firstIndices = Arrays.copyOf(firstIndices, k + 1);
        runLengths = Arrays.copyOf(runLengths, k + 1);
        runBytes = Arrays.copyOf(runBytes, k + 1);
        zones[k] = zone;
        regions[k] = region;
        chunkAddresses[k] = address;
        chunkLengths[k] = length;
        firstIndices[k] = objects;
    }

    /** The last chunk holds {@code count} adjacent objects from {@code first}: the pool's own layout. */
    private void layOut(final long first, final int count) {
        final int k = zones.length - 1;
        firstObjects[k] = first;
        lastDeltas[k] = (long) (count - 1) * stride;
        runLengths[k] = count;
        objects += count;
        copyChunk0();
    }

    /**
     * Records the next object a store placed in the last chunk added, which gets the next index.
     *
     * @param obj the object's handle.
     * @return its index.
     * @throws IllegalArgumentException if the element (header to trailer) is not inside the chunk, the
     *     handle is misaligned, or it breaks the chunk's runs: the next object must be adjacent to the one
     *     before, or start the next run as far after the last run's start as that run after the one before
     *     it (the first gap sets the distance); nothing is recorded then.
     */
    int record(final long obj) {
        final int k = zones.length - 1;
        final long offset = obj - headerSize - chunkAddresses[k];
        if (offset < 0 || offset > chunkLengths[k] - stride || (obj & (alignment - 1)) != 0) {
            throw misplaced(obj, "an element of " + stride + " bytes aligned to " + alignment + " inside chunk " + k + " [0x"
                + Long.toHexString(chunkAddresses[k]) + ", +" + chunkLengths[k] + ")");
        }
        final int inChunk = objects - firstIndices[k];
        if (inChunk == 0) {
            firstObjects[k] = obj;
            runLengths[k] = 1;
        } else {
            final long delta = obj - firstObjects[k];
            final int run = runLengths[k];
            final long gap = runBytes[k];
            if (gap == 0 && delta == (long) inChunk * stride) {
                runLengths[k] = inChunk + 1; // the first run goes on
            } else if (gap == 0 && delta > (long) inChunk * stride) {
                runBytes[k] = delta; // the second run: its distance holds for every run of the chunk
                rangeShift = Math.min(rangeShift, Long.numberOfTrailingZeros(delta));
            } else if (gap == 0 || delta != inChunk / run * gap + (long) (inChunk % run) * stride) {
                throw misplaced(obj, "0x" + Long.toHexString(at(k, inChunk)) + ", object " + inChunk + " of chunk " + k
                    + (gap == 0 ? " after a run of " + run + " adjacent elements" : " in runs of " + run + " elements "
                    + gap + " bytes apart"));
            }
            lastDeltas[k] = delta;
        }
        copyChunk0();
        return objects++;
    }

    /** @return where object {@code inChunk} of chunk {@code k} lies, by the chunk's runs. */
    private long at(final int k, final int inChunk) {
        final long gap = runBytes[k];
        return gap == 0 ? firstObjects[k] + (long) inChunk * stride
            : firstObjects[k] + inChunk / runLengths[k] * gap + (long) (inChunk % runLengths[k]) * stride;
    }

    private static IllegalArgumentException misplaced(final long obj, final String expected) {
        return new IllegalArgumentException(Checks.message("obj", "0x" + Long.toHexString(obj), expected));
    }

    private void copyChunk0() {
        first0 = firstObjects[0];
        lastDelta0 = lastDeltas[0];
        runBytes0 = runBytes[0];
    }

    /** @return the objects laid out so far: all of the pool's once populated. */
    int objectCount() {
        return objects;
    }

    int chunkCount() {
        return chunkAddresses.length;
    }

    MemoryChunk chunk(final int k) {
        return new MemoryChunk(chunkAddresses[k], chunkLengths[k]);
    }

    /**
     * @param obj any value.
     * @return the index of the object whose handle {@code obj} is, or -1 if it is none of this pool's.
     */
    int indexOf(final long obj) {
        final long delta = obj - first0;
        if (Long.compareUnsigned(delta, lastDelta0) <= 0) {
            return runBytes0 == 0 ? quotient(delta) : indexInRuns(0, delta);
        }
        return indexInOtherChunks(obj);
    }

    private int indexInOtherChunks(final long obj) {
        final long[] firsts = firstObjects;
        for (int k = 1; k < firsts.length; k++) {
            final long delta = obj - firsts[k];
            if (Long.compareUnsigned(delta, lastDeltas[k]) <= 0) {
                return indexInRuns(k, delta);
            }
        }
        return -1;
    }

    /** @param delta the offset from chunk {@code k}'s first object, within its last. */
    private int indexInRuns(final int k, final long delta) {
        final long gap = runBytes[k];
        final long run = gap == 0 ? 0 : delta / gap;
        final int q = quotient(delta - run * gap);
        return q < 0 || q >= runLengths[k] ? -1 : firstIndices[k] + (int) (run * runLengths[k]) + q;
    }

    private int quotient(final long delta) {
        if ((delta & lowMask) != 0) {
            return -1;
        }
        final long q = (delta >>> shift) * oddInverse;
        return Long.compareUnsigned(q, oddLimit) <= 0 ? (int) q : -1;
    }

    /**
     * @param obj any value.
     * @return whether it lies inside a chunk's objects, on a multiple of the range check's alignment.
     */
    boolean inChunks(final long obj) {
        final long[] firsts = firstObjects;
        for (int k = 0; k < firsts.length; k++) {
            if (HandleRange.contains(obj, firsts[k], rangeShift, lastDeltas[k] >>> rangeShift)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The range check of a whole table; on a single-chunk pool one loop that needs no chunk lookup.
     *
     * @return true if every handle in {@code objs[from, to)} passes {@link #inChunks(long)}.
     */
    boolean allInChunks(final long[] objs, final int from, final int to) {
        if (firstObjects.length == 1) {
            return HandleRange.all(objs, from, to, first0, rangeShift, lastDelta0 >>> rangeShift);
        }
        for (int i = from; i < to; i++) {
            if (!inChunks(objs[i])) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the objects lie in one chunk, so {@link #firstObject()} and {@link #lastDelta()} bound them all. */
    boolean singleChunk() {
        return firstObjects.length == 1;
    }

    /** @return the first object of chunk 0. */
    long firstObject() {
        return first0;
    }

    /** @return the offset of chunk 0's last object from its first. */
    long lastDelta() {
        return lastDelta0;
    }

    /** @return the mask of the low bits the range check requires clear in every object's offset from the first. */
    long alignmentMask() {
        return (1L << rangeShift) - 1;
    }

    /**
     * Checks a whole table at once: on a single-chunk pool in one run without a branch per handle, so the
     * loop unrolls. Every check sets the sign bit of {@code acc} for a bad handle: {@code delta} negative
     * (below the first object), {@code lastDelta - delta} negative (past the last), {@code -(low bits)}
     * negative (not on a stride multiple of 2), and {@code q | (limit - q)} negative (not a multiple of
     * the odd factor: the product then exceeds the limit, which is below 2^63 for odd > 1).
     *
     * @return true if every handle in {@code objs[from, to)} is an object of this pool.
     */
    boolean allObjects(final long[] objs, final int from, final int to) {
        if (firstObjects.length != 1 || runBytes0 != 0) {
            for (int i = from; i < to; i++) {
                if (indexOf(objs[i]) < 0) {
                    return false;
                }
            }
            return true;
        }
        final long first = first0;
        final long last = lastDelta0;
        final long low = lowMask;
        final int sh = shift;
        final long inverse = oddInverse;
        final long limit = oddLimit == -1L ? Long.MAX_VALUE : oddLimit; // odd == 1: every quotient is exact
        long acc = 0;
        for (int i = from; i < to; i++) {
            final long delta = objs[i] - first;
            final long q = (delta >>> sh) * inverse;
            acc |= delta | (last - delta) | -(delta & low) | q | (limit - q);
        }
        return acc >= 0;
    }

    /**
     * @param index an object index, {@code 0..}{@link #objectCount()}{@code - 1}.
     * @return the object's handle.
     */
    long objectAt(final int index) {
        int k = firstIndices.length - 1;
        while (firstIndices[k] > index) {
            k--;
        }
        return at(k, index - firstIndices[k]);
    }

    // ---------------------------------------------------------------- element memory

    /**
     * @param obj   an object of this pool (checked by the caller).
     * @param delta a byte offset from the object: negative into its header, past its bytes into its trailer.
     * @return the long there.
     */
    long getLong(final long obj, final int delta) {
        final int k = chunkOf(obj);
        return regions[k].getLong(obj - chunkAddresses[k] + delta);
    }

    /** As {@link #getLong}, writing. */
    void putLong(final long obj, final int delta, final long value) {
        final int k = chunkOf(obj);
        regions[k].putLong(obj - chunkAddresses[k] + delta, value);
    }

    /**
     * @param obj    an object of this pool (checked by the caller).
     * @param length its bytes.
     * @return a new direct buffer over exactly them.
     */
    ByteBuffer byteBuffer(final long obj, final int length) {
        final int k = chunkOf(obj);
        return regions[k].byteBuffer(obj - chunkAddresses[k], length);
    }

    /** @return the chunk whose memory holds {@code address}; chunk 0 first, the common single-chunk case. */
    private int chunkOf(final long address) {
        final long[] starts = chunkAddresses;
        for (int k = 0; k < starts.length; k++) {
            if (Long.compareUnsigned(address - starts[k], chunkLengths[k]) < 0) {
                return k;
            }
        }
        throw new IllegalArgumentException("address 0x" + Long.toHexString(address) + " lies in no chunk"); // callers check first
    }

    long totalLength() {
        long total = 0;
        for (final long length : chunkLengths) {
            total += length;
        }
        return total;
    }

    /** Frees every chunk; idempotent. */
    void free() {
        for (final Memzone zone : zones) {
            if (zone != null) {
                zone.release(false);
            }
        }
    }
}
