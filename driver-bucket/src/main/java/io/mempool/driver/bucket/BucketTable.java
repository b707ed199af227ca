package io.mempool.driver.bucket;

import static io.mempool.driver.bucket.BucketStateDescriptor.INDEXED;
import static io.mempool.driver.bucket.BucketStateDescriptor.QUEUED;
import static io.mempool.driver.bucket.BucketStateDescriptor.fill;
import static io.mempool.driver.bucket.BucketStateDescriptor.indexed;
import static io.mempool.driver.bucket.BucketStateDescriptor.queued;
import static io.mempool.driver.bucket.BucketStateDescriptor.state;

import io.mempool.api.Checks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The buckets of one store as its populates placed them: for each bucket (an id, in placement order) its
 * first byte, its state word ({@link BucketStateDescriptor}), a bitmap of the objects present in it, and
 * its links on the stacks of full and of partly filled buckets; plus the chunks, sorted by address, that
 * turn a handle back into (bucket, index) by arithmetic. A populate replaces the table by a larger copy.
 *
 * <p><b>Objects and counts.</b> An object's bit is set while the object is in its bucket. The fill counts
 * the set bits that takers may reserve: a put sets the bit, then adds 1 to the fill; a take first
 * subtracts from the fill (a reservation), then clears that many set bits. So the set bits always number
 * the fill plus the reservations not yet cleared plus the puts not yet counted, and when a put's CAS
 * raises the fill to {@code objectsPerBucket} every bit is set and no take is in flight: the bucket is
 * whole, and the same CAS marks it {@code QUEUED}.
 *
 * <p><b>Thread safety.</b> The per-bucket methods are safe for any number of threads at once, each
 * transition being one CAS of the state word (or of a bitmap word); the methods that open a whole
 * bucket require the caller to hold it (popped off a stack of full buckets). The arrays are final fields,
 * published with the table by the store's volatile field.
 */
final class BucketTable {
    /** {@link #locate}'s answer for a handle no populate placed. */
    static final long NOT_PLACED = -1;
    /** {@link #absorb}: the object's bit was already set (a double put); nothing was counted. */
    static final int DUPLICATE = 0;
    /** {@link #absorb}: counted in a partly filled bucket that already has a token. */
    static final int ABSORBED = 1;
    /** {@link #absorb}: counted, and the bucket is now whole: the caller pushes it on a full stack. */
    static final int NOW_FULL = 2;
    /** {@link #absorb}: counted, and the caller now holds the bucket's token: it pushes it on the partial stack. */
    static final int NOW_LISTED = 3;
    /** In {@link #reserve}'s answer: the caller still holds the token and pushes it back. */
    static final int KEEP_TOKEN = 1 << 30;

    final BucketLayout layout;
    /** Buckets of every chunk: ids {@code 0..buckets - 1}. */
    final int buckets;
    /** Objects placed in every chunk. */
    final int placed;
    /** How many full buckets a thread's own stack holds before its new ones go to the shared stack. */
    final int spillThreshold;
    final int[] fullNext;
    final int[] partialNext;
    private final long[] bucketBase;
    private final long[] state;
    private final long[] present;
    private final long[] chunkBase;
    private final int[] chunkBuckets;
    private final int[] chunkFirstId;
    private final int[] chunkLastPlaced;

    private BucketTable(final BucketLayout layout, final int buckets, final int placed, final int maxThreads,
                        final BucketTable old, final long[] chunkBase, final int[] chunkBuckets,
                        final int[] chunkFirstId, final int[] chunkLastPlaced) {
        this.layout = layout;
        this.buckets = buckets;
        this.placed = placed;
        // DPDK: (size / obj_per_bucket) * 4 / 3 of every bucket, which a stack never reaches; here of a fair share
        final int share = (placed / layout.objectsPerBucket + maxThreads - 1) / maxThreads;
        this.spillThreshold = Math.max(1, share * 4 / 3);
        final int words = buckets * layout.wordsPerBucket;
        fullNext = old == null ? new int[buckets] : Arrays.copyOf(old.fullNext, buckets);
        partialNext = old == null ? new int[buckets] : Arrays.copyOf(old.partialNext, buckets);
        bucketBase = old == null ? new long[buckets] : Arrays.copyOf(old.bucketBase, buckets);
        state = old == null ? new long[buckets] : Arrays.copyOf(old.state, buckets);
        present = old == null ? new long[words] : Arrays.copyOf(old.present, words);
        this.chunkBase = chunkBase;
        this.chunkBuckets = chunkBuckets;
        this.chunkFirstId = chunkFirstId;
        this.chunkLastPlaced = chunkLastPlaced;
    }

    /**
     * A table with one more chunk. Not thread-safe: the store's populate runs alone.
     *
     * @param old        the table so far, or null.
     * @param layout     the store's layout.
     * @param start      the new chunk's first bucket, aligned to a bucket.
     * @param count      its buckets, {@code >= 1}.
     * @param objects    the objects placed in them: all of every bucket but the last, {@code >= 1} in the last.
     * @param maxThreads the thread table's size.
     * @return the new table, holding the old one's buckets with the same ids and state.
     * @throws IllegalArgumentException if the chunk overlaps one placed before, or the ids would overflow.
     */
    static BucketTable withChunk(final BucketTable old, final BucketLayout layout, final long start, final int count,
                                 final int objects, final int maxThreads) {
        final int first = old == null ? 0 : old.buckets;
        final long total = (long) first + count;
        if (total * layout.wordsPerBucket > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(Checks.message("buckets", total, "<= " + (Integer.MAX_VALUE - 8)
                / layout.wordsPerBucket + " in all chunks"));
        }
        final long end = start + ((long) count << layout.bucketShift);
        final int chunks = old == null ? 0 : old.chunkBase.length;
        int at = 0;
        while (at < chunks && old.chunkBase[at] < start) {
            at++;
        }
        if (at > 0 && old.chunkEnd(at - 1) > start || at < chunks && old.chunkBase[at] < end) {
            throw new IllegalArgumentException(Checks.message("region", "[0x" + Long.toHexString(start) + ", 0x"
                + Long.toHexString(end) + ")", "no overlap with the chunks populated before: " + old.describe()));
        }
        final long[] bases = insert(old == null ? new long[0] : old.chunkBase, at, start);
        final int[] counts = insert(old == null ? new int[0] : old.chunkBuckets, at, count);
        final int[] firsts = insert(old == null ? new int[0] : old.chunkFirstId, at, first);
        final int[] lasts = insert(old == null ? new int[0] : old.chunkLastPlaced, at,
            objects - (count - 1) * layout.objectsPerBucket);
        final BucketTable table = new BucketTable(layout, (int) total, (old == null ? 0 : old.placed) + objects,
            maxThreads, old, bases, counts, firsts, lasts);
        for (int b = 0; b < count; b++) {
            table.bucketBase[first + b] = start + ((long) b << layout.bucketShift);
        }
        return table;
    }

    /**
     * @param handle any value.
     * @return {@code (id << 32) | index} of the object whose handle it is, or {@link #NOT_PLACED}.
     */
    long locate(final long handle) {
        final int c = chunkOf(handle);
        if (c < 0) {
            return NOT_PLACED;
        }
        final BucketLayout l = layout;
        final long offset = handle - chunkBase[c];
        final int local = (int) (offset >>> l.bucketShift);
        final int inBucket = (int) (offset & (l.bucketBytes - 1)) - l.geometry.headerSize();
        final int stride = l.geometry.totalSize();
        final int index = inBucket / stride;
        final int objects = local == chunkBuckets[c] - 1 ? chunkLastPlaced[c] : l.objectsPerBucket;
        if (inBucket < 0 || index * stride != inBucket || index >= objects) {
            return NOT_PLACED;
        }
        return (long) (chunkFirstId[c] + local) << Integer.SIZE | index;
    }

    /** @return the handle of object {@code index} of bucket {@code id}. */
    long handle(final int id, final int index) {
        return layout.handle(bucketBase[id], index);
    }

    /** @return the owner tag of bucket {@code id}; 0 for none. */
    int tagOf(final int id) {
        return BucketStateDescriptor.tag(lvState(id));
    }

    /**
     * Puts objects of bucket {@code id} back: those whose bits are set in {@code bits}, bit {@code b} being
     * object {@code word * 64 + b}. Sets their bits, then counts the ones that were not set, in one CAS.
     *
     * @return the objects counted (the rest were double puts) times 4, plus {@link #DUPLICATE} (none
     *     counted), {@link #ABSORBED}, {@link #NOW_FULL} or {@link #NOW_LISTED}.
     */
    int absorb(final int id, final int word, final long bits) {
        // volatile OR: the bits are set before the fill counts them, so a reserved take always finds its bits
        final long fresh = bits & ~orPresent(id * layout.wordsPerBucket + word, bits);
        if (fresh == 0) {
            return DUPLICATE;
        }
        final int count = Long.bitCount(fresh);
        final int whole = layout.objectsPerBucket;
        long s = lvState(id);
        while (true) {
            if (queued(s)) {
                return DUPLICATE; // every object of a queued bucket is in it: only a double put gets here
            }
            final int result;
            final long update;
            if (fill(s) + count == whole) {
                result = NOW_FULL;
                update = s + count | QUEUED;
            } else if (indexed(s)) {
                result = ABSORBED;
                update = s + count;
            } else {
                result = NOW_LISTED;
                update = s + count | INDEXED;
            }
            // volatile CAE: the linearization point of the put, and its release to the next taker
            final long witness = caeState(id, s, update);
            if (witness == s) {
                return count << 2 | result;
            }
            s = witness; // a put, a take or a token change first
            Thread.onSpinWait();
        }
    }

    /**
     * Reserves up to {@code want} objects of a partly filled bucket whose token the caller holds (popped off
     * the partial stack), and decides the token: kept while objects remain, dropped otherwise (and for a
     * bucket that became whole meanwhile).
     *
     * @param want {@code >= 0}; 0 only checks the token.
     * @return the count reserved, plus {@link #KEEP_TOKEN} if the caller must push the token back.
     */
    int reserve(final int id, final int want) {
        long s = lvState(id);
        while (true) {
            final boolean whole = queued(s);
            final int taken = whole ? 0 : Math.min(want, fill(s));
            final boolean keep = !whole && fill(s) > taken;
            final long update = (s - taken) & ~INDEXED | (keep ? INDEXED : 0);
            // volatile CAE: acquires the puts counted so far, so their bits are visible to takeReserved
            final long witness = caeState(id, s, update);
            if (witness == s) {
                return taken | (keep ? KEEP_TOKEN : 0);
            }
            s = witness; // a put or another take first
            Thread.onSpinWait();
        }
    }

    /**
     * Clears {@code count} set bits of bucket {@code id}, which the caller {@link #reserve reserved}, and
     * writes their handles to {@code objs[pos..]}. The bits exist: see the class comment.
     */
    void takeReserved(final int id, final int count, final long[] objs, final int pos) {
        final int words = layout.wordsPerBucket;
        final int first = id * words;
        final long base = bucketBase[id];
        int left = count;
        int out = pos;
        int w = 0;
        while (left > 0) {
            final long word = lvPresent(first + w);
            long pick = 0;
            long rest = word;
            for (int c = 0; c < left && rest != 0; c++) {
                final long low = rest & -rest;
                pick |= low;
                rest ^= low;
            }
            if (pick == 0) {
                w = (w + 1) % words; // the reserved bits are in another word, or were just moved by a race
                Thread.onSpinWait();
            } else if (casPresent(first + w, word, word & ~pick)) {
                // the volatile CAS claimed the picked bits
                for (long p = pick; p != 0; p &= p - 1) {
                    objs[out++] = layout.handle(base, w * Long.SIZE + Long.numberOfTrailingZeros(p));
                }
                left -= Long.bitCount(pick);
            } else {
                Thread.onSpinWait(); // a put or another take changed the word first: read it again
            }
        }
    }

    /**
     * Opens a whole bucket the caller popped: every bit cleared, fill 0, owner {@code tag}; writes its
     * {@code objectsPerBucket} handles to {@code objs[pos..]} if {@code objs} is not null.
     */
    void openWhole(final int id, final int tag, final long[] objs, final int pos) {
        final int words = layout.wordsPerBucket;
        final int first = id * words;
        for (int w = 0; w < words; w++) {
            // plain: the caller holds the whole bucket; the state CAS below publishes the clear
            spPresent(first + w, 0);
        }
        open(id, tag, 0);
        if (objs != null) {
            final long base = bucketBase[id];
            for (int k = 0; k < layout.objectsPerBucket; k++) {
                objs[pos + k] = layout.handle(base, k);
            }
        }
    }

    /**
     * Breaks a whole bucket the caller popped (DPDK's remainder dequeue): takes its first {@code count}
     * objects into {@code objs[pos..]} and leaves the others in it, partly filled, owner {@code tag}.
     *
     * @param count {@code 1..objectsPerBucket - 1}.
     * @return true if the caller now holds the bucket's token and must push it on the partial stack.
     */
    boolean openPart(final int id, final int tag, final int count, final long[] objs, final int pos) {
        final int first = id * layout.wordsPerBucket;
        for (int w = 0; w < count >>> 6; w++) {
            // plain: the caller holds the whole bucket; the state CAS below publishes the clear
            spPresent(first + w, 0);
        }
        if ((count & 63) != 0) {
            spPresent(first + (count >>> 6), lpPresent(first + (count >>> 6)) & -1L << count);
        }
        final boolean token = !indexed(open(id, tag, layout.objectsPerBucket - count));
        final long base = bucketBase[id];
        for (int k = 0; k < count; k++) {
            objs[pos + k] = layout.handle(base, k);
        }
        return token;
    }

    /**
     * Sets a held bucket's state to {@code (tag, fill)}, no longer queued: indexed if {@code fill > 0}, and
     * keeping a token that exists.
     *
     * @return the state before.
     */
    private long open(final int id, final int tag, final int fill) {
        final long opened = state(tag, fill) | (fill > 0 ? INDEXED : 0);
        long s = lvState(id);
        while (true) {
            // volatile CAE: a token holder may drop INDEXED meanwhile; a kept token stays
            final long witness = caeState(id, s, opened | s & INDEXED);
            if (witness == s) {
                return s;
            }
            s = witness;
            Thread.onSpinWait();
        }
    }

    /** @return a readable list of the chunks, for messages. */
    String describe() {
        final StringBuilder out = new StringBuilder();
        for (int c = 0; c < chunkBase.length; c++) {
            out.append(c == 0 ? "" : ", ").append("[0x").append(Long.toHexString(chunkBase[c])).append(", 0x")
                .append(Long.toHexString(chunkEnd(c))).append(')');
        }
        return out + " in buckets of " + layout.bucketBytes + " bytes, objects at " + layout.geometry.headerSize()
            + " + k * " + layout.geometry.totalSize() + " for k < " + layout.objectsPerBucket;
    }

    private long chunkEnd(final int c) {
        return chunkBase[c] + ((long) chunkBuckets[c] << layout.bucketShift);
    }

    /** @return the chunk holding {@code handle}, or -1. */
    private int chunkOf(final long handle) {
        int low = 0;
        int high = chunkBase.length - 1;
        while (low <= high) {
            final int mid = (low + high) >>> 1;
            if (chunkBase[mid] <= handle) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high >= 0 && handle < chunkEnd(high) ? high : -1;
    }

    private static long[] insert(final long[] values, final int at, final long value) {
        final long[] out = new long[values.length + 1];
        System.arraycopy(values, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(values, at, out, at + 1, values.length - at);
        return out;
    }

    private static int[] insert(final int[] values, final int at, final int value) {
        final int[] out = new int[values.length + 1];
        System.arraycopy(values, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(values, at, out, at + 1, values.length - at);
        return out;
    }

    private long lvState(final int id) {
        return (long) LONGS.getVolatile(state, id);
    }

    private long caeState(final int id, final long expect, final long update) {
        return (long) LONGS.compareAndExchange(state, id, expect, update);
    }

    private long lvPresent(final int word) {
        return (long) LONGS.getVolatile(present, word);
    }

    private long lpPresent(final int word) {
        return present[word];
    }

    private void spPresent(final int word, final long value) {
        present[word] = value;
    }

    private boolean casPresent(final int word, final long expect, final long update) {
        return LONGS.compareAndSet(present, word, expect, update);
    }

    private long orPresent(final int word, final long bits) {
        return (long) LONGS.getAndBitwiseOr(present, word, bits);
    }

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
}
