package io.mempool.bench;

import java.util.Arrays;

/**
 * One fork of a cell (one JVM, or one DPDK process): the objects/s of its iterations, split by the warm-up rule
 * ({@link WarmUp}) into warm-up and measured. A cell's figure is the median of its forks' medians
 * ({@link Figures#median(String)}). Immutable: nothing writes to the arrays after construction.
 *
 * @param warmup   objects/s of the iterations before the first measured one, in order: the floor and what the
 *                 rule added; empty where the warm-up was not ours (the pipeline's, tests').
 * @param measured objects/s of every measured iteration, in order; never empty.
 * @param settled  whether the warm-up rule found agreeing iterations before its bound; if not, {@code measured}
 *                 is the fork's last iterations and the cell is unstable ({@link Stability}).
 */
record Fork(double[] warmup, double[] measured, boolean settled) {
    Fork {
        if (measured.length == 0) {
            throw new IllegalArgumentException("measured: 0 iterations (expected: >= 1)");
        }
    }

    /**
     * @param measured objects/s of iterations measured after a warm-up that is not ours (the pipeline's, tests').
     * @return a settled fork of them, with no warm-up of its own.
     */
    static Fork of(final double... measured) {
        return new Fork(new double[0], measured.clone(), true);
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
