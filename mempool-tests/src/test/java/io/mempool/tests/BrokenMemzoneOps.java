package io.mempool.tests;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import org.agrona.UnsafeApi;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock-guarded LIFO store that lives in a memzone (header: magic, capacity, a spinlock word and the
 * size; then the slots), with one deliberate bug per instance, for {@link KitMutationMain}: the kit's
 * memzone rules must catch each. {@link Bug#NONE} is correct. Only ever registered in a child JVM.
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
        final long address;
        final long length;
        final int capacity;
        /** With {@link Bug#LOCK_PER_VIEW}: the lock that should have been the range's word. */
        final AtomicInteger viewLock = new AtomicInteger();
        int heapSize;

        View(final long address, final long length, final int capacity) {
            this.address = address;
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
        UnsafeApi.putInt(address + CAPACITY, config.capacity());
        UnsafeApi.putInt(address + LOCK, 0);
        UnsafeApi.putInt(address + SIZE, 0);
        UnsafeApi.putLongVolatile(null, address, MAGIC); // volatile: publishes the header to attachers
        if (bug == Bug.WRITES_PAST) {
            UnsafeApi.putByte(address + length, (byte) 0);
        }
        return new View(address, length, config.capacity());
    }

    @Override
    public View attach(final OpsConfig config, final long address, final long length) {
        if (bug == Bug.ATTACH_UNSUPPORTED) {
            throw new UnsupportedOperationException(name() + " cannot attach");
        }
        if (bug != Bug.NO_HEADER_CHECK) {
            checkRange(address, length, HEADER);
            final long magic = UnsafeApi.getLongVolatile(null, address);
            if (magic != MAGIC) {
                throw new IllegalArgumentException(Checks.message("magic", Long.toHexString(magic), Long.toHexString(MAGIC)));
            }
            checkRange(address, length, HEADER + 8L * UnsafeApi.getInt(address + CAPACITY));
        }
        return new View(address, length, UnsafeApi.getInt(address + CAPACITY));
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
                UnsafeApi.putLong(v.address + HEADER + 8L * (size + i), objs[offset + i]);
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
                objs[offset + i] = UnsafeApi.getLong(v.address + HEADER + 8L * (size - 1 - i));
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
            UnsafeApi.setMemory(v.address, v.length, (byte) 0);
        }
    }

    private int size(final View v) {
        if (bug == Bug.LOCK_PER_VIEW) {
            final int size = UnsafeApi.getIntVolatile(null, v.address + SIZE);
            Thread.yield(); // widen the window in which the other view's thread reads the same size
            return size;
        }
        return bug == Bug.COUNT_ON_HEAP ? v.heapSize : UnsafeApi.getInt(v.address + SIZE);
    }

    private void setSize(final View v, final int size) {
        if (bug == Bug.COUNT_ON_HEAP) {
            v.heapSize = size;
        } else {
            UnsafeApi.putInt(v.address + SIZE, size);
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
        while (!UnsafeApi.compareAndSetInt(null, v.address + LOCK, 0, 1)) { // CAS: acquires the lock
            Thread.onSpinWait(); // another view or thread holds it
        }
    }

    private void unlock(final View v) {
        if (bug == Bug.LOCK_PER_VIEW) {
            v.viewLock.set(0);
        } else {
            UnsafeApi.putIntRelease(null, v.address + LOCK, 0); // release: the critical section before the next holder
        }
    }
}
