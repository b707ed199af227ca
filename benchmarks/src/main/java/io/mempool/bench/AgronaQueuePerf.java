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
        return new AgronaDrainTable(mtmc, slots);
    }

    /** The table is the drain's consumer, so a bulk allocates nothing. */
    private static final class AgronaDrainTable extends DrainTable implements Consumer<ByteBuffer> {
        private final ManyToManyConcurrentArrayQueue<ByteBuffer> mtmc;

        AgronaDrainTable(final ManyToManyConcurrentArrayQueue<ByteBuffer> mtmc, final int slots) {
            super(mtmc, slots);
            this.mtmc = mtmc;
        }

        @Override
        int drain(final int limit) {
            return mtmc.drain(this, limit);
        }

        /** {@inheritDoc} Takes one buffer the drain hands over. */
        @Override
        public void accept(final ByteBuffer buffer) {
            take(buffer);
        }
    }
}
