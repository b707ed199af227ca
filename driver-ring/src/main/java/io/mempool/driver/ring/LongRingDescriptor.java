package io.mempool.driver.ring;

import io.mempool.api.Checks;
import io.mempool.driver.ring.LongRing.SyncMode;

/**
 * The layout of a {@link LongRing} in off-heap memory (DPDK's {@code struct rte_ring} and its slot table):
 * a header of three 128-byte blocks, then the slots. It holds numbers only, no pointer and no Java
 * reference, so the same bytes mean the same ring in every process that maps them.
 *
 * <pre>
 *   0 +-------------------------------------------------------------------------+
 *     | magic (long) | layout version (int) | slot count (int) | capacity (int)   written once by createIn,
 *     | producer sync (int) | consumer sync (int) | producer htd max (int) |     the magic last (release)
 *     | consumer htd max (int)                                          40 bytes
 *     | pad                                                              88 bytes
 * 128 +-------------------------------------------------------------------------+
 *     | producer head word (long) | producer tail word (long)          16 bytes   producers' line
 *     | pad                                                             112 bytes  adjacent-line prefetch
 * 256 +-------------------------------------------------------------------------+
 *     | consumer head word (long) | consumer tail word (long)          16 bytes   consumers' line
 *     | pad                                                             112 bytes  keeps slot 0 off it
 * 384 +-------------------------------------------------------------------------+
 *     | slot 0 (long) | slot 1 | ... | slot (slot count - 1)            8 bytes each
 *     +-------------------------------------------------------------------------+
 * </pre>
 *
 * <p>The head and tail words are those of the heap ring (see {@link LongRing}: 32-bit free-running
 * indices, plus the RTS counts or the HTS head in the high half). Sync modes are stored as codes
 * ({@link #syncCode}), never as enum ordinals, and 0 is no mode, so zeroed memory is no ring.
 *
 * <p>Thread-safe: constants and pure functions only.
 */
public final class LongRingDescriptor {
    /** "JMPRING" and a 1: marks a ring written by {@code createIn}; written last, with release. */
    public static final long MAGIC = 0x4A4D_5052_494E_4701L;

    /** The layout this class describes; {@code attach} refuses any other. */
    public static final int LAYOUT_VERSION = 1;

    /** Distance between the header's blocks: two cache lines, for adjacent-line prefetch. */
    public static final int BLOCK = 128;

    /** Offset of {@link #MAGIC} (long). */
    public static final int MAGIC_OFFSET;
    /** Offset of the layout version (int). */
    public static final int VERSION_OFFSET;
    /** Offset of the slot count (int, a power of two). */
    public static final int SLOTS_OFFSET;
    /** Offset of the capacity (int, {@code 0..slots - 1}). */
    public static final int CAPACITY_OFFSET;
    /** Offset of the producer side's sync code (int). */
    public static final int PRODUCER_SYNC_OFFSET;
    /** Offset of the consumer side's sync code (int). */
    public static final int CONSUMER_SYNC_OFFSET;
    /** Offset of the producer side's RTS head - tail bound (int; 0 for other modes). */
    public static final int PRODUCER_HTD_MAX_OFFSET;
    /** Offset of the consumer side's RTS head - tail bound (int; 0 for other modes). */
    public static final int CONSUMER_HTD_MAX_OFFSET;
    /** Offset of the producer head word (long). */
    public static final int PRODUCER_HEAD_OFFSET;
    /** Offset of the producer tail word (long). */
    public static final int PRODUCER_TAIL_OFFSET;
    /** Offset of the consumer head word (long). */
    public static final int CONSUMER_HEAD_OFFSET;
    /** Offset of the consumer tail word (long). */
    public static final int CONSUMER_TAIL_OFFSET;
    /** Length of everything before slot 0: three blocks. */
    public static final int HEADER_LENGTH;
    /** Bytes per slot: one handle. */
    public static final int SLOT_LENGTH = Long.BYTES;

    static {
        int offset = 0;
        MAGIC_OFFSET = offset;
        VERSION_OFFSET = offset + 8;
        SLOTS_OFFSET = offset + 12;
        CAPACITY_OFFSET = offset + 16;
        PRODUCER_SYNC_OFFSET = offset + 20;
        CONSUMER_SYNC_OFFSET = offset + 24;
        PRODUCER_HTD_MAX_OFFSET = offset + 28;
        CONSUMER_HTD_MAX_OFFSET = offset + 32;

        offset += BLOCK;
        PRODUCER_HEAD_OFFSET = offset;
        PRODUCER_TAIL_OFFSET = offset + 8;

        offset += BLOCK;
        CONSUMER_HEAD_OFFSET = offset;
        CONSUMER_TAIL_OFFSET = offset + 8;

        offset += BLOCK;
        HEADER_LENGTH = offset;
    }

    private LongRingDescriptor() {
    }

    /**
     * @param slots a slot count, {@code 1..}{@link LongRing#MAX_SLOTS}.
     * @return the bytes of a ring with that many slots: header plus slots.
     */
    public static long bytesFor(final int slots) {
        return HEADER_LENGTH + (long) slots * SLOT_LENGTH;
    }

    /**
     * @param mode a sync mode.
     * @return its code in the header: SINGLE 1, MULTI 2, RTS 3, HTS 4 (0 is no mode).
     */
    public static int syncCode(final SyncMode mode) {
        return switch (mode) {
            case SINGLE -> 1;
            case MULTI -> 2;
            case RTS -> 3;
            case HTS -> 4;
        };
    }

    /**
     * @param name what the code is, for the message.
     * @param code a code read from a header.
     * @return its sync mode.
     * @throws IllegalArgumentException if the code is none of {@link #syncCode}'s.
     */
    public static SyncMode checkSyncCode(final String name, final int code) {
        return switch (code) {
            case 1 -> SyncMode.SINGLE;
            case 2 -> SyncMode.MULTI;
            case 3 -> SyncMode.RTS;
            case 4 -> SyncMode.HTS;
            default -> throw new IllegalArgumentException(Checks.message(name, code,
                "1..4, the code of SINGLE, MULTI, RTS or HTS"));
        };
    }

    /**
     * Checks a range a ring is to live in: a non-zero, 8-byte-aligned address (its words are CASed).
     *
     * @param address the range's start.
     * @return {@code address}.
     * @throws IllegalArgumentException if it is 0 or not 8-byte aligned.
     */
    public static long checkAddress(final long address) {
        if (address == 0 || (address & (Long.BYTES - 1)) != 0) {
            throw new IllegalArgumentException(Checks.message("address", "0x" + Long.toHexString(address),
                "non-zero and 8-byte aligned"));
        }
        return address;
    }

    /**
     * @param length the bytes available.
     * @param needed the bytes the ring needs.
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
