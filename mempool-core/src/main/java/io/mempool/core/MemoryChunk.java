package io.mempool.core;

/**
 * One aligned off-heap region of a pool (DPDK's memhdr): at most 1 GiB, elements laid out from
 * {@code address}.
 *
 * @param address the first byte of the chunk, 64-byte aligned.
 * @param length  the bytes the chunk's elements span.
 */
public record MemoryChunk(long address, long length) {
}
