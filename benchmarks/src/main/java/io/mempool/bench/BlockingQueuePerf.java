package io.mempool.bench;

import java.nio.ByteBuffer;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Peer: the JDK's {@link ArrayBlockingQueue} of preallocated direct buffers; a bulk get is one
 * {@link ArrayBlockingQueue#drainTo(java.util.Collection, int)} (one lock for the bulk, its batch API), a
 * put offers (non-blocking) buffer by buffer.
 */
public class BlockingQueuePerf extends QueuePeerPerf {
    private ArrayBlockingQueue<ByteBuffer> abq;

    /** {@inheritDoc} */
    @Override
    protected Queue<ByteBuffer> newQueue(final int capacity) {
        abq = new ArrayBlockingQueue<>(capacity);
        return abq;
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new DrainToTable(abq, slots);
    }

    /** A bulk get drains into the table through a collection view of its slots; all or none. */
    private static final class DrainToTable extends QueueTable {
        private final ArrayBlockingQueue<ByteBuffer> abq;
        private final SlotsView view = new SlotsView();

        DrainToTable(final ArrayBlockingQueue<ByteBuffer> abq, final int slots) {
            super(abq, slots);
            this.abq = abq;
        }

        @Override
        public boolean get(final int offset, final int n) {
            if (n == 1) {
                return super.get(offset, 1);
            }
            view.cursor = offset;
            final int got = abq.drainTo(view, n);
            if (got < n) {
                put(offset, got); // drainTo takes what there is: fewer means the queue ran dry
                return false;
            }
            return true;
        }

        /** The slots from a cursor on, as the only collection drainTo needs: one that can add. */
        private final class SlotsView extends AbstractCollection<ByteBuffer> {
            int cursor;

            @Override
            public boolean add(final ByteBuffer buffer) {
                objs[cursor++] = buffer;
                return true;
            }

            @Override
            public Iterator<ByteBuffer> iterator() {
                throw new UnsupportedOperationException("a write-only view of table slots");
            }

            @Override
            public int size() {
                throw new UnsupportedOperationException("a write-only view of table slots");
            }
        }
    }
}
