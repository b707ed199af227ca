package io.mempool.bench;

import java.util.Arrays;

/**
 * One fork of a cell (one JVM, or one DPDK process): the objects/s of its measured iterations, and how its
 * warm-up went. A cell's figure is the median of its forks' medians ({@link Figures#median(String)}).
 * Immutable: nothing writes to {@code measured} after construction.
 *
 * @param measured         objects/s of every measured iteration, in order; never empty.
 * @param warmupIterations iterations run before the first measured one: the floor and what the rule added.
 * @param settled          whether the warm-up rule found agreeing iterations before its bound ({@link WarmUp});
 *                         if not, {@code measured} is the fork's last iterations and the cell is unstable.
 */
record Fork(double[] measured, int warmupIterations, boolean settled) {
    Fork {
        if (measured.length == 0) {
            throw new IllegalArgumentException("measured: 0 iterations (expected: >= 1)");
        }
    }

    /**
     * @param measured objects/s of iterations measured after a warm-up that is not ours (the pipeline's, tests').
     * @return a settled fork of them, with no warm-up counted.
     */
    static Fork of(final double... measured) {
        return new Fork(measured.clone(), 0, true);
    }

    /** @return the median of the measured iterations. */
    double median() {
        return median(measured);
    }

    /** @return the lowest measured iteration. */
    double min() {
        return Arrays.stream(measured).min().orElseThrow();
    }

    /** @return the highest measured iteration. */
    double max() {
        return Arrays.stream(measured).max().orElseThrow();
    }

    /**
     * @param values any figures.
     * @return their median (the mean of the middle two for an even count), or NaN if there are none.
     */
    static double median(final double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
