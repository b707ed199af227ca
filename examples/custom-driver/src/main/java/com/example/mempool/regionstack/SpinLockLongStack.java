package com.example.mempool.regionstack;

import io.mempool.api.Checks;
import io.mempool.api.OffHeapRegion;

/**
 * A bounded LIFO of {@code long} handles behind one spinlock: DPDK's {@code stack} mempool driver. Its
 * whole state is a lock word, a top and the slots, laid out by {@link SpinLockLongStackDescriptor}; it
 * lives on the heap ({@link #onHeap}, that layout in a {@code long[]}) or in off-heap memory the caller
 * owns ({@link #createIn}, an {@link OffHeapRegion}, such as a memzone several processes map), where
 * {@link #attach} opens it again, from this process or another. Both forms behave alike; its capacity is
 * exactly the one asked for.
 *
 * <p>Every call takes the lock, decides all or nothing on the top, copies, moves the top and releases
 * the lock; a pop returns the newest handles first.
 *
 * <p><b>Thread safety.</b> Any number of threads, through any number of views in any number of
 * processes, may push and pop at once. <b>Note:</b> the lock is not lock-free: a thread descheduled
 * while it holds it delays every other caller, and a process killed while it holds it leaves the stack
 * locked for good: every later push or pop spins.
 *
 * <p><b>Memory consistency effects.</b> Actions of a thread before it pushes a handle happen-before
 * the actions of the thread whose pop returns that handle (both pass through the lock), also across
 * processes that map the same memory.
 *
 * <p>{@link #count()} reads the top without the lock: it is exact when no call is in progress. Nothing
 * is allocated after construction.
 */
public abstract sealed class SpinLockLongStack permits HeapSpinLockLongStack, OffHeapSpinLockLongStack {
    /** The lock word's value when no thread holds the lock. */
    static final long FREE = 0;
    /** The lock word's value while a thread holds it. */
    static final long HELD = 1;

    private final int capacity;

    SpinLockLongStack(final int capacity) {
        this.capacity = capacity;
    }

    /**
     * @param capacity how many handles it holds at most, {@code 1..}{@value SpinLockLongStackDescriptor#MAX_CAPACITY}.
     * @return a new, empty stack on the heap.
     * @throws IllegalArgumentException if the capacity is out of range.
     */
    public static SpinLockLongStack onHeap(final int capacity) {
        return new HeapSpinLockLongStack(SpinLockLongStackDescriptor.checkCapacity(capacity));
    }

    /**
     * Writes a new, empty stack into the region: every header word, the magic last. The region stays the
     * caller's; nothing is written past {@link SpinLockLongStackDescriptor#bytesFor}{@code (capacity)}.
     *
     * @param region   the memory, at least {@code bytesFor(capacity)} bytes, 8-byte aligned (a memzone's
     *                 64 or more gives the layout's padding its meaning).
     * @param capacity how many handles it holds at most.
     * @return the creator's view; {@link #attach} opens others.
     * @throws IllegalArgumentException if an argument is null or out of range, or the region is too short
     *                                  or misaligned; then nothing is written.
     */
    public static SpinLockLongStack createIn(final OffHeapRegion region, final int capacity) {
        Checks.notNull("region", region);
        SpinLockLongStackDescriptor.checkCapacity(capacity);
        SpinLockLongStackDescriptor.checkAligned(region);
        final long bytes = SpinLockLongStackDescriptor.bytesFor(capacity);
        SpinLockLongStackDescriptor.checkLength(region.length(), bytes, "a stack of capacity " + capacity);
        return OffHeapSpinLockLongStack.format(region.slice(0, bytes), capacity);
    }

    /**
     * Opens the stack that {@link #createIn} wrote in the same memory, possibly in another process (at
     * another address), after checking every header word; writes nothing.
     *
     * @param region the memory.
     * @return a new view of the stack there.
     * @throws IllegalArgumentException if the region is null, misaligned or shorter than the stack, or
     *                                  holds no stack of this layout; the message names the value found
     *                                  and the value expected.
     */
    public static SpinLockLongStack attach(final OffHeapRegion region) {
        Checks.notNull("region", region);
        SpinLockLongStackDescriptor.checkAligned(region);
        SpinLockLongStackDescriptor.checkLength(region.length(), SpinLockLongStackDescriptor.HEADER_LENGTH,
            "a SpinLockLongStack's header");
        return OffHeapSpinLockLongStack.open(region);
    }

    /**
     * Pushes {@code table[offset .. offset + n)}, all or none.
     *
     * @param table  the handles.
     * @param offset the first slot of {@code table} read.
     * @param n      how many handles, {@code >= 0}.
     * @return true if all {@code n} were pushed; false if there is room for fewer, and nothing was pushed.
     * @throws IllegalArgumentException  if {@code table} is null or {@code n} is negative.
     * @throws IndexOutOfBoundsException if the range lies outside the table.
     */
    public final boolean push(final long[] table, final int offset, final int n) {
        Checks.checkTable(table, offset, n);
        if (n == 0) {
            return true;
        }
        lock();
        try {
            final long top = lpTop();
            if (n > capacity - top) {
                return false; // no room for all n: refused before a slot is written
            }
            copyIn(top, table, offset, n);
            // release, not plain: count() reads the top without the lock, and must see a whole, current value
            soTop(top + n);
            return true;
        } finally {
            unlock();
        }
    }

    /**
     * Pops {@code n} handles, newest first, into {@code table[offset .. offset + n)}, all or none.
     *
     * @param table  the table to fill.
     * @param offset the first slot of {@code table} written.
     * @param n      how many handles, {@code >= 0}.
     * @return true if all {@code n} were popped; false if fewer are present, and then nothing was taken
     *     and {@code table} was not written.
     * @throws IllegalArgumentException  if {@code table} is null or {@code n} is negative.
     * @throws IndexOutOfBoundsException if the range lies outside the table.
     */
    public final boolean pop(final long[] table, final int offset, final int n) {
        Checks.checkTable(table, offset, n);
        if (n == 0) {
            return true;
        }
        lock();
        try {
            final long top = lpTop();
            if (n > top) {
                return false; // fewer than n handles: refused before the table is written
            }
            copyOut(top - n, table, offset, n);
            reverse(table, offset, n);
            // release, not plain: count() reads the top without the lock, and must see a whole, current value
            soTop(top - n);
            return true;
        } finally {
            unlock();
        }
    }

    /**
     * The number of handles in the stack, read without the lock. <b>Note:</b> it may lag while other
     * threads push and pop, and is exact when no call is in progress.
     *
     * @return the count, {@code 0..capacity()}.
     */
    public final int count() {
        return (int) lvTop();
    }

    /** @return the most handles the stack holds: exactly the capacity it was created with. */
    public final int capacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "SpinLockLongStack[capacity " + capacity + ", " + where() + "]";
    }

    /** Test-and-test-and-set: CAS when the word looks free, else spin on a read until it does. */
    private void lock() {
        // acquire by CAS: orders the critical section after the previous holder's release
        while (!casLock(FREE, HELD)) {
            // volatile read, not CAS: waiters share the line read-only until the holder releases
            while (lvLock() != FREE) {
                Thread.onSpinWait();
            }
        }
    }

    private void unlock() {
        // release: publishes the slots and the top to the next holder, in any process
        soLock(FREE);
    }

    /** The copy out leaves the oldest of the n first; the caller gets the newest first, as from a stack. */
    private static void reverse(final long[] table, final int offset, final int n) {
        for (int i = offset, j = offset + n - 1; i < j; i++, j--) {
            final long swap = table[i];
            table[i] = table[j];
            table[j] = swap;
        }
    }

    /** @return where the stack lives, for {@link #toString()}. */
    abstract String where();

    /** @return the lock word, volatile. */
    abstract long lvLock();

    /** @return whether the lock word was {@code expect} and is now {@code update} (volatile CAS). */
    abstract boolean casLock(long expect, long update);

    /** @param value the lock word, written with release. */
    abstract void soLock(long value);

    /** @return the top, plain: only under the lock, whose acquire orders it. */
    abstract long lpTop();

    /** @return the top, volatile: for {@link #count()}, without the lock. */
    abstract long lvTop();

    /** @param value the top, written with release. */
    abstract void soTop(long value);

    /** Copies {@code table[offset .. offset + n)} into slots {@code slot ..}, plain (under the lock). */
    abstract void copyIn(long slot, long[] table, int offset, int n);

    /** Copies slots {@code slot .. slot + n)} into {@code table[offset ..)}, plain (under the lock). */
    abstract void copyOut(long slot, long[] table, int offset, int n);
}
