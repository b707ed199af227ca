package io.mempool.driver.bucket;

/**
 * The layout of a bucket's state word (one {@code long} per bucket, on the heap) and of the owner tag it
 * carries: DPDK's {@code struct bucket_header {lcore_id, fill_cnt}} plus two flags, in one word so that
 * one CAS moves all of them together.
 *
 * <pre>
 * bits  0..19  fill     objects of the bucket in the store and counted (0..objectsPerBucket)
 * bits 20..51  tag      the owner: 0 for none (shared), else a thread slot's tag
 * bit  52      QUEUED   whole: on a stack of full buckets, or taken off one and being opened
 * bit  53      INDEXED  a token for the bucket exists: on the partial stack, or held by one thread
 *
 * tag bits  0..11  slot index + 1 (1..MAX_THREADS)
 * tag bits 12..31  the slot's generation, bumped each time a dead thread's slot is adopted
 * </pre>
 *
 * <p>Invariants: a bucket with a fill {@code > 0} that is not {@code QUEUED} is {@code INDEXED}, so every
 * object in a partly filled bucket can be found; and while {@code QUEUED} the bucket holds all its
 * objects and only the thread that popped it (or none) changes anything but {@code INDEXED}.
 */
final class BucketStateDescriptor {
    /** The most objects a bucket may hold: the fill field's range. */
    static final int MAX_OBJECTS_PER_BUCKET = (1 << 20) - 1;
    /** The most thread slots a tag can name. */
    static final int MAX_THREADS = (1 << 12) - 1;
    /** The whole-bucket flag. */
    static final long QUEUED = 1L << 52;
    /** The partial-token flag. */
    static final long INDEXED = 1L << 53;

    private static final long FILL_MASK = MAX_OBJECTS_PER_BUCKET;
    private static final int TAG_SHIFT = 20;
    private static final long TAG_MASK = 0xFFFF_FFFFL << TAG_SHIFT;
    private static final int SLOT_BITS = 12;
    private static final int GENERATION_MASK = (1 << (Integer.SIZE - SLOT_BITS)) - 1;

    private BucketStateDescriptor() {
    }

    /** @return the fill of a state word. */
    static int fill(final long state) {
        return (int) (state & FILL_MASK);
    }

    /** @return the owner tag of a state word; 0 for none. */
    static int tag(final long state) {
        return (int) ((state & TAG_MASK) >>> TAG_SHIFT);
    }

    /** @return whether the bucket is whole and queued (or being opened). */
    static boolean queued(final long state) {
        return (state & QUEUED) != 0;
    }

    /** @return whether a token for the bucket exists. */
    static boolean indexed(final long state) {
        return (state & INDEXED) != 0;
    }

    /**
     * @param tag  the owner tag, 0 for none.
     * @param fill the fill.
     * @return a state word that is neither queued nor indexed.
     */
    static long state(final int tag, final int fill) {
        return (tag & 0xFFFF_FFFFL) << TAG_SHIFT | fill;
    }

    /**
     * @param index      a slot index, {@code 0..MAX_THREADS - 1}.
     * @param generation the slot's generation; only its low 20 bits count.
     * @return the tag, never 0.
     */
    static int ownerTag(final int index, final int generation) {
        return (generation & GENERATION_MASK) << SLOT_BITS | (index + 1);
    }

    /** @return the slot index a non-zero tag names. */
    static int slotIndex(final int tag) {
        return (tag & MAX_THREADS) - 1;
    }
}
