package io.mempool.driver.bucket;

import static io.mempool.driver.bucket.LockFreeBucketStack.EMPTY;

/**
 * Where a store's buckets wait, and the moves between those places: whole buckets on the stack of the
 * thread slot that completed them (DPDK's per-lcore {@code bucket_stack}) or on the shared stack (DPDK's
 * {@code shared_bucket_ring}); partly filled buckets, by their token, on the partial stack (in place of
 * DPDK's {@code shared_orphan_ring}, which held the loose objects themselves).
 *
 * <p><b>Thread safety.</b> Safe for any number of threads: every place is a {@link LockFreeBucketStack},
 * and a bucket id is on at most one stack of each link array; the thread that pops an id holds it until it
 * pushes it again or opens the bucket.
 */
final class BucketStacks {
    private final ThreadTable threads;
    private final LockFreeBucketStack sharedFull = new LockFreeBucketStack();
    private final LockFreeBucketStack partial = new LockFreeBucketStack();

    /** @param threads the store's thread table, whose slots hold the per-thread stacks. */
    BucketStacks(final ThreadTable threads) {
        this.threads = threads;
    }

    /** Pushes a whole bucket the caller holds on the shared stack. */
    void pushShared(final BucketTable t, final int id) {
        sharedFull.push(t.fullNext, id);
    }

    /** Pushes the token of a partly filled bucket, which the caller holds, on the partial stack. */
    void listPartial(final BucketTable t, final int id) {
        partial.push(t.partialNext, id);
    }

    /**
     * Takes {@code n} objects that the caller reserved: whole buckets while {@code n} allows, then single
     * objects of partly filled buckets, breaking whole buckets when those run short (DPDK's
     * {@code bucket_dequeue_buckets} and {@code bucket_dequeue_orphans}). Reserved objects exist, so this
     * only waits while another thread holds some for one step (a popped token or bucket).
     *
     * @param me the calling thread's slot, or null.
     */
    void take(final BucketTable t, final long[] objs, final int offset, final int n, final ThreadSlot me) {
        final int perBucket = t.layout.objectsPerBucket;
        final int tag = me == null ? 0 : me.tag();
        final int end = offset + n;
        int pos = offset;
        for (int id = end - pos >= perBucket ? popFull(t, me) : EMPTY; id != EMPTY;
             id = end - pos >= perBucket ? popFull(t, me) : EMPTY) {
            t.openWhole(id, tag, objs, pos);
            pos += perBucket;
        }
        while (pos < end) {
            pos = takeListed(t, objs, pos, end);
            final int id = pos == end ? EMPTY : popFull(t, me);
            if (id != EMPTY && end - pos >= perBucket) {
                t.openWhole(id, tag, objs, pos);
                pos += perBucket;
            } else if (id != EMPTY) {
                if (t.openPart(id, tag, end - pos, objs, pos)) {
                    listPartial(t, id);
                }
                pos = end;
            } else if (pos < end) {
                // the reserved objects are held for a step by another thread (a popped token or bucket)
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Counts one object into its bucket, pushing the bucket where it now belongs.
     *
     * @param at the object, as {@link BucketTable#locate} gives it.
     * @return 1, or 0 for a double put.
     */
    int absorb(final BucketTable t, final long at, final ThreadSlot me) {
        final int index = (int) at;
        return absorb(t, (int) (at >>> Integer.SIZE), index >>> 6, 1L << index, me);
    }

    /**
     * Counts objects of one bucket into it, those whose bits are set in {@code bits} (see
     * {@link BucketTable#absorb}), pushing the bucket where it now belongs.
     *
     * @return the objects counted; the others were double puts.
     */
    int absorb(final BucketTable t, final int id, final int word, final long bits, final ThreadSlot me) {
        final int absorbed = t.absorb(id, word, bits);
        switch (absorbed & 3) {
            case BucketTable.NOW_LISTED:
                partial.push(t.partialNext, id);
                break;
            case BucketTable.NOW_FULL:
                // DPDK: the owner's own stack, spilling to the shared one past the threshold
                if (me != null && t.tagOf(id) == me.tag() && me.fullBuckets.size() < t.spillThreshold) {
                    me.fullBuckets.push(t.fullNext, id);
                } else {
                    sharedFull.push(t.fullNext, id);
                }
                break;
            default:
                break;
        }
        return absorbed >>> 2;
    }

    /** @return a whole bucket: the caller's own newest, else a shared one, else one stolen from another slot. */
    int popFull(final BucketTable t, final ThreadSlot me) {
        int id = me == null ? EMPTY : me.fullBuckets.pop(t.fullNext);
        if (id == EMPTY) {
            id = sharedFull.pop(t.fullNext);
        }
        for (int i = 0; id == EMPTY && i < threads.size(); i++) {
            final ThreadSlot slot = threads.slot(i);
            if (slot != null && slot != me) {
                id = slot.fullBuckets.pop(t.fullNext);
            }
        }
        return id;
    }

    /** Takes reserved single objects from listed partly filled buckets into {@code objs[pos..end)}. @return the new pos. */
    private int takeListed(final BucketTable t, final long[] objs, final int pos, final int end) {
        int at = pos;
        while (at < end) {
            final int id = partial.pop(t.partialNext);
            if (id == EMPTY) {
                break;
            }
            final int reserved = t.reserve(id, end - at);
            if ((reserved & BucketTable.KEEP_TOKEN) != 0) {
                partial.push(t.partialNext, id);
            }
            final int taken = reserved & (BucketTable.KEEP_TOKEN - 1);
            t.takeReserved(id, taken, objs, at);
            at += taken;
        }
        return at;
    }

    /** Drops the tokens of buckets that a populate completed: they are whole, not partly filled. */
    void pruneTokens(final BucketTable t) {
        int kept = EMPTY;
        for (int id = partial.pop(t.partialNext); id != EMPTY; id = partial.pop(t.partialNext)) {
            if ((t.reserve(id, 0) & BucketTable.KEEP_TOKEN) != 0) {
                // plain: the popped token is this thread's until pushed again
                t.partialNext[id] = kept;
                kept = id;
            }
        }
        while (kept != EMPTY) {
            final int below = t.partialNext[kept];
            partial.push(t.partialNext, kept);
            kept = below;
        }
    }
}
