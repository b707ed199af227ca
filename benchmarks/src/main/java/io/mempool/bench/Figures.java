package io.mempool.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw figures of a comparison: objects/s of every measurement iteration, per scenario and column (and
 * per variant of the pipeline scenario, outside the grid), and why a cell has none. The figures of columns
 * that have no cache mode of ours (peers, the floor) are kept per {@link Scenario#peerKey()}, so one run
 * serves every cache mode of a row. Not thread-safe.
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
        add(cellKey(scenario, column), scores);
    }

    /**
     * @param key    a cell's key: {@link #cellKey}, or a cell outside the grid ({@link PipelineRun.Variant#cellKey()}).
     * @param scores objects/s of iterations, appended to the cell's.
     */
    void add(final String key, final double[] scores) {
        final List<Double> list = samples.computeIfAbsent(key, k -> new ArrayList<>());
        for (final double score : scores) {
            list.add(score);
        }
    }

    void note(final Scenario scenario, final Alternative column, final String why) {
        note(cellKey(scenario, column), why);
    }

    void note(final String key, final String why) {
        notes.put(key, why);
    }

    /** @return the note on a cell without figures, or null. */
    String note(final Scenario scenario, final Alternative column) {
        return note(cellKey(scenario, column));
    }

    /** @return the note on a cell without figures, by key, or null. */
    String note(final String key) {
        return notes.get(key);
    }

    /** @return every iteration's objects/s, in the order measured; empty if none. */
    List<Double> samples(final Scenario scenario, final Alternative column) {
        return samples(cellKey(scenario, column));
    }

    /** @return every iteration's objects/s of a cell, by key; empty if none. */
    List<Double> samples(final String key) {
        return samples.getOrDefault(key, List.of());
    }

    /** @return the median objects/s, or NaN if the cell has no figure. */
    double median(final Scenario scenario, final Alternative column) {
        return median(cellKey(scenario, column));
    }

    /** @return a cell's median objects/s, by key, or NaN if it has no figure. */
    double median(final String key) {
        final List<Double> list = samples(key);
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
        return min(cellKey(scenario, column));
    }

    /** @return a cell's lowest iteration, by key, or NaN if it has no figure. */
    double min(final String key) {
        return samples(key).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** @return the highest iteration's objects/s, or NaN if the cell has no figure. */
    double max(final Scenario scenario, final Alternative column) {
        return max(cellKey(scenario, column));
    }

    /** @return a cell's highest iteration, by key, or NaN if it has no figure. */
    double max(final String key) {
        return samples(key).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** @return whether the run has the pipeline scenario: figures or a note on either variant. */
    boolean hasPipeline() {
        for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
            if (samples.containsKey(variant.cellKey()) || notes.containsKey(variant.cellKey())) {
                return true;
            }
        }
        return false;
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
