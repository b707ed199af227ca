package com.example.mempool.regionstack;

import io.mempool.api.Checks;
import io.mempool.api.OffHeapRegion;

/**
 * The layout of a {@link SpinLockLongStack} in off-heap memory: a header of two 128-byte blocks, then
 * the slots. It holds numbers only, no address and no Java reference, so the same bytes are the same
 * stack in every process that maps them.
 *
 * <pre>
 *   0 +---------------------------------------------------------------+
 *     | magic (long) | layout version (int) | capacity (int)  16 bytes   written once by createIn,
 *     | pad                                                  112 bytes   the magic last (release)
 * 128 +---------------------------------------------------------------+
 *     | lock word (long) | top (long)                         16 bytes   the lock line: 0 free, 1 held;
 *     | pad                                                  112 bytes   top = handles in the stack
 * 256 +---------------------------------------------------------------+
 *     | slot 0 (long) | slot 1 | ... | slot (capacity - 1)    8 bytes each, slot 0 the bottom
 *     +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The read-only header and the slots sit a whole 128-byte block (two cache lines, for adjacent-line
 * prefetch) away from the lock line that every call writes. The lock and top are {@code long} words, so
 * the heap form of the stack holds this same layout in a {@code long[]} (word {@code i} at byte
 * {@code 8 * i}) and gets the same padding. A magic of 0 is no stack, so zeroed memory is refused.
 *
 * <p>Thread-safe: constants and pure functions only.
 */
public final class SpinLockLongStackDescriptor {
    /** "SLSTACK" and a 1: marks a stack written by {@code createIn}; written last, with release. */
    public static final long MAGIC = 0x534C_5354_4143_4B01L;
    /** The layout this class describes; {@code attach} refuses any other. */
    public static final int LAYOUT_VERSION = 1;
    /** The distance between the header's blocks: two cache lines. */
    public static final int BLOCK = 128;
    /** The largest capacity: 2^30 handles, 8 GiB of slots. */
    public static final int MAX_CAPACITY = 1 << 30;

    /** Offset of {@link #MAGIC} (long). */
    public static final int MAGIC_OFFSET;
    /** Offset of the layout version (int). */
    public static final int VERSION_OFFSET;
    /** Offset of the capacity (int, {@code 1..}{@value #MAX_CAPACITY}). */
    public static final int CAPACITY_OFFSET;
    /** Offset of the lock word (long): 0 free, 1 held. */
    public static final int LOCK_OFFSET;
    /** Offset of the top (long, {@code 0..capacity}): the handles in the stack, the next free slot. */
    public static final int TOP_OFFSET;
    /** The bytes before slot 0: two blocks. */
    public static final int HEADER_LENGTH;
    /** Bytes per slot: one handle. */
    public static final int SLOT_LENGTH = Long.BYTES;

    static {
        int offset = 0;
        MAGIC_OFFSET = offset;
        VERSION_OFFSET = offset + 8;
        CAPACITY_OFFSET = offset + 12;

        offset += BLOCK;
        LOCK_OFFSET = offset;
        TOP_OFFSET = offset + 8;

        offset += BLOCK;
        HEADER_LENGTH = offset;
    }

    private SpinLockLongStackDescriptor() {
    }

    /**
     * @param capacity a capacity, {@code 1..}{@value #MAX_CAPACITY}.
     * @return {@code capacity}.
     * @throws IllegalArgumentException if it is out of range.
     */
    public static int checkCapacity(final int capacity) {
        return Checks.inRange("capacity", capacity, 1, MAX_CAPACITY);
    }

    /**
     * @param capacity a checked capacity.
     * @return the bytes of a stack of that capacity: header plus slots.
     */
    public static long bytesFor(final int capacity) {
        return HEADER_LENGTH + (long) capacity * SLOT_LENGTH;
    }

    /**
     * @param offset a byte offset of the layout, a multiple of 8.
     * @return the index of that word in the heap form's {@code long[]}.
     */
    static int word(final long offset) {
        return (int) (offset / Long.BYTES);
    }

    /**
     * Checks that a region's words can be accessed atomically: its address is a multiple of 8.
     *
     * @param region the region a stack is to live in.
     * @return {@code region}.
     * @throws IllegalArgumentException if the address is not 8-byte aligned.
     */
    public static OffHeapRegion checkAligned(final OffHeapRegion region) {
        if ((region.address() & (Long.BYTES - 1)) != 0) {
            throw new IllegalArgumentException(Checks.message("address", "0x" + Long.toHexString(region.address()),
                "8-byte aligned, for the atomic lock and top words"));
        }
        return region;
    }

    /**
     * @param length the region's bytes.
     * @param needed the bytes the stack needs.
     * @param why    what needs them, for the message.
     * @return {@code length}.
     * @throws IllegalArgumentException if {@code length < needed}.
     */
    public static long checkLength(final long length, final long needed, final String why) {
        if (length < needed) {
            throw new IllegalArgumentException(Checks.message("length", length, ">= " + needed + ", " + why));
        }
        return length;
    }
}
