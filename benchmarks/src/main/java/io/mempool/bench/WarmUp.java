package io.mempool.bench;

import java.util.Arrays;

/**
 * The warm-up rule: a fork is measured from the first iteration, at or after a floor of warm-up time and no later
 * than a bound, where the median of the {@link #AGREEING} iterations before it and the median of the
 * {@link #AGREEING} from it agree within {@link #AGREEMENT}: the level has stopped moving. Every iteration from
 * there to the fork's end is measured. Medians, so that one outlying iteration (a descheduled vCPU) neither holds
 * the warm-up back nor ends it. A fork that has not settled by the bound is kept, but as not settled (its last
 * iterations, and its cell unstable), never as a warm figure.
 *
 * <p><b>Why the line is drawn after the fork.</b> JMH fixes a fork's iteration counts when the fork starts and
 * has no way to end warm-up early: the host cannot signal a running fork, and a benchmark cannot end JMH's
 * iteration loop. So a fork runs as many iterations as the bound and the measured minimum take, all as JMH
 * measurement iterations (JMH's warm-up and measurement iterations run the same code; only their labels differ),
 * and this class labels them. A fork that settles at the floor is measured for longer instead of idling, the run
 * takes a known time, and results.json keeps the warm-up's own iterations. Rejected: re-running a fork with a
 * longer warm-up when it has not settled (throws away a JVM's start-up and warm-up, and makes the run's length a
 * matter of luck); a custom loop outside JMH (loses the harness that every cell and the README's JMH command
 * lines share).
 *
 * <p><b>Why these numbers.</b> On this project's 2-core VM, 100 ms iterations of a settled fork differ by up to
 * 9% (vCPUs descheduled), while a fork that is still compiling moves by 30% to 3x from one iteration to the next;
 * 10% between the medians of three lies between the two. Stateless and thread-safe.
 */
final class WarmUp {
    /** Iterations on either side of the line whose medians must agree (fewer when a run measures fewer). */
    static final int AGREEING = 3;
    /** How far the medians may differ: the higher over the lower, minus one. */
    static final double AGREEMENT = 0.10;

    private WarmUp() {
    }

    /**
     * Applies the rule to one fork.
     *
     * @param iterations  objects/s of every iteration the fork ran, in order.
     * @param floor       the fewest warm-up iterations.
     * @param minMeasured the fewest measured iterations, {@code 1..iterations.length}: the warm-up may extend
     *                    through {@code iterations.length - minMeasured} iterations, its bound.
     * @return the fork: measured from the first iteration where the level agrees before and after; or, if it
     *     does not in time, from its last {@code minMeasured} iterations, as not settled.
     * @throws IllegalArgumentException if {@code minMeasured} is out of range.
     */
    static Fork settle(final double[] iterations, final int floor, final int minMeasured) {
        if (minMeasured < 1 || minMeasured > iterations.length) {
            throw new IllegalArgumentException("minMeasured: " + minMeasured + " (expected: 1.." + iterations.length + ")");
        }
        final int window = Math.min(AGREEING, minMeasured);
        final int bound = iterations.length - minMeasured;
        for (int at = Math.max(floor, window); at <= bound; at++) {
            final double before = Fork.median(Arrays.copyOfRange(iterations, at - window, at));
            final double after = Fork.median(Arrays.copyOfRange(iterations, at, at + window));
            if (Math.max(before, after) <= (1 + AGREEMENT) * Math.min(before, after)) {
                return split(iterations, at, true);
            }
        }
        return split(iterations, bound, false);
    }

    private static Fork split(final double[] iterations, final int at, final boolean settled) {
        return new Fork(Arrays.copyOfRange(iterations, 0, at), Arrays.copyOfRange(iterations, at, iterations.length), settled);
    }
}
