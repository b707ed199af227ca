package io.mempool.bench;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.DefaultByteBufferPool;
import org.agrona.BufferUtil;

/**
 * Peer: Undertow's {@link DefaultByteBufferPool}, the design closest to jmempool's: fixed-size direct
 * buffers, a per-thread cache in front of a shared queue. Sized as the cached cells: a thread cache of
 * {@link Rounds#CACHE_SIZE} buffers (Undertow's default is 12) and room in the shared queue for the whole
 * pool. A get is {@code allocate()} (which wraps the buffer in a new {@link PooledByteBuffer}, by Undertow's
 * design), a put is {@link PooledByteBuffer#close()}. Gets never fail: the pool allocates when it has none.
 */
public class UndertowPoolPerf extends PoolPerf {
    private DefaultByteBufferPool pool;

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        pool = new DefaultByteBufferPool(true, Rounds.ELEMENT_SIZE, size, Rounds.CACHE_SIZE);
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new AllocateTable(pool, slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        pool.close();
    }

    /** A get allocates, a put closes. */
    private static final class AllocateTable implements ThreadTable {
        private final DefaultByteBufferPool pool;
        private final PooledByteBuffer[] objs;

        AllocateTable(final DefaultByteBufferPool pool, final int slots) {
            this.pool = pool;
            this.objs = new PooledByteBuffer[slots];
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i] = pool.allocate();
            }
            return true;
        }

        @Override
        public void write(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].getBuffer().putLong(0, i);
            }
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].close();
            }
        }

        @Override
        public long read(final int slot) {
            return objs[slot].getBuffer().getLong(0);
        }

        @Override
        public long address(final int slot) {
            return BufferUtil.address(objs[slot].getBuffer());
        }
    }
}
