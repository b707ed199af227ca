package io.mempool.core;

import io.mempool.api.MempoolCorruptionException;

import java.util.Arrays;

/**
 * The DEBUG checks, DPDK's {@code rte_mempool_check_cookies}, as exceptions instead of panics: each
 * element's header cookie says whether it is free or handed out, and a trailer cookie after its bytes
 * catches overruns. A check that fails rejects the whole call: a put enqueues nothing and leaves every
 * cookie as it was; a get hands out nothing, returns the sound objects to the store and keeps the
 * corrupted ones out of circulation.
 */
final class DebugCookies {
    private final String pool;
    private final long poolId;
    private final int elementSize;
    private final int stride;
    private final int poolIdOffset;
    private final int trailerOffset;

    /** @param config the pool's configuration: its name and id for the checks, its layout for the trailer. */
    DebugCookies(final PoolConfig config) {
        this.pool = config.name();
        this.poolId = config.id();
        this.elementSize = config.elementSize();
        this.stride = config.layout().totalSize;
        this.poolIdOffset = ElementHeaderDescriptor.poolIdOffset(true);
        this.trailerOffset = ElementHeaderDescriptor.trailerOffset(config.layout().alignedElementSize());
    }

    static void init(final PoolMemory memory, final long obj, final int alignedElementSize) {
        memory.putLong(obj, ElementHeaderDescriptor.COOKIE_OFFSET, ElementHeaderDescriptor.COOKIE_FREE);
        memory.putLong(obj, ElementHeaderDescriptor.trailerOffset(alignedElementSize), ElementHeaderDescriptor.TRAILER_COOKIE);
    }

    /** Marks every object free, or throws with every cookie as it was. Handles are in the pool's memory. */
    void beforePut(final PoolMemory memory, final long[] objs, final int offset, final int n) {
        for (int i = 0; i < n; i++) {
            final long obj = objs[offset + i];
            final String fault = putFault(memory, obj);
            if (fault != null) {
                for (int j = 0; j < i; j++) {
                    setCookie(memory, objs[offset + j], ElementHeaderDescriptor.COOKIE_ALLOCATED);
                }
                throw corruption(obj, fault + "; nothing of this put was enqueued");
            }
            // set as we go, so the same handle twice in one call is a double put too
            setCookie(memory, obj, ElementHeaderDescriptor.COOKIE_FREE);
        }
    }

    /** Undoes {@link #beforePut} when the store refused the objects. */
    void undoPut(final PoolMemory memory, final long[] objs, final int offset, final int n) {
        for (int i = 0; i < n; i++) {
            setCookie(memory, objs[offset + i], ElementHeaderDescriptor.COOKIE_ALLOCATED);
        }
    }

    private String putFault(final PoolMemory memory, final long obj) {
        final long cookie = memory.getLong(obj, ElementHeaderDescriptor.COOKIE_OFFSET);
        if (cookie == ElementHeaderDescriptor.COOKIE_FREE) {
            return "double put: the object is already free";
        }
        if (cookie != ElementHeaderDescriptor.COOKIE_ALLOCATED || memory.getLong(obj, poolIdOffset) != poolId) {
            return "header overwritten: cookie 0x" + Long.toHexString(cookie) + " (expected 0x"
                + Long.toHexString(ElementHeaderDescriptor.COOKIE_ALLOCATED) + ", handed out)";
        }
        return trailerFault(memory, obj);
    }

    private String trailerFault(final PoolMemory memory, final long obj) {
        final long trailer = memory.getLong(obj, trailerOffset);
        return trailer == ElementHeaderDescriptor.TRAILER_COOKIE ? null
            : "trailer overwritten: the object's " + elementSize + " bytes were overrun (trailer 0x"
                + Long.toHexString(trailer) + ")";
    }

    private String getFault(final PoolMemory memory, final long obj) {
        final long cookie = memory.getLong(obj, ElementHeaderDescriptor.COOKIE_OFFSET);
        if (cookie != ElementHeaderDescriptor.COOKIE_FREE || memory.getLong(obj, poolIdOffset) != poolId) {
            return "corrupted free object: cookie 0x" + Long.toHexString(cookie) + " (expected 0x"
                + Long.toHexString(ElementHeaderDescriptor.COOKIE_FREE) + ", free)";
        }
        return trailerFault(memory, obj);
    }

    /** Marks every object handed out, or returns the sound ones to the store and throws; inside the caller's guard. */
    void afterGet(final PoolMemory memory, final StoreBoundary store, final long[] objs, final int offset, final int n) {
        String firstFault = null;
        long firstBad = 0;
        int bad = 0;
        for (int i = 0; i < n; i++) {
            final String fault = getFault(memory, objs[offset + i]);
            if (fault != null) {
                if (firstFault == null) {
                    firstFault = fault;
                    firstBad = objs[offset + i];
                }
                bad++;
            }
        }
        if (firstFault == null) {
            for (int i = 0; i < n; i++) {
                setCookie(memory, objs[offset + i], ElementHeaderDescriptor.COOKIE_ALLOCATED);
            }
            return;
        }
        final long[] sound = new long[n - bad];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (getFault(memory, objs[offset + i]) == null) {
                sound[k++] = objs[offset + i];
            }
        }
        store.enqueue(sound, 0, k); // the caller is inside the store guard
        Arrays.fill(objs, offset, offset + n, Mempool.NULL);
        throw corruption(firstBad, firstFault + "; the get handed out nothing, " + bad
            + " corrupted object(s) were taken out of circulation");
    }

    /**
     * As {@link #afterGet} for {@code n} contiguous blocks of {@code blockSize} objects, one stride apart
     * from each first: every object of every block is checked (DPDK's
     * {@code rte_mempool_contig_blocks_check_cookies}), first that it is an object of this pool at all.
     */
    void afterGetBlocks(final PoolMemory memory, final StoreBoundary store, final long[] firsts, final int offset,
                        final int n, final int blockSize) {
        String firstFault = null;
        long firstBad = 0;
        int bad = 0;
        for (int b = offset; b < offset + n; b++) {
            for (int k = 0; k < blockSize; k++) {
                final long obj = firsts[b] + (long) k * stride;
                final String fault = blockFault(memory, obj);
                if (fault != null && bad++ == 0) {
                    firstFault = fault;
                    firstBad = obj;
                }
            }
        }
        if (firstFault == null) {
            for (int b = offset; b < offset + n; b++) {
                for (int k = 0; k < blockSize; k++) {
                    setCookie(memory, firsts[b] + (long) k * stride, ElementHeaderDescriptor.COOKIE_ALLOCATED);
                }
            }
            return;
        }
        final long[] sound = new long[n * blockSize - bad]; // the store succeeded: n blocks fit the pool's size
        int s = 0;
        for (int b = offset; b < offset + n; b++) {
            for (int k = 0; k < blockSize; k++) {
                final long obj = firsts[b] + (long) k * stride;
                if (blockFault(memory, obj) == null) {
                    sound[s++] = obj;
                }
            }
        }
        store.enqueue(sound, 0, s); // one by one, as ordinary objects; the caller is inside the store guard
        Arrays.fill(firsts, offset, offset + n, Mempool.NULL);
        throw corruption(firstBad, firstFault + "; getContigBlocks handed out nothing, " + bad
            + " object(s) were taken out of circulation");
    }

    private String blockFault(final PoolMemory memory, final long obj) {
        return memory.indexOf(obj) < 0 ? "not an object of this pool: a contiguous block the store handed out"
            + " runs outside the pool's objects" : getFault(memory, obj);
    }

    /** DEBUG audit: every header cookie is one of the two values and every trailer is intact. */
    void audit(final PoolMemory memory, final long obj, final int index) {
        final long cookie = memory.getLong(obj, ElementHeaderDescriptor.COOKIE_OFFSET);
        final String fault = cookie != ElementHeaderDescriptor.COOKIE_FREE && cookie != ElementHeaderDescriptor.COOKIE_ALLOCATED
            ? "header cookie overwritten: 0x" + Long.toHexString(cookie) : trailerFault(memory, obj);
        if (fault != null) {
            throw corruption(obj, fault + " (index " + index + ")");
        }
    }

    MempoolCorruptionException foreign(final long obj) {
        return corruption(obj, "foreign object: not an object of this pool; nothing of this put was enqueued");
    }

    private MempoolCorruptionException corruption(final long obj, final String fault) {
        return new MempoolCorruptionException("pool " + pool + ": object 0x" + Long.toHexString(obj) + ": " + fault);
    }

    private static void setCookie(final PoolMemory memory, final long obj, final long cookie) {
        memory.putLong(obj, ElementHeaderDescriptor.COOKIE_OFFSET, cookie);
    }
}
