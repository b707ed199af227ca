package io.mempool.bench;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Peer: Netty's {@link PooledByteBufAllocator} (jemalloc-style arenas), allocating and releasing
 * {@link Rounds#ELEMENT_SIZE}-byte direct buffers, with its thread caches on for every thread.
 */
public class NettyPooledPerf extends NettyAllocatorPerf {
    /** {@inheritDoc} */
    @Override
    protected ByteBufAllocator newAllocator() {
        return new PooledByteBufAllocator(
            true,
            PooledByteBufAllocator.defaultNumHeapArena(),
            PooledByteBufAllocator.defaultNumDirectArena(),
            PooledByteBufAllocator.defaultPageSize(),
            PooledByteBufAllocator.defaultMaxOrder(),
            PooledByteBufAllocator.defaultSmallCacheSize(),
            PooledByteBufAllocator.defaultNormalCacheSize(),
            true);
    }
}
