package io.mempool.bench;

import io.netty.util.Recycler;

import java.nio.ByteBuffer;

/**
 * Peer: Netty's {@link Recycler} of objects that each wrap a direct buffer of {@link Rounds#ELEMENT_SIZE}
 * bytes. It keeps up to the pool size per thread, so no object is dropped; objects are made on first
 * demand (during warmup) rather than up front.
 */
public class NettyRecyclerPerf extends PoolPerf {
    private Recycler<PooledBuffer> recycler;

    @Override
    protected void open(final int size, final int threads) {
        recycler = new BufferRecycler(size);
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new RecyclerTable(recycler, slots);
    }

    @Override
    protected void close() {
        recycler = null;
    }

    /** What the recycler hands out: a direct buffer and the handle that takes it back. */
    static final class PooledBuffer {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(Rounds.ELEMENT_SIZE);
        private final Recycler.Handle<PooledBuffer> handle;

        PooledBuffer(final Recycler.Handle<PooledBuffer> handle) {
            this.handle = handle;
        }

        void recycle() {
            handle.recycle(this);
        }
    }

    private static final class BufferRecycler extends Recycler<PooledBuffer> {
        BufferRecycler(final int maxCapacityPerThread) {
            super(maxCapacityPerThread);
        }

        @Override
        protected PooledBuffer newObject(final Handle<PooledBuffer> handle) {
            return new PooledBuffer(handle);
        }
    }

    /** Gets never fail: the recycler makes an object when its thread has none. */
    private static final class RecyclerTable implements ThreadTable {
        private final Recycler<PooledBuffer> recycler;
        private final PooledBuffer[] objs;

        RecyclerTable(final Recycler<PooledBuffer> recycler, final int slots) {
            this.recycler = recycler;
            this.objs = new PooledBuffer[slots];
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i] = recycler.get();
            }
            return true;
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].recycle();
            }
        }
    }
}
