package io.mempool.testkit;

/**
 * A bounded FIFO of handles guarded by its monitor: how the concurrency rules pass objects from a
 * thread that gets them to a thread that puts them, as DPDK's test_mempool.c does with a
 * spinlock-guarded table. Thread-safe; the monitor gives the happens-before from offer to poll.
 */
final class HandOff {
    private final long[] slots;
    private int head;
    private int size;

    HandOff(final int capacity) {
        this.slots = new long[capacity];
    }

    /** Adds all {@code n} handles, or none if they do not fit; true if added. */
    synchronized boolean offer(final long[] objs, final int offset, final int n) {
        final long[] s = slots;
        if (n > s.length - size) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            s[(head + size + i) % s.length] = objs[offset + i];
        }
        size += n;
        return true;
    }

    /** Moves up to {@code max} handles into {@code objs[offset..]}; returns how many. */
    synchronized int poll(final long[] objs, final int offset, final int max) {
        final long[] s = slots;
        final int n = Math.min(max, size);
        for (int i = 0; i < n; i++) {
            objs[offset + i] = s[head];
            head = (head + 1) % s.length;
        }
        size -= n;
        return n;
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }
}
