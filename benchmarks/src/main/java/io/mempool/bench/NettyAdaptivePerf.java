package io.mempool.bench;

import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBufAllocator;

/**
 * Peer: Netty 4.2's default allocator, {@link AdaptiveByteBufAllocator} (size-class magazines over shared
 * chunks), allocating and releasing {@link Rounds#ELEMENT_SIZE}-byte direct buffers, with its cached
 * magazines on for every thread (Netty's default keeps them for event-loop threads only).
 */
public class NettyAdaptivePerf extends NettyAllocatorPerf {
    /** {@inheritDoc} */
    @Override
    protected ByteBufAllocator newAllocator() {
        return new AdaptiveByteBufAllocator(true, true);
    }
}
