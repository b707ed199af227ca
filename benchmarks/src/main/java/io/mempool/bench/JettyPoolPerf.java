package io.mempool.bench;

import org.agrona.BufferUtil;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;

/**
 * Peer: Jetty 12's {@link ArrayByteBufferPool}, acquiring and releasing {@link Rounds#ELEMENT_SIZE}-byte
 * direct {@link RetainableByteBuffer}s. Jetty's defaults (per-bucket pools without a size bound, memory
 * bounded by the heuristic) with a capacity factor of 2048, so a bucket's buffers are 2048 bytes, as every
 * other cell's. A buffer is written the Jetty way ({@code putLong} appends) and the pool resets it on
 * release. Gets never fail: the pool makes a buffer when its bucket has none.
 */
public class JettyPoolPerf extends PoolPerf {
    private ArrayByteBufferPool pool;

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        pool = new ArrayByteBufferPool(0, Rounds.ELEMENT_SIZE, -1);
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new AcquireTable(pool, slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        pool.clear();
    }

    /** Buffers the pool made less those it holds ready: the ones handed out. */
    @Override
    long outstanding() {
        return pool.getDirectByteBufferCount() - pool.getAvailableDirectByteBufferCount();
    }

    /** A get acquires, a put releases. */
    private static final class AcquireTable implements ThreadTable {
        private final ArrayByteBufferPool pool;
        private final RetainableByteBuffer.Mutable[] objs;

        AcquireTable(final ArrayByteBufferPool pool, final int slots) {
            this.pool = pool;
            this.objs = new RetainableByteBuffer.Mutable[slots];
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i] = pool.acquire(Rounds.ELEMENT_SIZE, true);
            }
            return true;
        }

        @Override
        public void write(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].putLong(i);
            }
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].release();
            }
        }

        @Override
        public long read(final int slot) {
            return objs[slot].getByteBuffer().getLong(0);
        }

        @Override
        public long address(final int slot) {
            return BufferUtil.address(objs[slot].getByteBuffer());
        }
    }
}
