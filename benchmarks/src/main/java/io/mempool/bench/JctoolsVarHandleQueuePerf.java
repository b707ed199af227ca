package io.mempool.bench;

import org.jctools.queues.varhandle.MpmcVarHandleArrayQueue;

import java.nio.ByteBuffer;
import java.util.Queue;

/**
 * Peer: JCTools' VarHandle flavour, {@link MpmcVarHandleArrayQueue} from {@code jctools-core-jdk11}: the same
 * queue as {@link JctoolsQueuePerf} without sun.misc.Unsafe, so it runs flag- and warning-free on JDK 24+.
 * Bulks through its batch API ({@link JctoolsBatchTable}).
 */
public class JctoolsVarHandleQueuePerf extends QueuePeerPerf {
    private MpmcVarHandleArrayQueue<ByteBuffer> mpmc;

    /** {@inheritDoc} */
    @Override
    protected Queue<ByteBuffer> newQueue(final int capacity) {
        mpmc = new MpmcVarHandleArrayQueue<>(capacity);
        return mpmc;
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new JctoolsBatchTable(mpmc, slots);
    }
}
