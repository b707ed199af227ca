package io.mempool.driver.bucket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A store's bounded table of per-thread state, where DPDK has one entry per lcore: no
 * {@code ThreadLocal}, and no entry outlives its thread for long. A platform thread looks for its slot
 * among {@link #PROBES} consecutive entries from a hash of its identity, claims a free one on first use,
 * and adopts (through the store's {@link Reclaimer}) the entry of a dead thread it finds there. Virtual
 * threads, and platform threads that find every entry of their window held by a live thread, get no slot:
 * they use the store's shared state only. Slots are made on first claim, so an idle table costs one
 * reference per entry.
 *
 * <p><b>Thread safety.</b> Safe for any number of threads; nothing waits: a slot being adopted by one
 * thread is skipped by the others.
 */
final class ThreadTable {
    /** How many entries from its hash a thread looks at. */
    static final int PROBES = 8;

    /** Adopts a dead thread's slot: its full buckets and pending adoptions go back to shared state. */
    @FunctionalInterface
    interface Reclaimer {
        /** @param dead a slot in {@code RECLAIMING}, held by the calling thread alone. */
        void reclaim(ThreadSlot dead);
    }

    private final ThreadSlot[] slots;
    private final int probes;
    private final int ringCapacity;
    private final Reclaimer reclaimer;

    /**
     * @param size         the entries, {@code 1..BucketStateDescriptor.MAX_THREADS}.
     * @param ringCapacity each slot's adoption ring capacity, a power of two.
     * @param reclaimer    adopts a dead thread's slot.
     */
    ThreadTable(final int size, final int ringCapacity, final Reclaimer reclaimer) {
        this.slots = new ThreadSlot[size];
        this.probes = Math.min(PROBES, size);
        this.ringCapacity = ringCapacity;
        this.reclaimer = reclaimer;
    }

    /**
     * @return the calling thread's slot, claimed on first use; null for a virtual thread, or a platform
     *     thread whose window holds no free or dead entry.
     */
    ThreadSlot current() {
        final ThreadSlot mine = claimed();
        if (mine != null) {
            return mine;
        }
        final Thread thread = Thread.currentThread();
        return VirtualThreads.isVirtual(thread) ? null : claim(thread, start(thread));
    }

    /** @return the calling thread's slot if it has claimed one, else null; unlike {@link #current()}, claims none. */
    ThreadSlot claimed() {
        final Thread thread = Thread.currentThread();
        if (VirtualThreads.isVirtual(thread)) {
            return null;
        }
        final int start = start(thread);
        for (int i = 0; i < probes; i++) {
            final ThreadSlot slot = laSlot((start + i) % slots.length);
            if (slot != null && slot.ownedBy(thread)) {
                return slot;
            }
        }
        return null;
    }

    /** @return the entries. */
    int size() {
        return slots.length;
    }

    /** @return the slot at {@code index}, or null if no thread ever claimed it. */
    ThreadSlot slot(final int index) {
        return laSlot(index);
    }

    /**
     * @param tag a bucket's owner tag, 0 for none.
     * @return the slot whose current tag it is, or null: no owner, or one whose slot was adopted since.
     */
    ThreadSlot ownerOf(final int tag) {
        if (tag == 0) {
            return null;
        }
        final ThreadSlot slot = laSlot(BucketStateDescriptor.slotIndex(tag));
        return slot != null && slot.tag() == tag ? slot : null;
    }

    /** @return the handles waiting in every slot's adoption ring. */
    int pendingAdoptions() {
        int pending = 0;
        for (int i = 0; i < slots.length; i++) {
            final ThreadSlot slot = laSlot(i);
            if (slot != null) {
                pending += slot.adoptions.size();
            }
        }
        return pending;
    }

    /**
     * Adopts the slot if its owner is dead.
     *
     * @param slot a slot.
     * @return whether the caller adopted it.
     */
    boolean reclaimIfDead(final ThreadSlot slot) {
        if (!slot.tryBeginReclaim()) {
            return false;
        }
        try {
            reclaimer.reclaim(slot);
        } finally {
            slot.endReclaim();
        }
        return true;
    }

    private ThreadSlot claim(final Thread thread, final int start) {
        for (int i = 0; i < probes; i++) {
            final ThreadSlot slot = ensure((start + i) % slots.length);
            if (slot.tryClaim(thread) || reclaimIfDead(slot) && slot.tryClaim(thread)) {
                return slot;
            }
        }
        return null;
    }

    private ThreadSlot ensure(final int index) {
        final ThreadSlot slot = laSlot(index);
        if (slot != null) {
            return slot;
        }
        final ThreadSlot made = new ThreadSlot(index, ringCapacity);
        // volatile CAE: one slot per entry; the winner's final fields are published by it
        final ThreadSlot witness = (ThreadSlot) SLOT.compareAndExchange(slots, index, null, made);
        return witness == null ? made : witness;
    }

    /** @return where {@code thread}'s window starts: its identity hash, spread. */
    private int start(final Thread thread) {
        return Math.floorMod(System.identityHashCode(thread) * 0x9E37_79B9, slots.length);
    }

    private ThreadSlot laSlot(final int index) {
        // acquire: pairs with the CAE that installed the slot
        return (ThreadSlot) SLOT.getAcquire(slots, index);
    }

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(ThreadSlot[].class);
}
