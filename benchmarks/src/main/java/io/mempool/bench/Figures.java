package io.mempool.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw figures of a comparison: objects/s of every measurement iteration, per scenario and column,
 * and why a cell has none. The figures of columns that have no cache mode of ours (peers, the floor) are
 * kept per {@link Scenario#peerKey()}, so one run serves every cache mode of a row. Not thread-safe.
 */
final class Figures {
    private final List<Scenario> scenarios;
    private final List<Alternative> columns;
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    Figures(final List<Scenario> scenarios, final List<Alternative> columns) {
        this.scenarios = List.copyOf(scenarios);
        this.columns = List.copyOf(columns);
    }

    List<Scenario> scenarios() {
        return scenarios;
    }

    List<Alternative> columns() {
        return columns;
    }

    /**
     * @param scenario a row.
     * @param column   a column.
     * @return the cell's key: a cache-blind column's cell is shared by the rows it runs in (one run serves them
     *     all); a row it skips (the floor's no-cache rows) has its own.
     */
    static String cellKey(final Scenario scenario, final Alternative column) {
        final boolean shared = column.cacheBlind() && column.skipReason(scenario) == null;
        return column.column() + '|' + (shared ? scenario.peerKey() : scenario.id());
    }

    void add(final Scenario scenario, final Alternative column, final double[] scores) {
        final List<Double> list = samples.computeIfAbsent(cellKey(scenario, column), k -> new ArrayList<>());
        for (final double score : scores) {
            list.add(score);
        }
    }

    void note(final Scenario scenario, final Alternative column, final String why) {
        notes.put(cellKey(scenario, column), why);
    }

    /** @return the note on a cell without figures, or null. */
    String note(final Scenario scenario, final Alternative column) {
        return notes.get(cellKey(scenario, column));
    }

    /** @return every iteration's objects/s, in the order measured; empty if none. */
    List<Double> samples(final Scenario scenario, final Alternative column) {
        return samples.getOrDefault(cellKey(scenario, column), List.of());
    }

    /** @return the median objects/s, or NaN if the cell has no figure. */
    double median(final Scenario scenario, final Alternative column) {
        final List<Double> list = samples(scenario, column);
        if (list.isEmpty()) {
            return Double.NaN;
        }
        final double[] sorted = list.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        final int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** @return the lowest iteration's objects/s, or NaN if the cell has no figure. */
    double min(final Scenario scenario, final Alternative column) {
        return samples(scenario, column).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** @return the highest iteration's objects/s, or NaN if the cell has no figure. */
    double max(final Scenario scenario, final Alternative column) {
        return samples(scenario, column).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** @return the best peer's median in that row, or NaN if no peer ran. */
    double bestPeer(final Scenario scenario) {
        final Alternative best = best(scenario, Alternative.Kind.PEER);
        return best == null ? Double.NaN : median(scenario, best);
    }

    /**
     * @param scenario a row.
     * @param kind     which columns.
     * @return the column of that kind with the highest median in the row, or null if none has a figure.
     */
    Alternative best(final Scenario scenario, final Alternative.Kind kind) {
        Alternative best = null;
        double bestMedian = Double.NaN;
        for (final Alternative column : columns) {
            final double m = median(scenario, column);
            if (column.kind() == kind && !Double.isNaN(m) && (best == null || m > bestMedian)) {
                best = column;
                bestMedian = m;
            }
        }
        return best;
    }
}
