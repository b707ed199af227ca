package io.mempool.driver.ring;

import io.mempool.driver.ring.LongRing.SyncMode;

import java.util.concurrent.TimeUnit;

/**
 * DPDK's head/tail synchronisation ({@code rte_ring_headtail} and the {@code __rte_ring_move_*_head},
 * {@code __rte_ring_update_tail}, RTS and HTS functions) over a ring's four words, whatever memory holds
 * them: the subclasses give the words and the slots, on the heap ({@link HeapLongRing}) or off it
 * ({@link OffHeapLongRing}), through the accessors declared at the end, and {@link LongRing} the public
 * calls. The layout of the words and the memory orders are described on {@link LongRing}.
 *
 * <p>Thread-safe as {@link LongRing} says; the fields here are written once, before the ring is shared.
 */
abstract class LongRingHeadTail {
    /** The side a shared helper works on; callers pass a constant, so the JIT folds the choice. */
    static final boolean PROD = true;
    static final boolean CONS = false;
    /** DPDK's queue behaviour: FIXED moves exactly n or nothing (bulk), VARIABLE as many as it can (burst). */
    static final boolean FIXED = true;
    static final boolean VARIABLE = false;
    /**
     * How long a call waits for this side's other threads (a predecessor's tail, RTS's operations in flight,
     * HTS's one operation, a CAS others keep winning) before it gives up: DPDK waits forever, but a ring in
     * shared memory may have been stopped by a process that died inside an operation, or overwritten by
     * one. Far beyond any preemption; {@code -Dmempool.ring.stallMillis} changes it.
     */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(Long.getLong("mempool.ring.stallMillis", 10_000));
    /** Spins between two looks at the clock while waiting. */
    private static final int SPINS_PER_CHECK = 1 << 12;

    /** {@code slots - 1}: an index maps to its slot as {@code index & mask}. */
    final int mask;
    /** Most handles the ring holds: {@code slots - 1}, or the count asked for with exact size. */
    final int capacity;
    /** How producers synchronise with each other. */
    final SyncMode prodSync;
    /** How consumers synchronise with each other. */
    final SyncMode consSync;
    /** RTS producers: largest head - tail distance before a new producer waits. */
    final int prodHtdMax;
    /** RTS consumers: largest head - tail distance before a new consumer waits. */
    final int consHtdMax;

    /**
     * Per side, the tail word a wait gave up at, so that the next wait of that side gives up at its first look
     * at the clock while the tail still reads the same (a side stopped for good fails every call fast, not
     * after another {@link #STALL_NANOS}); written only by a call that gives up, so plain: a stale value only
     * costs one more full wait.
     */
    private boolean prodGaveUp;
    private boolean consGaveUp;
    private long prodGaveUpAt;
    private long consGaveUpAt;

    /** What every call reads and nobody writes: fields of this class lie before the heap ring's first pad. */
    LongRingHeadTail(final LongRingSpec spec) {
        mask = spec.slots() - 1;
        capacity = spec.capacity();
        prodSync = spec.producer();
        consSync = spec.consumer();
        prodHtdMax = spec.producer() == SyncMode.RTS ? spec.htdMax() : 0;
        consHtdMax = spec.consumer() == SyncMode.RTS ? spec.htdMax() : 0;
    }

    /** The enqueue of every mode and behaviour; the arguments are checked. Returns how many were added. */
    final int enqueue(final long[] objs, final int offset, final int n, final boolean fixed) {
        if (n == 0) {
            return 0; // nothing to reserve: do not wait behind RTS or HTS operations in flight
        }
        final SyncMode sync = prodSync;
        final long reserved = moveHead(PROD, sync, n, fixed);
        final int k = reservedCount(reserved);
        if (k != 0) {
            final int head = reservedHead(reserved);
            copyIn(objs, offset, head, k);
            updateTail(PROD, sync, head, k);
        }
        return k;
    }

    /** The dequeue of every mode and behaviour; the arguments are checked. Returns how many were taken. */
    final int dequeue(final long[] objs, final int offset, final int n, final boolean fixed) {
        if (n == 0) {
            return 0; // nothing to reserve: do not wait behind RTS or HTS operations in flight
        }
        final SyncMode sync = consSync;
        final long reserved = moveHead(CONS, sync, n, fixed);
        final int k = reservedCount(reserved);
        if (k != 0) {
            final int head = reservedHead(reserved);
            copyOut(objs, offset, head, k);
            updateTail(CONS, sync, head, k);
        }
        return k;
    }

    /** Reserves up to n indices on one side; returns {count, first index} packed by {@link #reservation}. */
    private long moveHead(final boolean prod, final SyncMode sync, final int n, final boolean fixed) {
        if (sync == SyncMode.MULTI) {
            return moveHeadMulti(prod, n, fixed);
        }
        if (sync == SyncMode.SINGLE) {
            return moveHeadSingle(prod, n, fixed);
        }
        return sync == SyncMode.RTS ? moveHeadRts(prod, n, fixed) : moveHeadHts(prod, n, fixed);
    }

    /** Publishes the k indices from head on one side, as its mode requires. */
    private void updateTail(final boolean prod, final SyncMode sync, final int head, final int k) {
        final int next = head + k;
        if (sync == SyncMode.MULTI) {
            // acquire: our predecessors' slot accesses then happen-before our release, so the other side
            // that sees our tail sees theirs [tails are published in reservation order]
            long since = 0;
            for (int spins = 1;; spins++) {
                final int tail = (int) laTail(prod);
                if (tail == head) {
                    break;
                }
                if (Integer.compareUnsigned(head - tail, capacity) > 0) {
                    throw inconsistent(prod ? "producer tail" : "consumer tail", tail, "a reservation at", head);
                }
                since = stalled(since, spins, prod, "the tail to reach our reservation");
                Thread.onSpinWait(); // a thread that reserved before us has not published yet
            }
            soTail(prod, word(next, 0)); // release: our slot accesses before the other side sees them
        } else if (sync == SyncMode.SINGLE) {
            soTail(prod, word(next, 0)); // release: our slot accesses before the other side sees them
        } else if (sync == SyncMode.RTS) {
            updateTailRts(prod);
        } else {
            // release: our slot accesses before the other side sees the tail; a plain word store is safe
            // because no thread of this side can CAS the word while its head differs from its tail
            soTail(prod, word(next, next));
        }
    }

    private long moveHeadSingle(final boolean prod, final int n, final boolean fixed) {
        final long h = lpHead(prod); // plain: only this side's single thread writes its head
        final int head = (int) h;
        final int k = clamp(n, available(prod, head, h), fixed);
        if (k <= 0) {
            return 0;
        }
        spHead(prod, word(head + k, 0)); // plain: nobody else reads a SINGLE head; the tail store publishes
        return reservation(k, head);
    }

    private long moveHeadMulti(final boolean prod, final int n, final boolean fixed) {
        long since = 0;
        for (int spins = 1;; spins++) {
            // acquire (DPDK A0): see at least the other side's tail that the last mover of our head saw,
            // so the room computed below is never more than the truth [available() >= 0]
            final long h = laHead(prod);
            final int head = (int) h;
            final int k = clamp(n, available(prod, head, h), fixed);
            if (k <= 0) {
                return 0;
            }
            // release (DPDK R1): pairs with the acquire above in the next mover; success reserves [head, head+k)
            if (weakCasHeadRelease(prod, h, word(head + k, 0))) {
                return reservation(k, head);
            }
            since = stalled(since, spins, prod, "a head move");
            Thread.onSpinWait(); // another thread of this side moved the head first
        }
    }

    private long moveHeadRts(final boolean prod, final int n, final boolean fixed) {
        final int htdMax = prod ? prodHtdMax : consHtdMax;
        long since = 0;
        for (int spins = 1;; spins++) {
            final long h = laHead(prod); // acquire (DPDK A1): as in moveHeadMulti
            final int head = low(h);
            // acquire: the tail index of our own side, to bound the operations in flight
            final int tail = low(laTail(prod));
            if (Integer.compareUnsigned(head - tail, htdMax) > 0) {
                // a tail past the head we read is a head gone stale, unless the head still reads the same
                if (Integer.compareUnsigned(head - tail, capacity) > 0 && laHead(prod) == h) {
                    throw inconsistent(prod ? "producer head" : "consumer head", head, "its tail", tail);
                }
                since = stalled(since, spins, prod, "the operations in flight to finish");
                Thread.onSpinWait(); // more than htdMax indices in flight on this side: let them finish
                continue;
            }
            final int k = clamp(n, available(prod, head, h), fixed);
            if (k <= 0) {
                return 0;
            }
            // release (DPDK R1): success reserves [head, head+k) and counts one more operation in flight
            if (weakCasHeadRelease(prod, h, word(head + k, high(h) + 1))) {
                return reservation(k, head);
            }
            since = stalled(since, spins, prod, "a head move");
            Thread.onSpinWait(); // another thread of this side moved the head first
        }
    }

    /** RTS finish: count this operation done; the one that completes the head's count moves the tail index. */
    private void updateTailRts(final boolean prod) {
        // acquire (DPDK A0): see a head count at least as new as the one the last tail writer compared with
        long tail = laTail(prod);
        long since = 0;
        for (int spins = 1;; spins++) {
            final long h = laHead(prod); // acquire: a fresh head each try (DPDK reads it relaxed)
            final int done = high(tail) + 1;
            // [done == head count] iff every reserved operation of this side has finished its copy
            final long next = done == high(h) ? word(low(h), done) : word(low(tail), done);
            // volatile CAS: release publishes our slot accesses (DPDK R0); its witness is read with acquire
            final long witness = caxTail(prod, tail, next);
            if (witness == tail) {
                return;
            }
            since = stalled(since, spins, prod, "a tail update");
            tail = witness; // another operation of this side finished first: count on top of it
        }
    }

    private long moveHeadHts(final boolean prod, final int n, final boolean fixed) {
        long since = 0;
        for (int spins = 1;; spins++) {
            final long ht = laTail(prod); // acquire (DPDK A0): the {tail, head} word of this side
            final int head = high(ht);
            if (head != low(ht)) {
                if (Integer.compareUnsigned(head - low(ht), capacity) > 0) {
                    throw inconsistent(prod ? "producer head" : "consumer head", head, "its tail", low(ht));
                }
                since = stalled(since, spins, prod, "the operation in flight to publish");
                Thread.onSpinWait(); // an operation of this side is in flight: wait until it publishes
                continue;
            }
            final int k = clamp(n, available(prod, head, ht), fixed);
            if (k <= 0) {
                return 0;
            }
            // release (DPDK R1): success moves the head only if the word still shows no operation in flight
            if (weakCasTailRelease(prod, ht, word(head, head + k))) {
                return reservation(k, head);
            }
            since = stalled(since, spins, prod, "a head move");
            Thread.onSpinWait(); // another thread of this side started first
        }
    }

    /**
     * One more spin of a wait: every {@link #SPINS_PER_CHECK} spins, a look at the clock.
     *
     * @param since when the wait's first clock look was, or 0 before it.
     * @return the new {@code since}.
     * @throws IllegalStateException once the wait has lasted {@link #STALL_NANOS}; the call gives up, and
     *     the ring's side stays as it was found (stopped by whatever stopped it).
     */
    private long stalled(final long since, final int spins, final boolean prod, final String what) {
        if ((spins & (SPINS_PER_CHECK - 1)) != 0) {
            return since;
        }
        final long now = System.nanoTime();
        final long tail = laTail(prod); // acquire: as any read of the word
        if (since == 0) {
            if (prod ? prodGaveUp && prodGaveUpAt == tail : consGaveUp && consGaveUpAt == tail) {
                throw stopped(prod, what, "given up on by an earlier call, and its tail has not moved since");
            }
            return now;
        }
        if (now - since > STALL_NANOS) {
            if (prod) {
                prodGaveUpAt = tail;
                prodGaveUp = true;
            } else {
                consGaveUpAt = tail;
                consGaveUp = true;
            }
            throw stopped(prod, what, "given up on after " + TimeUnit.NANOSECONDS.toMillis(now - since) + " ms");
        }
        return since;
    }

    private IllegalStateException stopped(final boolean prod, final String what, final String how) {
        return new IllegalStateException("LongRing " + where() + ": the " + (prod ? "producer" : "consumer") + " side "
            + "stopped: waiting for " + what + ", " + how + ": a thread or process stopped inside an operation of "
            + "that side, or the ring's words were overwritten");
    }

    /**
     * Room (producer) or handles (consumer) beyond {@code head}, computed as DPDK does in unsigned 32-bit
     * arithmetic: {@code capacity + consumer tail - head} or {@code producer tail - head}.
     */
    private int available(final boolean prod, final int head, final long seen) {
        // acquire (DPDK A1/A2): the other side's slot accesses up to its tail happen-before ours
        final int otherTail = low(laTail(!prod));
        final int n = (prod ? capacity : 0) + otherTail - head;
        if (Integer.compareUnsigned(n, capacity) <= 0) {
            return n;
        }
        // more than the ring holds: either our head moved on since we read it (the CAS on it fails and the
        // caller retries), or the words contradict each other (a ring in shared memory someone overwrote)
        if (ownWord(prod) != seen) {
            return capacity;
        }
        throw inconsistent(prod ? "producer head" : "consumer head", head, prod ? "consumer tail" : "producer tail", otherTail);
    }

    /** @return the word a side's movers compare: the head word, or HTS's {tail, head} word. */
    private long ownWord(final boolean prod) {
        return (prod ? prodSync : consSync) == SyncMode.HTS ? laTail(prod) : laHead(prod);
    }

    /** The ring's words say more is in it, or free, than it holds: they were overwritten. */
    private IllegalStateException inconsistent(final String what, final int index, final String other, final int otherIndex) {
        return new IllegalStateException("LongRing " + where() + ": inconsistent indices: " + what + " "
            + Integer.toUnsignedString(index) + ", " + other + " " + Integer.toUnsignedString(otherIndex) + ", capacity "
            + capacity + " (expected: at most the capacity apart): its words were overwritten");
    }

    /** DPDK's behaviour switch: all n or nothing (FIXED), or as many as available (VARIABLE). */
    private static int clamp(final int n, final int available, final boolean fixed) {
        return n <= available ? n : fixed ? 0 : available;
    }

    /** {count, first index} of a reservation in one long, so moving a head allocates nothing. */
    private static long reservation(final int count, final int head) {
        return word(head, count);
    }

    private static int reservedCount(final long reservation) {
        return high(reservation);
    }

    private static int reservedHead(final long reservation) {
        return low(reservation);
    }

    /** A 64-bit word of {@code low} in bits 0..31 and {@code high} in bits 32..63. */
    private static long word(final int low, final int high) {
        return (long) high << 32 | Integer.toUnsignedLong(low);
    }

    static int low(final long word) {
        return (int) word;
    }

    private static int high(final long word) {
        return (int) (word >>> 32);
    }

    /** @return where the ring lives, for messages and {@code toString}: {@code heap}, or {@code off-heap at 0x...}. */
    abstract String where();

    /** The start word of a side: index {@code start}, and for HTS a head equal to it (none in flight). */
    static long initialWord(final SyncMode sync, final int start) {
        return word(start, sync == SyncMode.HTS ? start : 0);
    }

    /**
     * Copies {@code objs[offset .. offset + k)} into the slots of indices {@code head .. head + k)}, across
     * the wrap; plain stores, published by the caller's release of its tail.
     */
    abstract void copyIn(long[] objs, int offset, int head, int k);

    /** Copies the slots of indices {@code head .. head + k)} into {@code objs[offset ..)}; plain loads. */
    abstract void copyOut(long[] objs, int offset, int head, int k);

    /** Plain load of a side's head word. */
    abstract long lpHead(boolean prod);

    /** Plain store of a side's head word. */
    abstract void spHead(boolean prod, long value);

    /** Acquire load of a side's head word. */
    abstract long laHead(boolean prod);

    /** Weak CAS, release on success, of a side's head word. */
    abstract boolean weakCasHeadRelease(boolean prod, long expect, long update);

    /** Acquire load of a side's tail word. */
    abstract long laTail(boolean prod);

    /** Release store of a side's tail word. */
    abstract void soTail(boolean prod, long value);

    /** Weak CAS, release on success, of a side's tail word. */
    abstract boolean weakCasTailRelease(boolean prod, long expect, long update);

    /** Volatile compare-and-exchange of a side's tail word; returns the witness. */
    abstract long caxTail(boolean prod, long expect, long update);
}
