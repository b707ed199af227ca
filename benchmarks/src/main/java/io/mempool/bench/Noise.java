package io.mempool.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How noisy a run was, from its own figures (the grid's cells and the virtual-thread scenario's): each cell's spread
 * across its forks, {@code (max - min) / median} of the forks' medians, summarised as the median over cells and the
 * worst cell; and the spread within a fork, the same over one fork's measured iterations, as the median over forks. With the load average at start and
 * end (in the run's {@code about}), it tells a reader how far to trust a difference. Immutable.
 *
 * @param cells        cells with two or more forks.
 * @param medianSpread the median of their spreads across forks; NaN if none.
 * @param worstSpread  the largest; NaN if none.
 * @param worstCell    which cell that was, e.g. {@code stack in no cache, bulk 32, n_keep 128, 1 thread}.
 * @param withinFork   the median spread of a fork's measured iterations, over every fork; NaN if none has two.
 * @param unstable     cells that are unstable: forks split, iterations shift, or a fork did not settle ({@link Stability}).
 */
record Noise(int cells, double medianSpread, double worstSpread, String worstCell, double withinFork, int unstable) {
    /**
     * @param figures a run's figures.
     * @return its noise.
     */
    static Noise of(final Figures figures) {
        final Map<String, String> cells = new LinkedHashMap<>(); // key -> name, each cell once
        for (final Scenario scenario : figures.scenarios()) {
            for (final Alternative column : figures.columns()) {
                cells.putIfAbsent(Figures.cellKey(scenario, column), column.column() + " in " + scenario.title());
            }
        }
        for (final VirtualThreadRun.Column column : VirtualThreadRun.Column.values()) {
            cells.put(column.cellKey(), column.column() + " in " + VirtualThreadRun.ID);
        }
        final List<Double> spreads = new ArrayList<>();
        final List<Double> within = new ArrayList<>();
        double worst = Double.NaN;
        String worstCell = "";
        int unstable = 0;
        for (final Map.Entry<String, String> cell : cells.entrySet()) {
            final String key = cell.getKey();
            for (final Fork fork : figures.forks(key)) {
                if (fork.measured().length > 1) {
                    within.add(spread(fork.min(), fork.max(), fork.median()));
                }
            }
            unstable += figures.stability(key).unstable() ? 1 : 0;
            final double spread = figures.spread(key);
            if (!Double.isNaN(spread)) {
                spreads.add(spread);
                if (Double.isNaN(worst) || spread > worst) {
                    worst = spread;
                    worstCell = cell.getValue();
                }
            }
        }
        return new Noise(spreads.size(), median(spreads), worst, worstCell, median(within), unstable);
    }

    private static double median(final List<Double> values) {
        return Fork.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * @param min    the lowest figure.
     * @param max    the highest.
     * @param median the median.
     * @return {@code (max - min) / median}.
     */
    static double spread(final double min, final double max, final double median) {
        return (max - min) / median;
    }

    /**
     * @return one line, e.g. {@code 41 cells of 2+ forks: spread across forks median 2.1%, worst 38.0% (stack in ...);
     *     within a fork, median 4.2%; 3 cells unstable}.
     */
    String summary() {
        final String within = (Double.isNaN(withinFork) ? "no fork with two or more iterations"
            : String.format(Locale.ROOT, "within a fork, median %.1f%%", 100 * withinFork))
            + "; " + unstable + (unstable == 1 ? " cell" : " cells") + " unstable";
        if (cells == 0) {
            return "no cell with two or more forks; " + within;
        }
        return String.format(Locale.ROOT, "%d cells of 2+ forks: spread across forks median %.1f%%, worst %.1f%% (%s); %s",
            cells, 100 * medianSpread, 100 * worstSpread, worstCell, within);
    }
}
