package io.mempool.bench;

import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

import java.nio.ByteBuffer;
import java.util.Queue;

/** Peer: an Agrona {@link ManyToManyConcurrentArrayQueue} of preallocated direct buffers. */
public class AgronaQueuePerf extends QueuePeerPerf {
    /** {@inheritDoc} */
    @Override
    protected Queue<ByteBuffer> newQueue(final int capacity) {
        return new ManyToManyConcurrentArrayQueue<>(capacity);
    }
}
