package io.mempool.api;

/**
 * The shape of one element as the pool lays it out (DPDK's {@code header_size}, {@code elt_size +
 * trailer_size} and {@code calc_obj_size}): the header sits directly before the object, whose handle is
 * the address of its first byte, and consecutive elements of a run lie {@link #totalSize()} bytes apart.
 * A store that places objects itself ({@link MempoolOps#calcMemSize}, {@link MempoolOps#populate}) gets it
 * from the pool.
 *
 * <p>Immutable.
 *
 * @param headerSize the bytes before each object, a multiple of {@code alignment}.
 * @param totalSize  header, object and trailer: the stride, a multiple of {@code alignment}.
 * @param alignment  the alignment of every element's first byte and every handle: 64, or 8 with
 *                   {@link MempoolFlag#NO_CACHE_ALIGN}.
 */
public record ElementGeometry(int headerSize, int totalSize, int alignment) {

    /**
     * @throws IllegalArgumentException if a value is out of range.
     */
    public ElementGeometry {
        if (alignment < Long.BYTES || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException(Checks.message("alignment", alignment, "a power of two >= 8"));
        }
        if (headerSize < 0 || headerSize % alignment != 0) {
            throw new IllegalArgumentException(Checks.message("headerSize", headerSize, "a multiple of " + alignment + ", >= 0"));
        }
        if (totalSize <= headerSize || totalSize % alignment != 0) {
            throw new IllegalArgumentException(Checks.message("totalSize", totalSize,
                "a multiple of " + alignment + ", > headerSize " + headerSize));
        }
    }
}
