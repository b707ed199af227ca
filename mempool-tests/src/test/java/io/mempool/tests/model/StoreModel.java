package io.mempool.tests.model;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The reference model of a store: a bounded queue of handles, FIFO for a ring (the oldest comes out
 * first, in put order) or LIFO for a stack (the newest comes out first, so a table put and taken back
 * comes out reversed). All-or-nothing, like the SPI. Single-threaded.
 */
final class StoreModel {
    /** Which end a take comes from. */
    enum Order { FIFO, LIFO }

    private final Order order;
    private final int capacity;
    /** Head = the next handle a take returns first. */
    private final Deque<Long> handles = new ArrayDeque<>();

    StoreModel(final Order order, final int capacity) {
        this.order = order;
        this.capacity = capacity;
    }

    boolean enqueue(final long[] table, final int offset, final int n) {
        if (handles.size() + n > capacity) {
            return false;
        }
        for (int i = offset; i < offset + n; i++) {
            if (order == Order.FIFO) {
                handles.addLast(table[i]);
            } else {
                handles.addFirst(table[i]);
            }
        }
        return true;
    }

    boolean dequeue(final long[] table, final int offset, final int n) {
        if (n > handles.size()) {
            return false;
        }
        for (int i = offset; i < offset + n; i++) {
            table[i] = handles.removeFirst();
        }
        return true;
    }

    int count() {
        return handles.size();
    }

    @Override
    public String toString() {
        return order + handles.toString();
    }
}
