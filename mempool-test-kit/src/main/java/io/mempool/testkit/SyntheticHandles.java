package io.mempool.testkit;

/**
 * The default of {@link MempoolOpsConformance#handles(int)}: made-up handles a store must hand back
 * without interpreting them. Thread-safe: a pure function.
 */
final class SyntheticHandles {
    /** Values across the whole positive {@code long} range: narrowing, sign and tag bugs show on them. */
    private static final long[] EXTREMES = {
        1L, 8L, 63L, (1L << 32) - 8, 1L << 32, (1L << 32) + 8, 0x0000_7fff_ffff_f000L,
        0x00ff_ffff_ffff_ffc0L, 0x4000_0000_0000_0000L, Long.MAX_VALUE - 63, Long.MAX_VALUE,
    };
    /** The rest start at a typical 64-bit user-space address, 64 bytes apart (no extreme lies among them). */
    private static final long BASE = 0x0000_7f00_0000_0000L;
    private static final long STRIDE = 64;

    private SyntheticHandles() {
    }

    /** @return {@code n} distinct handles: the extremes first, then {@code BASE + 64 x i}. */
    static long[] of(final int n) {
        final long[] objs = new long[n];
        for (int i = 0; i < n; i++) {
            objs[i] = i < EXTREMES.length ? EXTREMES[i] : BASE + STRIDE * (i - EXTREMES.length);
        }
        return objs;
    }
}
