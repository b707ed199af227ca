package io.mempool.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a cell's forks agree on one figure. A cell is unstable, and is shown as such rather than as a median,
 * when its forks' medians differ by more than {@link #MODES} (the forks ran at a fast and a slow speed: on this
 * project's VM the host's, as {@link SpeedTrace} shows), when a fork's measured iterations shift by more than
 * that between two stretches of at least {@link WarmUp#AGREEING} iterations (the JIT recompiled, or the machine
 * changed, mid-fork), or when a fork did not settle in its warm-up ({@link WarmUp}).
 *
 * <p><b>Why 15%.</b> Forks that agree differ by up to 8% on this project's 2-core VM (no-cache ring_mp_mc: 190
 * and 205 M); the fast and slow speeds of one cell differ by 1.32x (JDK 25: 847 and 643 M) to 1.7x (JDK 17:
 * 743 and 444 M). 15% is about twice the first and half the smallest of the second. A single outlying iteration
 * (a descheduled vCPU) is no mode: a stretch's median ignores it. Immutable.
 *
 * @param unstable whether the cell is unstable.
 * @param why      what split, e.g. {@code forks split: 503.6M, 670.3M}; empty if stable.
 */
record Stability(boolean unstable, String why) {
    /** How far forks, or stretches of a fork, may differ: the higher median over the lower, minus one. */
    static final double MODES = 0.15;
    /** A cell whose forks agree (or that has none). */
    static final Stability STABLE = new Stability(false, "");

    /**
     * @param forks a cell's forks, in the order run.
     * @return whether they agree on one figure, and if not, every reason why not.
     */
    static Stability of(final List<Fork> forks) {
        final List<String> reasons = new ArrayList<>();
        for (int i = 0; i < forks.size(); i++) {
            final Fork fork = forks.get(i);
            final String which = forks.size() == 1 ? "the fork" : "fork " + (i + 1);
            if (!fork.settled()) {
                reasons.add(which + " did not settle in its warm-up");
            }
            final double[] shift = levelShift(fork.measured());
            if (shift.length > 0) {
                reasons.add(which + "'s iterations shift: " + Tables.rate(shift[0]) + " -> " + Tables.rate(shift[1]));
            }
        }
        final double[] medians = forks.stream().mapToDouble(Fork::median).toArray();
        if (apart(Arrays.stream(medians).min().orElse(0), Arrays.stream(medians).max().orElse(0))) {
            final StringBuilder split = new StringBuilder("forks split:");
            for (int i = 0; i < medians.length; i++) {
                split.append(i == 0 ? " " : ", ").append(Tables.rate(medians[i]));
            }
            reasons.add(split.toString());
        }
        return reasons.isEmpty() ? STABLE : new Stability(true, String.join("; ", reasons));
    }

    /**
     * The largest level shift in a fork's iterations: the split into an earlier and a later stretch, each of at
     * least {@link WarmUp#AGREEING} iterations, whose medians differ most.
     *
     * @param iterations objects/s of a fork's measured iterations, in order.
     * @return the medians before and after, if they differ by more than {@link #MODES}; else empty.
     */
    static double[] levelShift(final double[] iterations) {
        double[] largest = {};
        double largestRatio = 1 + MODES;
        for (int at = WarmUp.AGREEING; at <= iterations.length - WarmUp.AGREEING; at++) {
            final double before = Fork.median(Arrays.copyOfRange(iterations, 0, at));
            final double after = Fork.median(Arrays.copyOfRange(iterations, at, iterations.length));
            final double ratio = Math.max(before, after) / Math.min(before, after);
            if (ratio > largestRatio) {
                largest = new double[] {before, after};
                largestRatio = ratio;
            }
        }
        return largest;
    }

    /** Whether two figures are further apart than {@link #MODES}. */
    private static boolean apart(final double low, final double high) {
        return high > (1 + MODES) * low;
    }

    /** @return {@code unstable (why)}, for a line that names the cell elsewhere. */
    String verdict() {
        return "unstable (" + why + ")";
    }
}
