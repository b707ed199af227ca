package io.mempool.core;

/**
 * The layout of an element's header, which sits directly before the object (DPDK's
 * {@code rte_mempool_objhdr}), and of its trailer, directly after the object's (8-rounded) bytes.
 * Offsets are relative to the object's handle, counting backwards into the header:
 * <pre>
 *   ... padding | index (8) | pool id (8) | [cookie (8), DEBUG] | object ... | [trailer cookie (8), DEBUG] | padding
 * </pre>
 * The pool writes these at populate and never writes the object's own bytes.
 */
final class ElementHeaderDescriptor {
    /** DPDK's RTE_MEMPOOL_HEADER_COOKIE1: the object is handed out. */
    static final long COOKIE_ALLOCATED = 0xbadbadbadadd2e55L;
    /** DPDK's RTE_MEMPOOL_HEADER_COOKIE2: the object is free, in a cache or the store. */
    static final long COOKIE_FREE = 0xf2eef2eedadd2e55L;
    /** DPDK's RTE_MEMPOOL_TRAILER_COOKIE. */
    static final long TRAILER_COOKIE = 0xadd2e55badbadbadL;

    /** The header cookie, present with DEBUG only. */
    static final int COOKIE_OFFSET;
    private static final int FIELD_LENGTH = Long.BYTES;

    static {
        COOKIE_OFFSET = -FIELD_LENGTH;
    }

    private ElementHeaderDescriptor() {
    }

    /**
     * @param debug whether the pool has DEBUG cookies.
     * @return the header's used length before alignment: 16 bytes, 24 with DEBUG.
     */
    static int headerLength(final boolean debug) {
        return (debug ? 3 : 2) * FIELD_LENGTH;
    }

    /**
     * @param debug whether the pool has DEBUG cookies.
     * @return where the owning pool's id sits, relative to the object.
     */
    static int poolIdOffset(final boolean debug) {
        return (debug ? -2 : -1) * FIELD_LENGTH;
    }

    /**
     * @param debug whether the pool has DEBUG cookies.
     * @return where the element's index sits, relative to the object.
     */
    static int indexOffset(final boolean debug) {
        return (debug ? -3 : -2) * FIELD_LENGTH;
    }

    /**
     * @param alignedElementSize the element size rounded up to 8.
     * @return where the trailer cookie sits, relative to the object (DEBUG only).
     */
    static int trailerOffset(final int alignedElementSize) {
        return alignedElementSize;
    }
}
