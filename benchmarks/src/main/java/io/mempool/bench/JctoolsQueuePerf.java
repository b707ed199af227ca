package io.mempool.bench;

import org.jctools.queues.MpmcArrayQueue;

import java.nio.ByteBuffer;
import java.util.Queue;

/**
 * Peer: a JCTools {@link MpmcArrayQueue} (sun.misc.Unsafe flavour) of preallocated direct buffers, bulks
 * through its batch API ({@link JctoolsBatchTable}).
 */
public class JctoolsQueuePerf extends QueuePeerPerf {
    private MpmcArrayQueue<ByteBuffer> mpmc;

    /** {@inheritDoc} */
    @Override
    protected Queue<ByteBuffer> newQueue(final int capacity) {
        mpmc = new MpmcArrayQueue<>(capacity);
        return mpmc;
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new JctoolsBatchTable(mpmc, slots);
    }
}
