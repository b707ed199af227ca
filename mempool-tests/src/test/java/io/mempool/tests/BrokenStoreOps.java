package io.mempool.tests;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

import java.util.Locale;

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
        /** Handles are narrowed to int. */
        INT_HANDLES,
        /** Every store shares one slot array. */
        SHARED_SLOTS,
        /** No lock: concurrent threads lose and duplicate handles. */
        RACY
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

    private final Bug bug;

    BrokenStoreOps(final Bug bug) {
        this.bug = bug;
    }

    static String nameOf(final Bug bug) {
        return "broken_" + bug.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return nameOf(bug);
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
                return false;
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
        Checks.checkTable(objs, offset, n);
        return true;
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
    public void free(final Store s) {
        // nothing to release: the slots are on the heap
    }
}
