package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.ElementGeometry;

/**
 * The sizes of one element, computed as DPDK's {@code rte_mempool_calc_obj_size}: header before the
 * object, the object rounded up to 8, a trailer after it; the stride 64-byte aligned unless
 * NO_CACHE_ALIGN, and raised to an odd number of cache lines unless NO_SPREAD, so consecutive
 * objects start on different memory channels (DPDK assumes 4 channels x 1 rank when unknown).
 */
final class ElementLayout {
    static final int CACHE_LINE = 64;
    static final int MIN_ALIGN = 8;
    /** The largest element size: with its header and trailer an element fits in 1 GiB. */
    static final int MAX_ELEMENT = (1 << 30) - 256;
    /** DPDK's default nchan x nrank when the platform does not say. */
    private static final int CHANNELS_TIMES_RANKS = 4;

    final int headerSize;
    final int elementSize;
    final int trailerSize;
    final int totalSize;
    final int alignment;

    private ElementLayout(final int headerSize, final int elementSize, final int trailerSize, final int alignment) {
        this.headerSize = headerSize;
        this.elementSize = elementSize;
        this.trailerSize = trailerSize;
        this.totalSize = headerSize + roundUp(elementSize, MIN_ALIGN) + trailerSize;
        this.alignment = alignment;
    }

    static ElementLayout of(final int elementSize, final boolean debug, final boolean cacheAlign, final boolean spread) {
        Checks.atLeast("elementSize", elementSize, 1);
        final int alignment = cacheAlign ? CACHE_LINE : MIN_ALIGN;
        final int header = roundUp(ElementHeaderDescriptor.headerLength(debug), alignment);
        final long elt = roundUp((long) elementSize, MIN_ALIGN);
        final int minTrailer = debug ? Long.BYTES : 0;
        long total = header + elt + minTrailer;
        if (cacheAlign) {
            total = roundUp(total, CACHE_LINE);
            if (spread) {
                long lines = total / CACHE_LINE;
                while (gcd(lines, CHANNELS_TIMES_RANKS) != 1) {
                    lines++;
                }
                total = lines * CACHE_LINE;
            }
        }
        if (total > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(
                Checks.message("elementSize", elementSize, "an element of at most 1 GiB with its header and trailer"));
        }
        return new ElementLayout(header, elementSize, (int) (total - header - elt), alignment);
    }

    /** @return the layout as a store that places objects itself sees it. */
    ElementGeometry geometry() {
        return new ElementGeometry(headerSize, totalSize, alignment);
    }

    int alignedElementSize() {
        return roundUp(elementSize, MIN_ALIGN);
    }

    static int roundUp(final int value, final int alignment) {
        return (value + alignment - 1) & -alignment;
    }

    static long roundUp(final long value, final long alignment) {
        return (value + alignment - 1) & -alignment;
    }

    private static long gcd(final long a, final long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            final long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }
}
