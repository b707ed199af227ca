package io.mempool.driver.bucket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One entry of a store's thread table, DPDK's per-lcore bucket state: a LIFO stack of the full buckets
 * this thread completed ({@link #fullBuckets}) and an MPSC ring of the objects other threads freed into
 * the buckets it owns ({@link #adoptions}). Buckets name their owner by the slot's {@link #tag()}, which
 * changes each time a dead owner's slot is adopted, so the buckets of a dead owner count as shared from
 * that moment with no need to visit them.
 *
 * <p><b>Lifecycle.</b> {@code FREE} → {@code CLAIMED} by one live platform thread ({@link #tryClaim}) →
 * {@code RECLAIMING} once that thread is dead ({@link #tryBeginReclaim}, by whichever thread notices) →
 * {@code FREE} ({@link #endReclaim}). The slot keeps a reference to its owner until then, so a dead
 * thread's {@code Thread} object lives until its slot is adopted: when a new thread needs an entry in
 * that part of the table, or a dequeue comes up short.
 *
 * <p><b>Thread safety.</b> Every method may be called by any thread; the stack and the ring are safe as
 * their own classes say. Detecting the owner's death through {@link Thread#isAlive()} is a
 * happens-before edge from everything the owner did (JLS 17.4.4).
 */
final class ThreadSlot {
    private static final int FREE = 0;
    private static final int CLAIMED = 1;
    private static final int RECLAIMING = 2;

    /** Handles a put locates once: every cache flush (at most 512 / 2). */
    static final int LOCATED = 256;

    final int index;
    final LockFreeBucketStack fullBuckets = new LockFreeBucketStack();
    /**
     * The owner's scratch for one put: where it keeps each handle's {@link BucketTable#locate} from checking the
     * handles to placing them, so it locates each once. Only the owner touches it, inside one call.
     */
    final long[] located = new long[LOCATED];
    final MpscAdoptionRing adoptions;
    private volatile Thread owner;
    private volatile int status;
    private volatile int tag;
    /** Written only by the reclaimer, which holds the slot alone. */
    private int generation;

    /**
     * @param index        the slot's index in the table.
     * @param ringCapacity the adoption ring's capacity, a power of two.
     */
    ThreadSlot(final int index, final int ringCapacity) {
        this.index = index;
        this.adoptions = new MpscAdoptionRing(ringCapacity);
        this.tag = BucketStateDescriptor.ownerTag(index, 0);
    }

    /** @return whether {@code thread} holds this slot. */
    boolean ownedBy(final Thread thread) {
        return owner == thread;
    }

    /** @return the tag that buckets this slot's owner opened carry. */
    int tag() {
        return tag;
    }

    /**
     * @param thread the calling thread, a live platform thread.
     * @return true if it now holds the slot; false if another thread holds it (alive or dead).
     */
    boolean tryClaim(final Thread thread) {
        // volatile read first: threads beyond the table probe held slots on every call, and a failed
        // CAS would still take the line exclusive; the CAS lets one claimer win and acquires the
        // previous reclaimer's release of FREE
        if (status != FREE || !STATUS.compareAndSet(this, FREE, CLAIMED)) {
            return false;
        }
        owner = thread;
        return true;
    }

    /**
     * Starts adopting the slot of a dead owner: from here buckets tagged with the old tag count as shared.
     *
     * @return true if the owner is dead and the caller now reclaims the slot alone; then it must call
     *     {@link #endReclaim()}.
     */
    boolean tryBeginReclaim() {
        final Thread thread = owner;
        // isAlive() == false: the owner's last action happens-before this one (JLS 17.4.4); the volatile
        // CAS lets one reclaimer win
        if (thread == null || thread.isAlive() || !STATUS.compareAndSet(this, CLAIMED, RECLAIMING)) {
            return false;
        }
        generation++;
        // volatile: putters that read the new tag stop offering objects to this ring for the old owner
        tag = BucketStateDescriptor.ownerTag(index, generation);
        return true;
    }

    /** Frees a reclaimed slot for the next thread. */
    void endReclaim() {
        owner = null;
        // volatile: releases the reclaimer's work to the next claimer's CAS
        status = FREE;
    }

    private static final VarHandle STATUS;

    static {
        try {
            STATUS = MethodHandles.lookup().findVarHandle(ThreadSlot.class, "status", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
