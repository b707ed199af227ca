package io.mempool.bench;

import java.util.Arrays;

/**
 * The warm-up rule: a fork is measured from the first of {@link #AGREEING} consecutive iterations that agree
 * within {@link #AGREEMENT}, found at or after a floor of warm-up time and before a bound; every iteration from
 * there to the fork's end is measured. A fork that has not settled by the bound is kept, but as not settled (its
 * last iterations, and its cell unstable), never as a warm figure.
 *
 * <p><b>Why the line is drawn after the fork.</b> JMH fixes a fork's iteration counts when the fork starts and
 * has no way to end warm-up early: the host cannot signal a running fork, and a benchmark cannot end JMH's
 * iteration loop. So a fork runs the floor as JMH warm-up iterations, then (bound - floor + the measured minimum)
 * JMH measurement iterations, all of the same length; JMH's warm-up and measurement iterations run the same
 * code, only their labels differ, so labelling them here loses nothing. A fork that settles at the floor is
 * measured for longer instead of idling, and the run takes a known time. Rejected: re-running a fork with a
 * longer warm-up when it has not settled (throws away a JVM's start-up and warm-up, and makes the run's length
 * a matter of luck); a custom loop outside JMH (loses the harness that every cell and the README's JMH command
 * lines share).
 *
 * <p><b>Why these numbers.</b> On this project's 2-core VM, consecutive 100 ms iterations of a settled fork
 * differ by up to 9% (vCPUs descheduled), while a fork that is still compiling moves by 30% to 3x between
 * iterations; 10% between the lowest and highest of three lies between the two. Stateless and thread-safe.
 */
final class WarmUp {
    /** Consecutive iterations that must agree (fewer when a run measures fewer). */
    static final int AGREEING = 3;
    /** How far they may differ: the highest over the lowest, minus one. */
    static final double AGREEMENT = 0.10;

    private WarmUp() {
    }

    /**
     * Applies the rule to one fork.
     *
     * @param iterations  objects/s of every iteration the fork ran after its floor of warm-up, in order.
     * @param floor       the iterations of that floor (counted in the fork's warm-up).
     * @param minMeasured the fewest measured iterations, {@code 1..iterations.length}: the warm-up may extend
     *                    through {@code iterations.length - minMeasured} of them, its bound.
     * @return the fork: measured from the first agreeing iterations; or, if none agree in time, its last
     *     {@code minMeasured} iterations as not settled.
     * @throws IllegalArgumentException if {@code minMeasured} is out of range.
     */
    static Fork settle(final double[] iterations, final int floor, final int minMeasured) {
        if (minMeasured < 1 || minMeasured > iterations.length) {
            throw new IllegalArgumentException("minMeasured: " + minMeasured + " (expected: 1.." + iterations.length + ")");
        }
        final int window = Math.min(AGREEING, minMeasured);
        final int last = iterations.length - minMeasured;
        for (int start = 0; start <= last; start++) {
            if (agree(iterations, start, window)) {
                return new Fork(Arrays.copyOfRange(iterations, start, iterations.length), floor + start, true);
            }
        }
        return new Fork(Arrays.copyOfRange(iterations, last, iterations.length), floor + last, false);
    }

    /** Whether {@code values[from, from + n)} agree: the highest within {@link #AGREEMENT} of the lowest. */
    private static boolean agree(final double[] values, final int from, final int n) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = from; i < from + n; i++) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        return hi <= (1 + AGREEMENT) * lo;
    }
}
