package io.mempool.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How noisy a run was, from its own figures: each cell's spread, {@code (max - min) / median} of its
 * measurement iterations, summarised as the median over cells and the worst cell. With the load average at
 * start and end (in the run's {@code about}), it tells a reader how far to trust a difference.
 *
 * @param cells        cells with two or more iterations.
 * @param medianSpread the median of their spreads; NaN if none.
 * @param worstSpread  the largest spread; NaN if none.
 * @param worstCell    which cell that was, e.g. {@code stack in no cache, bulk 32, n_keep 128, 1 thread}.
 */
record Noise(int cells, double medianSpread, double worstSpread, String worstCell) {
    /**
     * @param figures a run's figures.
     * @return its noise.
     */
    static Noise of(final Figures figures) {
        final List<Double> spreads = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        double worst = Double.NaN;
        String worstCell = "";
        for (final Scenario scenario : figures.scenarios()) {
            for (final Alternative column : figures.columns()) {
                if (figures.samples(scenario, column).size() < 2 || !seen.add(Figures.cellKey(scenario, column))) {
                    continue;
                }
                final double spread = spread(figures.min(scenario, column), figures.max(scenario, column),
                    figures.median(scenario, column));
                spreads.add(spread);
                if (Double.isNaN(worst) || spread > worst) {
                    worst = spread;
                    worstCell = column.column() + " in " + scenario.title();
                }
            }
        }
        final double[] sorted = spreads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        final double median = sorted.length == 0 ? Double.NaN
            : sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return new Noise(sorted.length, median, worst, worstCell);
    }

    /**
     * @param min    the lowest iteration.
     * @param max    the highest.
     * @param median the median.
     * @return {@code (max - min) / median}.
     */
    static double spread(final double min, final double max, final double median) {
        return (max - min) / median;
    }

    /** @return one line, e.g. {@code 41 cells: median spread 4.2%, worst 38.0% (stack in ...)}. */
    String summary() {
        if (cells == 0) {
            return "no cell with two or more iterations";
        }
        return String.format(Locale.ROOT, "%d cells: median spread %.1f%%, worst %.1f%% (%s)",
            cells, 100 * medianSpread, 100 * worstSpread, worstCell);
    }
}
