package io.mempool.tests;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock-guarded LIFO store that lives in a memzone (header: magic, capacity, a spinlock word and the
 * size; then the slots), with one deliberate bug per instance, for {@link KitMutationMain}: the kit's
 * memzone rules must catch each. {@link Bug#NONE} is correct. Only ever registered in a child JVM. It is
 * written against the SPI's address forms, as a third party's store that reaches memory its own way, and
 * reaches it through {@link OffHeapRegion#containing} (so the region it is given is not its only bound).
 */
final class BrokenMemzoneOps implements MempoolOps<BrokenMemzoneOps.View> {
    /** The bugs, one per ops. */
    enum Bug {
        /** No bug. */
        NONE,
        /** The size is a field of each view, not a word of the range: views disagree. */
        COUNT_ON_HEAP,
        /** attach trusts any memory: no magic, no length check. */
        NO_HEADER_CHECK,
        /** free zeroes the range, so the other views lose the store. */
        FREE_CLEARS,
        /** allocIn writes one byte past the length it was given. */
        WRITES_PAST,
        /** Each view locks itself rather than the range's lock word: views race. */
        LOCK_PER_VIEW,
        /** memzoneBytes says yes, attach says unsupported. */
        ATTACH_UNSUPPORTED,
        /** memzoneBytes says no, yet allocIn makes a store. */
        ALLOC_IN_WITHOUT_BYTES
    }

    private static final long MAGIC = 0x42524F4B454E5A31L;
    private static final int CAPACITY = 8;
    private static final int LOCK = 12;
    private static final int SIZE = 16;
    private static final int HEADER = 64;

    /** One view of a store: where it is, and nothing another process needs (unless the bug puts it here). */
    static final class View {
        final OffHeapRegion r;
        final long length;
        final int capacity;
        /** With {@link Bug#LOCK_PER_VIEW}: the lock that should have been the range's word. */
        final AtomicInteger viewLock = new AtomicInteger();
        int heapSize;

        View(final long address, final long length, final int capacity) {
            this.r = OffHeapRegion.containing(address, length);
            this.length = length;
            this.capacity = capacity;
        }
    }

    private final Bug bug;

    BrokenMemzoneOps(final Bug bug) {
        this.bug = bug;
    }

    static String nameOf(final Bug bug) {
        return "zone_" + bug.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return nameOf(bug);
    }

    @Override
    public View alloc(final OpsConfig config) {
        throw new UnsupportedOperationException(name() + " lives in memzones only");
    }

    @Override
    public long memzoneBytes(final OpsConfig config) {
        return bug == Bug.ALLOC_IN_WITHOUT_BYTES ? -1 : HEADER + 8L * config.capacity();
    }

    @Override
    public View allocIn(final OpsConfig config, final long address, final long length) {
        final long needed = HEADER + 8L * config.capacity();
        checkRange(address, length, needed);
        final View v = new View(address, length, config.capacity());
        v.r.putInt(CAPACITY, config.capacity());
        v.r.putInt(LOCK, 0);
        v.r.putInt(SIZE, 0);
        v.r.putLongVolatile(0, MAGIC); // volatile: publishes the header to attachers
        if (bug == Bug.WRITES_PAST) {
            OffHeapRegion.containing(address + length, 1).putByte(0, (byte) 0); // the memzone's guard, past the range
        }
        return v;
    }

    @Override
    public View attach(final OpsConfig config, final long address, final long length) {
        if (bug == Bug.ATTACH_UNSUPPORTED) {
            throw new UnsupportedOperationException(name() + " cannot attach");
        }
        if (bug != Bug.NO_HEADER_CHECK) {
            checkRange(address, length, HEADER);
            final OffHeapRegion header = OffHeapRegion.containing(address, HEADER);
            final long magic = header.getLongVolatile(0);
            if (magic != MAGIC) {
                throw new IllegalArgumentException(Checks.message("magic", Long.toHexString(magic), Long.toHexString(MAGIC)));
            }
            checkRange(address, length, HEADER + 8L * header.getInt(CAPACITY));
        }
        // with the bug, a view of whatever memory holds the range, read past its length if need be
        final long span = bug == Bug.NO_HEADER_CHECK ? Math.max(length, HEADER) : length;
        final OffHeapRegion whole = OffHeapRegion.containing(address, span);
        return new View(address, span, whole.getInt(CAPACITY));
    }

    private static void checkRange(final long address, final long length, final long needed) {
        if (address == 0 || (address & 7) != 0 || length < needed) {
            throw new IllegalArgumentException(Checks.message("length", length, ">= " + needed + " at an aligned address"));
        }
    }

    @Override
    public boolean enqueue(final View v, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        lock(v);
        try {
            final int size = size(v);
            if (n > v.capacity - size) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                v.r.putLong(HEADER + 8L * (size + i), objs[offset + i]);
            }
            setSize(v, size + n);
            return true;
        } finally {
            unlock(v);
        }
    }

    @Override
    public boolean dequeue(final View v, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        lock(v);
        try {
            final int size = size(v);
            if (n > size) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                objs[offset + i] = v.r.getLong(HEADER + 8L * (size - 1 - i));
            }
            setSize(v, size - n);
            return true;
        } finally {
            unlock(v);
        }
    }

    @Override
    public int count(final View v) {
        lock(v);
        try {
            return size(v);
        } finally {
            unlock(v);
        }
    }

    @Override
    public void free(final View v) {
        if (bug == Bug.FREE_CLEARS) {
            v.r.fill(0, v.length, (byte) 0);
        }
    }

    private int size(final View v) {
        if (bug == Bug.LOCK_PER_VIEW) {
            final int size = v.r.getIntVolatile(SIZE);
            Thread.yield(); // widen the window in which the other view's thread reads the same size
            return size;
        }
        return bug == Bug.COUNT_ON_HEAP ? v.heapSize : v.r.getInt(SIZE);
    }

    private void setSize(final View v, final int size) {
        if (bug == Bug.COUNT_ON_HEAP) {
            v.heapSize = size;
        } else {
            v.r.putInt(SIZE, size);
        }
    }

    /** The range's spinlock (a CAS on its word), or, with the bug, a lock of this view's own. */
    private void lock(final View v) {
        if (bug == Bug.LOCK_PER_VIEW) {
            while (!v.viewLock.compareAndSet(0, 1)) { // CAS: excludes this view's threads only
                Thread.onSpinWait();
            }
            return;
        }
        while (!v.r.compareAndSetInt(LOCK, 0, 1)) { // CAS: acquires the lock
            Thread.onSpinWait(); // another view or thread holds it
        }
    }

    private void unlock(final View v) {
        if (bug == Bug.LOCK_PER_VIEW) {
            v.viewLock.set(0);
        } else {
            v.r.putIntRelease(LOCK, 0); // release: the critical section before the next holder
        }
    }
}
