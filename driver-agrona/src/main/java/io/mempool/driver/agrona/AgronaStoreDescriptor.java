package io.mempool.driver.agrona;

import static org.agrona.BitUtil.CACHE_LINE_LENGTH;
import static org.agrona.BitUtil.SIZE_OF_INT;
import static org.agrona.BitUtil.SIZE_OF_LONG;

import io.mempool.api.Checks;
import org.agrona.BitUtil;

/**
 * The layout of an off-heap store's buffer: where the metadata, the producer and consumer indices and the
 * slots live. The model is Agrona's {@code RingBufferDescriptor}, but the counters come first, so the
 * slots can grow without moving them.
 *
 * <pre>
 *   0 +------------------------------------------------+
 *     | magic (long) | layout version (int) | capacity (int)        metadata, written once at allocation,
 *     | slot count (int) | slot length (int)                        the magic last (release)
 *  64 +------------------------------------------------+
 *     | pad                                                     keeps metadata off the producer's pair
 * 128 +------------------------------------------------+
 *     | producer index (long) | cached consumer index (long)    the one-to-one producer's private copy
 * 192 +------------------------------------------------+
 *     | pad                                                     adjacent-line prefetch
 * 256 +------------------------------------------------+
 *     | consumer index (long) | cached producer index (long)    the one-to-one consumer's private copy
 * 320 +------------------------------------------------+
 *     | pad                                                     keeps slot 0 off the consumer's pair
 * 384 +------------------------------------------------+
 *     | slot 0 | slot 1 | ... | slot (slot count - 1)
 *     +------------------------------------------------+
 * </pre>
 *
 * <p>Indices are free-running 64-bit positions (they never wrap in practice: 2<sup>63</sup> handles); a
 * position's slot is {@code position & (slotCount - 1)}. A one-to-one slot is the handle alone
 * ({@value #ONE_TO_ONE_SLOT_LENGTH} bytes); a many-to-many slot is a sequence word then the handle
 * ({@value #MANY_TO_MANY_SLOT_LENGTH} bytes). The buffer holds only numbers: no heap reference and no
 * pointer, so the same layout can be mapped from a file shared between processes: a store made in a
 * memzone ({@code allocIn}) is opened by {@code attach}, which checks the magic, the layout version, the
 * slot length (the store's shape), the slot count and the capacity first.
 *
 * <p>Thread-safe: constants and pure functions only.
 */
public final class AgronaStoreDescriptor {
    /** "JMPAGRN" and a 1: marks a store's buffer once it is formatted; written last, with release. */
    public static final long MAGIC = 0x4A4D_5041_4752_4E01L;

    /** The layout this class describes; {@code attach} refuses any other. */
    public static final int LAYOUT_VERSION = 1;

    /** Alignment of the buffer's start and distance between the counter pairs: two cache lines. */
    public static final int ALIGNMENT;

    /** Offset of {@link #MAGIC} (long). */
    public static final int MAGIC_OFFSET;

    /** Offset of the layout version (int). */
    public static final int VERSION_OFFSET;

    /** Offset of the exact capacity (int), written once at allocation. */
    public static final int CAPACITY_OFFSET;

    /** Offset of the number of slots (int, a power of two), written once at allocation. */
    public static final int SLOT_COUNT_OFFSET;

    /** Offset of the slot length in bytes (int), written once at allocation; it names the store's shape. */
    public static final int SLOT_LENGTH_OFFSET;

    /** Offset of the producer index (long): the next position a producer claims. */
    public static final int PRODUCER_INDEX_OFFSET;

    /** Offset of the single producer's private copy of the consumer index (long), on the producer's line. */
    public static final int CACHED_CONSUMER_INDEX_OFFSET;

    /** Offset of the consumer index (long): the next position a consumer claims. */
    public static final int CONSUMER_INDEX_OFFSET;

    /** Offset of the single consumer's private copy of the producer index (long), on the consumer's line. */
    public static final int CACHED_PRODUCER_INDEX_OFFSET;

    /** Length of everything before slot 0; a multiple of {@link #ALIGNMENT}. */
    public static final int HEADER_LENGTH;

    /** Bytes per one-to-one slot: the handle. */
    public static final int ONE_TO_ONE_SLOT_LENGTH = SIZE_OF_LONG;

    /** Bytes per many-to-many slot: the sequence, then the handle. */
    public static final int MANY_TO_MANY_SLOT_LENGTH = 2 * SIZE_OF_LONG;

    /** Offset of the sequence within a many-to-many slot. */
    public static final int SEQUENCE_IN_SLOT = 0;

    /** Offset of the handle within a many-to-many slot. */
    public static final int HANDLE_IN_SLOT = SIZE_OF_LONG;

    /** Upper bound of the slots' total length, so the whole buffer stays within an {@code int} index. */
    public static final int MAX_SLOTS_LENGTH = 1 << 30;

    static {
        ALIGNMENT = 2 * CACHE_LINE_LENGTH;
        int offset = 0;
        MAGIC_OFFSET = offset;
        VERSION_OFFSET = offset + SIZE_OF_LONG;
        CAPACITY_OFFSET = VERSION_OFFSET + SIZE_OF_INT;
        SLOT_COUNT_OFFSET = CAPACITY_OFFSET + SIZE_OF_INT;
        SLOT_LENGTH_OFFSET = SLOT_COUNT_OFFSET + SIZE_OF_INT;

        offset += ALIGNMENT;
        PRODUCER_INDEX_OFFSET = offset;
        CACHED_CONSUMER_INDEX_OFFSET = offset + SIZE_OF_LONG;

        offset += ALIGNMENT;
        CONSUMER_INDEX_OFFSET = offset;
        CACHED_PRODUCER_INDEX_OFFSET = offset + SIZE_OF_LONG;

        offset += ALIGNMENT;
        HEADER_LENGTH = offset;
    }

    private AgronaStoreDescriptor() {
    }

    /**
     * The largest capacity a store with slots of this length can have.
     *
     * @param slotLength {@link #ONE_TO_ONE_SLOT_LENGTH} or {@link #MANY_TO_MANY_SLOT_LENGTH}.
     * @return the largest capacity: {@code MAX_SLOTS_LENGTH / slotLength}.
     * @throws IllegalArgumentException if {@code slotLength} is neither slot length.
     */
    public static int maxCapacity(final int slotLength) {
        checkSlotLength(slotLength);
        return MAX_SLOTS_LENGTH / slotLength;
    }

    /**
     * Checks a requested capacity and returns the number of slots that holds it: the smallest power of two
     * at least {@code max(2, capacity)} (two, because a many-to-many sequence must tell "full for this lap"
     * from "free for the next lap"). The store still holds exactly {@code capacity} handles.
     *
     * @param capacity   how many handles the store must hold, {@code 1..maxCapacity(slotLength)}.
     * @param slotLength {@link #ONE_TO_ONE_SLOT_LENGTH} or {@link #MANY_TO_MANY_SLOT_LENGTH}.
     * @return the slot count, a power of two.
     * @throws IllegalArgumentException if {@code capacity} is out of range or {@code slotLength} is neither
     *                                  slot length.
     */
    public static int checkCapacity(final int capacity, final int slotLength) {
        Checks.inRange("capacity", capacity, 1, maxCapacity(slotLength));
        return BitUtil.findNextPositivePowerOfTwo(Math.max(2, capacity));
    }

    /**
     * @param slotCount  the number of slots, from {@link #checkCapacity}.
     * @param slotLength the bytes per slot.
     * @return the buffer's length in bytes: header plus slots.
     */
    public static int bufferLength(final int slotCount, final int slotLength) {
        return HEADER_LENGTH + slotCount * slotLength;
    }

    /**
     * @param position   a free-running index.
     * @param mask       {@code slotCount - 1}.
     * @param slotShift  {@code log2(slotLength)}.
     * @return the offset of that position's slot in the buffer.
     */
    static int slotOffset(final long position, final int mask, final int slotShift) {
        return HEADER_LENGTH + (((int) position & mask) << slotShift);
    }

    private static void checkSlotLength(final int slotLength) {
        if (slotLength != ONE_TO_ONE_SLOT_LENGTH && slotLength != MANY_TO_MANY_SLOT_LENGTH) {
            throw new IllegalArgumentException(Checks.message(
                "slotLength", slotLength, ONE_TO_ONE_SLOT_LENGTH + " or " + MANY_TO_MANY_SLOT_LENGTH));
        }
    }
}
