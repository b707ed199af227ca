package io.mempool.api;

/**
 * What memory a store needs for its objects, DPDK's {@code rte_mempool_ops_calc_mem_size} answer: the
 * bytes, the smallest chunk the layout can use, and the chunk's alignment.
 *
 * <p>Immutable.
 *
 * @param bytes         the bytes for all the objects asked for, {@code >= 1}.
 * @param minChunkBytes the smallest piece that holds at least one object, {@code 1..bytes}.
 * @param align         the alignment of the chunk's first byte: a power of two, {@code 8..2 MiB}.
 */
public record MemoryNeed(long bytes, long minChunkBytes, int align) {
    /** The largest alignment a store may ask for: a 2 MiB huge page. */
    public static final int MAX_ALIGN = 1 << 21;

    /**
     * @throws IllegalArgumentException if a value is out of range.
     */
    public MemoryNeed {
        if (bytes < 1) {
            throw new IllegalArgumentException(Checks.message("bytes", bytes, ">= 1"));
        }
        if (minChunkBytes < 1 || minChunkBytes > bytes) {
            throw new IllegalArgumentException(Checks.message("minChunkBytes", minChunkBytes, "1.." + bytes));
        }
        if (align < Long.BYTES || align > MAX_ALIGN || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException(Checks.message("align", align, "a power of two in 8.." + MAX_ALIGN));
        }
    }
}
