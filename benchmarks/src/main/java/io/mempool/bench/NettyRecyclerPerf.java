package io.mempool.bench;

import io.netty.util.Recycler;
import org.agrona.BufferUtil;

import java.nio.ByteBuffer;

/**
 * Peer: Netty's {@link Recycler} of objects that each wrap a direct buffer of {@link Rounds#ELEMENT_SIZE}
 * bytes, one recycler per benchmark thread, pinned to that thread.
 *
 * <p><b>Note:</b> Netty 4.2's thread-local recycler pools only on Netty's own
 * {@code FastThreadLocalThread}s; on any other thread (JMH's, or a plain application thread) every
 * {@code get()} makes a new object. A recycler pinned to an owner thread pools on any thread, so that is
 * what this peer uses, with room for the pool's size and every new object kept (ratio 0). Objects are
 * made on first demand, during warmup, rather than up front.
 */
public class NettyRecyclerPerf extends PoolPerf {
    private static final int CHUNK_SIZE = 32;

    private int capacity;

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        capacity = size;
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new RecyclerTable(capacity, slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        // the recyclers and their buffers go with the tables, to the collector
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
        BufferRecycler(final int capacity, final Thread owner) {
            super(capacity, 0, CHUNK_SIZE, owner, false);
        }

        @Override
        protected PooledBuffer newObject(final Handle<PooledBuffer> handle) {
            return new PooledBuffer(handle);
        }
    }

    /** Gets never fail: the recycler makes an object when it has none. */
    private static final class RecyclerTable implements ThreadTable {
        private final int capacity;
        private final PooledBuffer[] objs;
        private Recycler<PooledBuffer> recycler;

        RecyclerTable(final int capacity, final int slots) {
            this.capacity = capacity;
            this.objs = new PooledBuffer[slots];
        }

        @Override
        public boolean get(final int offset, final int n) {
            Recycler<PooledBuffer> pinned = recycler;
            if (pinned == null) {
                // made on the first get, so it is pinned to the benchmark thread, not the setup thread
                pinned = new BufferRecycler(capacity, Thread.currentThread());
                recycler = pinned;
            }
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i] = pinned.get();
            }
            return true;
        }

        @Override
        public void write(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].buffer.putLong(0, i);
            }
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].recycle();
            }
        }

        @Override
        public long read(final int slot) {
            return objs[slot].buffer.getLong(0);
        }

        @Override
        public long address(final int slot) {
            return BufferUtil.address(objs[slot].buffer);
        }
    }
}
