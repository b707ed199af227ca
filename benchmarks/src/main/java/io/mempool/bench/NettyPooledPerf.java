package io.mempool.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Peer: Netty's {@link PooledByteBufAllocator}, allocating and releasing {@link Rounds#ELEMENT_SIZE}-byte
 * direct buffers, with its thread caches on for every thread (not only Netty's event-loop threads).
 */
public class NettyPooledPerf extends PoolPerf {
    private PooledByteBufAllocator allocator;

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        allocator = new PooledByteBufAllocator(
            true,
            PooledByteBufAllocator.defaultNumHeapArena(),
            PooledByteBufAllocator.defaultNumDirectArena(),
            PooledByteBufAllocator.defaultPageSize(),
            PooledByteBufAllocator.defaultMaxOrder(),
            PooledByteBufAllocator.defaultSmallCacheSize(),
            PooledByteBufAllocator.defaultNormalCacheSize(),
            true);
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new AllocatorTable(allocator, slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        allocator = null;
    }

    /** A get allocates, a put releases. */
    private static final class AllocatorTable implements ThreadTable {
        private final PooledByteBufAllocator allocator;
        private final ByteBuf[] objs;

        AllocatorTable(final PooledByteBufAllocator allocator, final int slots) {
            this.allocator = allocator;
            this.objs = new ByteBuf[slots];
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i] = allocator.directBuffer(Rounds.ELEMENT_SIZE, Rounds.ELEMENT_SIZE);
            }
            return true;
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].release();
            }
        }
    }
}
