package io.mempool.bench;

import org.jctools.queues.MessagePassingQueue;

import java.nio.ByteBuffer;
import java.util.Queue;

/**
 * A JCTools queue used as its user would for bulks: {@link MessagePassingQueue#drain(MessagePassingQueue.Consumer, int)}
 * to get, {@link MessagePassingQueue#fill(MessagePassingQueue.Supplier, int)} to put, {@code poll}/{@code offer}
 * for one buffer. The table is its own consumer and supplier, so a bulk allocates nothing.
 */
final class JctoolsBatchTable extends QueuePeerPerf.DrainTable
    implements MessagePassingQueue.Consumer<ByteBuffer>, MessagePassingQueue.Supplier<ByteBuffer> {
    private static final int MAX_FILL_TRIES = 1 << 24;

    private final MessagePassingQueue<ByteBuffer> batches;

    /**
     * @param queue a JCTools queue: a {@link Queue} and a {@link MessagePassingQueue}, the same object.
     * @param slots the table's length.
     */
    <Q extends Queue<ByteBuffer> & MessagePassingQueue<ByteBuffer>> JctoolsBatchTable(final Q queue, final int slots) {
        super(queue, slots);
        this.batches = queue;
    }

    @Override
    int drain(final int limit) {
        return batches.drain(this, limit);
    }

    @Override
    public void put(final int offset, final int n) {
        if (n == 1) {
            QueuePeerPerf.offer(queue, objs[offset]);
            return;
        }
        final int end = offset + n;
        cursor = offset;
        int tries = 0;
        while (cursor < end) {
            // never full (it has room for every buffer); fill may stop short while consumers are mid-slot
            if (batches.fill(this, end - cursor) == 0) {
                if (++tries == MAX_FILL_TRIES) {
                    throw new IllegalStateException("queue refused buffers it handed out " + tries + " times");
                }
                Thread.onSpinWait();
            }
        }
    }

    /** {@inheritDoc} Takes one buffer a drain hands over. */
    @Override
    public void accept(final ByteBuffer buffer) {
        take(buffer);
    }

    /** {@inheritDoc} Hands a fill the next buffer; fill calls it only for slots it has claimed. */
    @Override
    public ByteBuffer get() {
        return objs[cursor++];
    }
}
