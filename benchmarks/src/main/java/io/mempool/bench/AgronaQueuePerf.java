package io.mempool.bench;

import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * Peer: an Agrona {@link ManyToManyConcurrentArrayQueue} of preallocated direct buffers; a bulk get drains
 * ({@link ManyToManyConcurrentArrayQueue#drain(Consumer, int)}, Agrona's batch API), a put offers (Agrona
 * has no batch offer).
 */
public class AgronaQueuePerf extends QueuePeerPerf {
    private ManyToManyConcurrentArrayQueue<ByteBuffer> mtmc;

    /** {@inheritDoc} */
    @Override
    protected Queue<ByteBuffer> newQueue(final int capacity) {
        mtmc = new ManyToManyConcurrentArrayQueue<>(capacity);
        return mtmc;
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new DrainTable(mtmc, slots);
    }

    /** Drains bulks; the table is the drain's consumer, so a bulk allocates nothing. */
    private static final class DrainTable extends QueueTable implements Consumer<ByteBuffer> {
        private final ManyToManyConcurrentArrayQueue<ByteBuffer> mtmc;
        private int cursor;

        DrainTable(final ManyToManyConcurrentArrayQueue<ByteBuffer> mtmc, final int slots) {
            super(mtmc, slots);
            this.mtmc = mtmc;
        }

        @Override
        public boolean get(final int offset, final int n) {
            if (n == 1) {
                return super.get(offset, 1);
            }
            final int end = offset + n;
            cursor = offset;
            while (cursor < end) {
                if (mtmc.drain(this, end - cursor) == 0) {
                    if (mtmc.isEmpty()) {
                        put(offset, cursor - offset);
                        return false;
                    }
                    // not empty: another thread's offer is in flight (its poll may return null then)
                    Thread.onSpinWait();
                }
            }
            return true;
        }

        /** {@inheritDoc} Takes one buffer the drain hands over. */
        @Override
        public void accept(final ByteBuffer buffer) {
            objs[cursor++] = buffer;
        }
    }
}
