package io.mempool.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw figures of a comparison: the forks of every cell, per scenario and column (and per variant of the
 * pipeline scenario and per column of the virtual-thread scenario, outside the grid), and why a cell has none. A cell's figure is the median of its forks'
 * medians, unless its forks split into modes ({@link Stability}); its spread across forks is (max - min) / median
 * of those medians; its range is the lowest to the highest measured iteration of all its forks (the whiskers, and
 * what {@code --baseline} holds a change to: it contains the forks' medians and each fork's own scatter). The
 * figures of columns that have no cache mode of ours (peers, the floor) are kept per {@link Scenario#peerKey()},
 * so one run serves every cache mode of a row. Not thread-safe.
 */
final class Figures {
    private final List<Scenario> scenarios;
    private final List<Alternative> columns;
    private final Map<String, List<Fork>> forks = new LinkedHashMap<>();
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

    void add(final Scenario scenario, final Alternative column, final Fork fork) {
        add(cellKey(scenario, column), fork);
    }

    /**
     * @param key  a cell's key: {@link #cellKey}, or a cell outside the grid ({@link PipelineRun.Variant#cellKey()}).
     * @param fork one more fork of the cell.
     */
    void add(final String key, final Fork fork) {
        forks.computeIfAbsent(key, k -> new ArrayList<>()).add(fork);
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

    /** @return the cell's forks, in the order run; empty if none. */
    List<Fork> forks(final Scenario scenario, final Alternative column) {
        return forks(cellKey(scenario, column));
    }

    /** @return a cell's forks, by key, in the order run; empty if none. */
    List<Fork> forks(final String key) {
        return forks.getOrDefault(key, List.of());
    }

    /** @return the median of the cell's fork medians, or NaN if the cell has no figure. */
    double median(final Scenario scenario, final Alternative column) {
        return median(cellKey(scenario, column));
    }

    /** @return the median of a cell's fork medians, by key, or NaN if it has no figure. */
    double median(final String key) {
        return Fork.median(forks(key).stream().mapToDouble(Fork::median).toArray());
    }

    /** @return the lowest measured iteration of the cell's forks, or NaN if it has no figure. */
    double min(final Scenario scenario, final Alternative column) {
        return min(cellKey(scenario, column));
    }

    /** @return the lowest measured iteration of a cell's forks, by key, or NaN if it has no figure. */
    double min(final String key) {
        return forks(key).stream().mapToDouble(Fork::min).min().orElse(Double.NaN);
    }

    /** @return the highest measured iteration of the cell's forks, or NaN if it has no figure. */
    double max(final Scenario scenario, final Alternative column) {
        return max(cellKey(scenario, column));
    }

    /** @return the highest measured iteration of a cell's forks, by key, or NaN if it has no figure. */
    double max(final String key) {
        return forks(key).stream().mapToDouble(Fork::max).max().orElse(Double.NaN);
    }

    /**
     * @param key a cell's key.
     * @return the spread across its forks, {@code (max - min) / median} of their medians; NaN with fewer than two.
     */
    double spread(final String key) {
        final double[] medians = forks(key).stream().mapToDouble(Fork::median).toArray();
        return medians.length < 2 ? Double.NaN : Noise.spread(Arrays.stream(medians).min().orElseThrow(),
            Arrays.stream(medians).max().orElseThrow(), Fork.median(medians));
    }

    /** @return whether the cell's forks agree on one figure ({@link Stability}). */
    Stability stability(final Scenario scenario, final Alternative column) {
        return stability(cellKey(scenario, column));
    }

    /** @return whether a cell's forks agree on one figure, by key. */
    Stability stability(final String key) {
        return Stability.of(forks(key));
    }


    /** @return whether the run has the pipeline scenario: figures or a note on either variant. */
    boolean hasPipeline() {
        for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
            if (forks.containsKey(variant.cellKey()) || notes.containsKey(variant.cellKey())) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the run has the virtual-thread scenario: figures or a note on any of its cells. */
    boolean hasVirtualThreads() {
        for (final VirtualThreadRun.Column column : VirtualThreadRun.Column.values()) {
            if (forks.containsKey(column.cellKey()) || notes.containsKey(column.cellKey())) {
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
