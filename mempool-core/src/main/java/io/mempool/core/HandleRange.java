package io.mempool.core;

/**
 * The range check of every put without DEBUG, in one place, and its switch ({@link #ENABLED}): a handle passes if it lies inside a chunk's
 * objects on their alignment. Rotating its offset from the first object right by the alignment's bits
 * moves a misaligned low bit to the top, so one unsigned compare with {@code limit} (the last object's
 * offset, shifted the same) checks all three conditions.
 *
 * <p>Two loop shapes, picked by what C2 compiles best (profiled with JMH perfasm on JDK 17 and 25): before
 * JDK 21, C2 reduces an OR across a vectorised loop in every iteration (JDK-8302652 moved it after the
 * loop), so a compare-and-branch loop wins; from 21 on, the branch-free OR loop does.
 *
 * <p>Stateless; every method may be called from any thread.
 */
final class HandleRange {
    /** The switch's system property: {@code -Dmempool.checkHandles=false} turns the check off. */
    static final String PROPERTY = "mempool.checkHandles";
    /**
     * Whether puts without DEBUG are range-checked: on unless the property says {@code false}, read once,
     * so C2 folds it away, as Agrona's {@code agrona.disable.bounds.checks} and Netty's
     * {@code io.netty.buffer.checkBounds} are. DEBUG pools check exactly whatever it says.
     */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
    /** Whether the branch-free, vectorised loop is the faster (JDK 21+). */
    static final boolean VECTOR_REDUCTIONS = Runtime.version().feature() >= 21;

    private HandleRange() {
    }

    /** @return whether {@code obj} passes: its rotated offset is at most {@code limit} (unsigned). */
    static boolean contains(final long obj, final long first, final int shift, final long limit) {
        return Long.compareUnsigned(Long.rotateRight(obj - first, shift), limit) <= 0;
    }

    /** @return whether every handle of {@code objs[from, to)} passes. */
    static boolean all(final long[] objs, final int from, final int to, final long first, final int shift,
                       final long limit) {
        if (VECTOR_REDUCTIONS) {
            long outside = 0;
            for (int i = from; i < to; i++) {
                final long rotated = Long.rotateRight(objs[i] - first, shift);
                outside |= rotated | (limit - rotated); // sign bit: past the limit, unsigned
            }
            return outside >= 0;
        }
        for (int i = from; i < to; i++) {
            if (!contains(objs[i], first, shift, limit)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies {@code n} handles, each loaded once, checked, then stored: nothing another thread changes in
     * the source table between check and copy gets through, and no load waits behind a vector copy's store.
     *
     * @return false at the first handle that fails; what was stored before it stays in {@code dst}.
     */
    static boolean copyAll(final long[] src, final int srcOffset, final long[] dst, final int dstOffset, final int n,
                           final long first, final int shift, final long limit) {
        for (int i = 0; i < n; i++) {
            final long obj = src[srcOffset + i];
            if (!contains(obj, first, shift, limit)) {
                return false;
            }
            dst[dstOffset + i] = obj;
        }
        return true;
    }
}
