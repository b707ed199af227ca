package io.mempool.bench;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;

/** Peer: the JDK's {@link ArrayBlockingQueue} of preallocated direct buffers (non-blocking poll/offer). */
public class BlockingQueuePerf extends QueuePeerPerf {
    /** {@inheritDoc} */
    @Override
    protected Queue<ByteBuffer> newQueue(final int capacity) {
        return new ArrayBlockingQueue<>(capacity);
    }
}
