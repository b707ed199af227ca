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

    @Override
    protected void close() {
        queue.clear();
    }

    /** Polls {@code n} buffers, offering back those taken if the queue runs dry (all or none). */
    private static final class QueueTable implements ThreadTable {
        private final Queue<ByteBuffer> queue;
        private final ByteBuffer[] objs;

        QueueTable(final Queue<ByteBuffer> queue, final int slots) {
            this.queue = queue;
            this.objs = new ByteBuffer[slots];
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = 0; i < n; i++) {
                final ByteBuffer buffer = queue.poll();
                if (buffer == null) {
                    put(offset, i);
                    return false;
                }
                objs[offset + i] = buffer;
            }
            return true;
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                if (!queue.offer(objs[i])) {
                    throw new IllegalStateException("queue refused a buffer it handed out: more puts than gets");
                }
            }
        }
    }
}
