package io.mempool.bench;

import java.nio.ByteBuffer;
import java.util.Queue;

/**
 * The pool a Java user builds by hand: a bounded queue prefilled with direct {@link ByteBuffer}s of
 * {@link Rounds#ELEMENT_SIZE} bytes; a get polls, a put offers. Subclasses pick the queue.
 */
public abstract class QueuePeerPerf extends PoolPerf {
    private Queue<ByteBuffer> queue;

    /**
     * @param capacity the fewest buffers it must hold.
     * @return an empty queue safe for any number of threads.
     */
    protected abstract Queue<ByteBuffer> newQueue(int capacity);

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
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

    /**
     * Polls {@code n} buffers, offering back those taken if the queue is empty (all or none); a null poll
     * from a queue that is not empty is retried, as its user would.
     */
    private static final class QueueTable implements ThreadTable {
        private static final int MAX_OFFER_TRIES = 1 << 24;
        private final Queue<ByteBuffer> queue;
        private final ByteBuffer[] objs;

        QueueTable(final Queue<ByteBuffer> queue, final int slots) {
            this.queue = queue;
            this.objs = new ByteBuffer[slots];
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
                int tries = 0;
                while (!queue.offer(objs[i])) {
                    // never full (it holds every buffer); MTMCAQ refuses while a poll of that slot is in flight
                    if (++tries == MAX_OFFER_TRIES) {
                        throw new IllegalStateException("queue refused a buffer it handed out " + tries + " times");
                    }
                    Thread.onSpinWait();
                }
            }
        }
    }
}
