package io.mempool.core;

import io.mempool.core.memory.MemoryScope;
import io.mempool.core.memory.NativeRegion;

import java.nio.ByteBuffer;

/**
 * A pool's elements in off-heap chunks, each a {@link Memzone} named {@code MP_<pool>_<k>} as DPDK
 * names them, at most {@code maxChunkBytes}, aligned and zeroed, freed by {@link #free()} rather than
 * by the GC.
 *
 * <p>Two handle checks. The exact one ({@link #indexOf}, {@link #allObjects}: DEBUG, {@code wrap},
 * {@code indexOf}) needs no division: the stride is {@code odd << shift}, and {@code delta} is a multiple
 * of it iff its low {@code shift} bits are zero and {@code (delta >>> shift) * inverse(odd)} (mod 2^64) is
 * at most {@code (2^64 - 1) / odd}; that product is then the quotient itself. The range check
 * ({@link #inChunks}, {@link #allInChunks}: every put without DEBUG) keeps the first two parts only, a
 * handle inside a chunk's objects on a multiple of {@code 1 << shift} (64 bytes unless NO_CACHE_ALIGN):
 * no multiply, so it vectorises, and no address outside the pool's memory passes it.
 *
 * <p>Not thread-safe for {@link #free()}; the lookups are read-only and safe from any thread once the
 * instance is published.
 */
final class PoolMemory {
    static final long MAX_CHUNK_BYTES = 1L << 30;

    private final Memzone[] zones;
    /** Each chunk's memory, through which element headers and views are reached. */
    private final NativeRegion[] regions;
    private final long[] chunkAddresses;
    private final long[] chunkLengths;
    private final long[] firstObjects;
    private final long[] lastDeltas;
    private final int[] firstIndices;
    private final int stride;
    private final int shift;
    private final long lowMask;
    private final long oddInverse;
    private final long oddLimit;
    /** Chunk 0's bounds, copied out of the arrays for the common single-chunk check. */
    private long first0;
    private long lastDelta0;

    private PoolMemory(final int chunks, final int stride) {
        this.zones = new Memzone[chunks];
        this.regions = new NativeRegion[chunks];
        this.chunkAddresses = new long[chunks];
        this.chunkLengths = new long[chunks];
        this.firstObjects = new long[chunks];
        this.lastDeltas = new long[chunks];
        this.firstIndices = new int[chunks];
        this.stride = stride;
        this.shift = Integer.numberOfTrailingZeros(stride);
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
     * Reserves zeroed chunks for {@code n} elements.
     *
     * @param poolName names the chunks' memzones.
     * @param scope    owns the chunks' memory; the caller closes it.
     * @throws OutOfMemoryError if the memory cannot be had; chunks reserved so far are released.
     */
    static PoolMemory allocate(final String poolName, final ElementLayout layout, final int n, final long maxChunkBytes,
                               final MemoryScope scope) {
        final int stride = layout.totalSize;
        final int perChunk = (int) Math.min(n, Math.max(1, maxChunkBytes / stride));
        final int chunks = (n + perChunk - 1) / perChunk;
        final PoolMemory m = new PoolMemory(chunks, stride);
        int index = 0;
        try {
            for (int k = 0; k < chunks; k++) {
                final int count = Math.min(perChunk, n - index);
                final long length = (long) count * stride;
                final Memzone zone = Memzone.reserve(ZoneNames.chunk(poolName, k), length, layout.alignment, scope);
                m.zones[k] = zone;
                zone.claim(poolName);
                m.regions[k] = zone.nativeRegion();
                final long address = zone.address();
                m.chunkAddresses[k] = address;
                m.chunkLengths[k] = length;
                m.firstObjects[k] = address + layout.headerSize;
                m.lastDeltas[k] = length - stride;
                m.firstIndices[k] = index;
                index += count;
            }
        } catch (final RuntimeException | Error ex) {
            m.free();
            throw ex;
        }
        m.first0 = m.firstObjects[0];
        m.lastDelta0 = m.lastDeltas[0];
        return m;
    }

    /**
     * The elements of a shared pool: one chunk, the given zone, which this memory does not own (the
     * shared pool releases it, so that the last process out deletes the file).
     */
    static PoolMemory over(final Memzone zone, final ElementLayout layout, final int n) {
        final PoolMemory m = new PoolMemory(1, layout.totalSize);
        final long length = (long) n * layout.totalSize;
        m.regions[0] = zone.nativeRegion();
        m.chunkAddresses[0] = zone.address();
        m.chunkLengths[0] = length;
        m.firstObjects[0] = zone.address() + layout.headerSize;
        m.lastDeltas[0] = length - layout.totalSize;
        m.first0 = m.firstObjects[0];
        m.lastDelta0 = m.lastDeltas[0];
        return m;
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
            return quotient(delta);
        }
        return indexInOtherChunks(obj);
    }

    private int indexInOtherChunks(final long obj) {
        final long[] firsts = firstObjects;
        for (int k = 1; k < firsts.length; k++) {
            final long delta = obj - firsts[k];
            if (Long.compareUnsigned(delta, lastDeltas[k]) <= 0) {
                final int q = quotient(delta);
                return q < 0 ? -1 : firstIndices[k] + q;
            }
        }
        return -1;
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
     * @return whether it lies inside a chunk's objects, on a multiple of the stride's power-of-two factor.
     */
    boolean inChunks(final long obj) {
        final long[] firsts = firstObjects;
        for (int k = 0; k < firsts.length; k++) {
            if (HandleRange.contains(obj, firsts[k], shift, lastDeltas[k] >>> shift)) {
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
            return HandleRange.all(objs, from, to, first0, shift, lastDelta0 >>> shift);
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

    /** @return the mask of the low bits every object's offset from the first has clear. */
    long alignmentMask() {
        return lowMask;
    }

    /**
     * Checks a whole table at once: on a single-chunk pool without a branch per handle, so the loop
     * unrolls. Every check sets the sign bit of {@code acc} for a bad handle: {@code delta} negative
     * (below the first object), {@code lastDelta - delta} negative (past the last), {@code -(low bits)}
     * negative (not on a stride multiple of 2), and {@code q | (limit - q)} negative (not a multiple of
     * the odd factor: the product then exceeds the limit, which is below 2^63 for odd > 1).
     *
     * @return true if every handle in {@code objs[from, to)} is an object of this pool.
     */
    boolean allObjects(final long[] objs, final int from, final int to) {
        if (firstObjects.length != 1) {
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
     * @param index an object index, {@code 0..n-1}.
     * @return the object's handle.
     */
    long objectAt(final int index) {
        int k = firstIndices.length - 1;
        while (firstIndices[k] > index) {
            k--;
        }
        return firstObjects[k] + (long) (index - firstIndices[k]) * stride;
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
