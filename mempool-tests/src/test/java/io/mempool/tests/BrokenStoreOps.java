package io.mempool.tests;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * A simple lock-guarded LIFO store with one deliberate bug, for {@link KitCatchesBrokenStoresTest}:
 * the conformance kit must fail on each bug. {@link Bug#NONE} is the correct store, the baseline.
 * Only ever registered in a child JVM.
 */
final class BrokenStoreOps implements MempoolOps<BrokenStoreOps.Store> {
    /** The bugs, one per store. */
    enum Bug {
        /** No bug. */
        NONE,
        /** A refused dequeue still copies what the store has into the caller's table. */
        PARTIAL_DEQUEUE,
        /** A refused enqueue still adds what fits. */
        PARTIAL_ENQUEUE,
        /** count is one short once the store holds more than 3. */
        COUNT_OFF_BY_ONE,
        /** No Checks.checkTable, and n == 0 returns before any check. */
        NO_ARGUMENT_CHECKS,
        /** No check at all: the copy loop meets the bad argument, with the JDK's exception, after moving the size. */
        UNCHECKED_COPY,
        /** Bad arguments are refused, but with IllegalStateException. */
        WRONG_EXCEPTION,
        /** Handles are narrowed to int. */
        INT_HANDLES,
        /** Every store shares one slot array. */
        SHARED_SLOTS,
        /** No lock: concurrent threads lose and duplicate handles. */
        RACY,
        /** An enqueue with no room returns true and drops the handles. */
        LOSSY_WHEN_FULL,
        /** requiredFlags() holds DEBUG, which is no single-thread promise. */
        FOREIGN_PROMISES,
        /** requiredFlags() returns null. */
        NULL_PROMISES,
        /** dequeueContigBlocks takes handles while contigBlockSize() is 0. */
        CONTIG_WITHOUT_SIZE,
        /** A dequeue of more than the store holds waits for the handles, deaf to interrupts, instead of failing. */
        WAITS_WHEN_EMPTY
    }

    /** One store: slots and a count, guarded by the store's monitor. */
    static final class Store {
        final long[] slots;
        int size;

        Store(final long[] slots) {
            this.slots = slots;
        }
    }

    private static final long[] SHARED = new long[1 << 16];
    /** Lets {@link Bug#WAITS_WHEN_EMPTY}'s waiting threads go once the test has seen them time out. */
    private static volatile boolean released;

    private final Bug bug;

    BrokenStoreOps(final Bug bug) {
        this.bug = bug;
    }

    static String nameOf(final Bug bug) {
        return "broken_" + bug.name().toLowerCase(Locale.ROOT);
    }

    /** Ends the waits of {@link Bug#WAITS_WHEN_EMPTY}. */
    static void release() {
        released = true;
    }

    @Override
    public String name() {
        return nameOf(bug);
    }

    @Override
    public Set<MempoolFlag> requiredFlags() {
        if (bug == Bug.FOREIGN_PROMISES) {
            return Set.of(MempoolFlag.DEBUG);
        }
        return bug == Bug.NULL_PROMISES ? null : Set.of();
    }

    @Override
    public Store alloc(final OpsConfig config) {
        return new Store(bug == Bug.SHARED_SLOTS ? SHARED : new long[config.capacity()]);
    }

    @Override
    public boolean enqueue(final Store s, final long[] objs, final int offset, final int n) {
        if (!checked(objs, offset, n)) {
            return true;
        }
        if (bug == Bug.RACY) {
            return racyEnqueue(s, objs, offset, n);
        }
        synchronized (s) {
            final int room = s.slots.length - s.size;
            if (n > room) {
                if (bug == Bug.PARTIAL_ENQUEUE) {
                    System.arraycopy(objs, offset, s.slots, s.size, room);
                    s.size += room;
                }
                return bug == Bug.LOSSY_WHEN_FULL;
            }
            for (int i = 0; i < n; i++) {
                s.slots[s.size++] = bug == Bug.INT_HANDLES ? (int)objs[offset + i] : objs[offset + i];
            }
            return true;
        }
    }

    @Override
    public boolean dequeue(final Store s, final long[] objs, final int offset, final int n) {
        if (!checked(objs, offset, n)) {
            return true;
        }
        if (bug == Bug.RACY) {
            return racyDequeue(s, objs, offset, n);
        }
        if (bug == Bug.WAITS_WHEN_EMPTY) {
            awaitHandles(s, n);
        }
        synchronized (s) {
            if (n > s.size) {
                if (bug == Bug.PARTIAL_DEQUEUE) {
                    for (int i = 0; i < s.size; i++) {
                        objs[offset + i] = s.slots[s.size - 1 - i];
                    }
                }
                return false;
            }
            for (int i = 0; i < n; i++) {
                objs[offset + i] = s.slots[--s.size];
            }
            return true;
        }
    }

    /** The argument checks; false when the bug skips them for n == 0 (the call then does nothing). */
    private boolean checked(final long[] objs, final int offset, final int n) {
        if (bug == Bug.NO_ARGUMENT_CHECKS) {
            return n != 0;
        }
        if (bug == Bug.UNCHECKED_COPY) {
            return true;
        }
        try {
            Checks.checkTable(objs, offset, n);
        } catch (final IllegalArgumentException | IndexOutOfBoundsException ex) {
            if (bug == Bug.WRONG_EXCEPTION) {
                throw new IllegalStateException(ex.getMessage(), ex);
            }
            throw ex;
        }
        return true;
    }

    /** Waits, without the lock, until the store holds n, swallowing interrupts; parks, so it burns no core. */
    private static void awaitHandles(final Store s, final int n) {
        while (!released) {
            synchronized (s) {
                if (s.size >= n) {
                    return;
                }
            }
            Thread.interrupted(); // deaf to interrupts, as a store spinning on a counter is
            LockSupport.parkNanos(1_000_000L);
        }
    }

    private static boolean racyEnqueue(final Store s, final long[] objs, final int offset, final int n) {
        for (int i = 0; i < n; i++) {
            final int at = s.size;
            if (at >= s.slots.length) {
                return false;
            }
            s.slots[at] = objs[offset + i];
            Thread.yield(); // widen the race window
            s.size = at + 1;
        }
        return true;
    }

    private static boolean racyDequeue(final Store s, final long[] objs, final int offset, final int n) {
        for (int i = 0; i < n; i++) {
            final int at = s.size - 1;
            if (at < 0) {
                return false;
            }
            Thread.yield(); // widen the race window
            objs[offset + i] = s.slots[at];
            s.size = at;
        }
        return true;
    }

    @Override
    public int count(final Store s) {
        synchronized (s) {
            return bug == Bug.COUNT_OFF_BY_ONE && s.size > 3 ? s.size - 1 : s.size;
        }
    }

    @Override
    public boolean dequeueContigBlocks(final Store s, final long[] firsts, final int offset, final int n) {
        if (bug == Bug.CONTIG_WITHOUT_SIZE) {
            return dequeue(s, firsts, offset, n);
        }
        return MempoolOps.super.dequeueContigBlocks(s, firsts, offset, n);
    }

    @Override
    public void free(final Store s) {
        // nothing to release: the slots are on the heap
    }
}
