package io.mempool.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The floor's store: a {@code long[]} stack of handles behind one spin lock, all or nothing. The least
 * a store shared by several threads can be; {@link FloorCache} reaches it once per half a cache of
 * objects.
 *
 * <p><b>Thread safety:</b> any number of threads; a push happens-before the pop that returns its handles
 * (both hold the lock, taken by CAS and let go with a release store).
 */
final class FloorStack {
    private final long[] handles;
    private int count;
    @SuppressWarnings("unused") // accessed through LOCK
    private volatile int locked;

    /**
     * @param capacity the most handles it holds.
     */
    FloorStack(final int capacity) {
        this.handles = new long[capacity];
    }

    /**
     * Pushes {@code n} handles.
     *
     * @param tbl the handles.
     * @param off the first.
     * @param n   how many; never more than went out (unchecked: {@code arraycopy} throws if they do not fit).
     */
    void push(final long[] tbl, final int off, final int n) {
        lock();
        try {
            final int c = count;
            System.arraycopy(tbl, off, handles, c, n);
            count = c + n;
        } finally {
            unlock();
        }
    }

    /**
     * Pops {@code n} handles, the last pushed first, or none.
     *
     * @param tbl where they go.
     * @param off the first slot.
     * @param n   how many.
     * @return false if fewer than {@code n} are held; then nothing was taken.
     */
    boolean pop(final long[] tbl, final int off, final int n) {
        lock();
        try {
            final int c = count - n;
            if (c < 0) {
                return false;
            }
            System.arraycopy(handles, c, tbl, off, n);
            count = c;
            return true;
        } finally {
            unlock();
        }
    }

    /** @return the handles held; exact while no thread is inside a push or pop. */
    int count() {
        lock();
        try {
            return count;
        } finally {
            unlock();
        }
    }

    private void lock() {
        // the successful CAS is the acquire: the last holder's writes to handles and count are visible
        while (!LOCK.compareAndSet(this, 0, 1)) {
            Thread.onSpinWait();
        }
    }

    private void unlock() {
        LOCK.setRelease(this, 0); // publishes this holder's writes to the next CAS
    }

    private static final VarHandle LOCK;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(FloorStack.class, "locked", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
