package io.mempool.bench;

import org.jctools.queues.MpmcArrayQueue;

import java.nio.ByteBuffer;
import java.util.Queue;

/** Peer: a JCTools {@link MpmcArrayQueue} of preallocated direct buffers. */
public class JctoolsQueuePerf extends QueuePeerPerf {
    /** {@inheritDoc} */
    @Override
    protected Queue<ByteBuffer> newQueue(final int capacity) {
        return new MpmcArrayQueue<>(capacity);
    }
}
