package io.mempool.bench;

import java.nio.ByteBuffer;
import java.util.Queue;

/**
 * The pool a Java user builds by hand: a bounded queue prefilled with direct {@link ByteBuffer}s of
 * {@link Rounds#ELEMENT_SIZE} bytes. By default a get polls and a put offers, one buffer at a time;
 * subclasses whose queue has a batch API use it for bulks.
 */
public abstract class QueuePeerPerf extends PoolPerf {
    private static final int MAX_OFFER_TRIES = 1 << 24;

    private Queue<ByteBuffer> queue;
    private int size;

    /**
     * @param capacity the fewest buffers it must hold.
     * @return an empty queue safe for any number of threads.
     */
    protected abstract Queue<ByteBuffer> newQueue(int capacity);

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        this.size = size;
        queue = newQueue(size);
        for (int i = 0; i < size; i++) {
            if (!queue.offer(ByteBuffer.allocateDirect(Rounds.ELEMENT_SIZE))) {
                throw new IllegalStateException("queue refused buffer " + i + " of " + size);
            }
        }
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new QueueTable(queue, slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        queue.clear();
    }

    @Override
    long outstanding() {
        return size - queue.size();
    }

    /**
     * Offers one buffer the queue handed out, retrying a refusal: the queue is never full (it has room for
     * every buffer), but MTMCAQ refuses while a poll of that slot is in flight.
     *
     * @param queue  the queue.
     * @param buffer the buffer.
     */
    static void offer(final Queue<ByteBuffer> queue, final ByteBuffer buffer) {
        int tries = 0;
        while (!queue.offer(buffer)) {
            if (++tries == MAX_OFFER_TRIES) {
                throw new IllegalStateException("queue refused a buffer it handed out " + tries + " times");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Polls {@code n} buffers one by one, offering back those taken if the queue is empty (all or none); a
     * null poll from a queue that is not empty is retried, as its user would.
     */
    static class QueueTable extends ByteBufferTable {
        /** The queue. */
        final Queue<ByteBuffer> queue;

        QueueTable(final Queue<ByteBuffer> queue, final int slots) {
            super(slots);
            this.queue = queue;
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = 0; i < n; i++) {
                ByteBuffer buffer;
                while ((buffer = queue.poll()) == null) {
                    if (queue.isEmpty()) {
                        put(offset, i);
                        return false;
                    }
                    // not empty: another thread's offer is in flight (MTMCAQ's poll may return null then)
                    Thread.onSpinWait();
                }
                objs[offset + i] = buffer;
            }
            return true;
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                offer(queue, objs[i]);
            }
        }
    }

    /**
     * Gets a bulk through the queue's batch drain, one buffer through {@code poll}; all or none. Subclasses
     * drain with their queue's API, handing each buffer to {@link #take}.
     */
    abstract static class DrainTable extends QueueTable {
        /** The next slot a drain fills (and, in a subclass, a fill reads). */
        int cursor;

        DrainTable(final Queue<ByteBuffer> queue, final int slots) {
            super(queue, slots);
        }

        /**
         * Drains up to {@code limit} buffers, each through {@link #take}.
         *
         * @param limit the most to take.
         * @return how many were taken; 0 when the queue is empty or its next element is still in flight.
         */
        abstract int drain(int limit);

        /**
         * Takes one drained buffer into the next slot.
         *
         * @param buffer the buffer.
         */
        final void take(final ByteBuffer buffer) {
            objs[cursor++] = buffer;
        }

        @Override
        public final boolean get(final int offset, final int n) {
            if (n == 1) {
                return super.get(offset, 1);
            }
            final int end = offset + n;
            cursor = offset;
            while (cursor < end) {
                if (drain(end - cursor) == 0) {
                    if (queue.isEmpty()) {
                        put(offset, cursor - offset);
                        return false;
                    }
                    // not empty: another thread's offer is in flight (its slot is claimed, not yet filled)
                    Thread.onSpinWait();
                }
            }
            return true;
        }
    }
}
