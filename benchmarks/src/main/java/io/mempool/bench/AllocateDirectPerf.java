package io.mempool.bench;

import java.nio.ByteBuffer;

/**
 * Peer: no pool at all; a get is {@link ByteBuffer#allocateDirect}, a put drops the buffer for the
 * garbage collector (and its Cleaner) to free.
 */
public class AllocateDirectPerf extends PoolPerf {
    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        // nothing to make: every get allocates
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new AllocateTable(slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        // nothing to free: the collector frees what was dropped
    }

    private static final class AllocateTable extends ByteBufferTable {
        AllocateTable(final int slots) {
            super(slots);
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i] = ByteBuffer.allocateDirect(Rounds.ELEMENT_SIZE);
            }
            return true;
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i] = null; // the table's reference was the last: the buffer is garbage now
            }
        }
    }
}
