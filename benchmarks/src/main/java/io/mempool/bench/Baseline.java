package io.mempool.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A previous run's figures, read from its {@code results.json} ({@code compare --baseline}), so that the
 * table and the charts show the new run beside the old one: a change's before and after. Cells are matched
 * by scenario id and column name; rows or columns only one run has are left out. Immutable.
 */
final class Baseline {
    /**
     * One cell of the previous run.
     *
     * @param median   the median objects/s (across forks, in files since forks; of the iterations before).
     * @param min      the low end of its range: its lowest measured iteration (of any fork).
     * @param max      the high end: its highest.
     * @param unstable whether its forks split ({@link Stability}; false in files from before).
     */
    record Cell(double median, double min, double max, boolean unstable) {
        /**
         * Whether a new figure differs from this one by more than the spread of both runs: the change between the
         * medians exceeds the width of this cell's range and of the new one's, each the lowest to the highest
         * iteration of all its forks. Not the forks' medians alone: two runs of one commit, each with forks that
         * agree within 1%, differed by 6% on this 2-core VM as another process's load came and went.
         *
         * @param newMedian the new run's median.
         * @param newMin    the low end of its range.
         * @param newMax    the high end.
         * @return whether the change is beyond both spreads.
         */
        boolean changedBeyond(final double newMedian, final double newMin, final double newMax) {
            final double change = Math.abs(newMedian - median);
            return change > newMax - newMin && change > max - min;
        }
    }

    private final String label;
    private final Map<String, Cell> cells;

    private Baseline(final String label, final Map<String, Cell> cells) {
        this.label = label;
        this.cells = cells;
    }

    /**
     * @param file a {@code results.json} that {@code compare} wrote.
     * @return its figures.
     * @throws IOException              if it cannot be read.
     * @throws IllegalArgumentException if it is not such a file.
     */
    static Baseline load(final Path file) throws IOException {
        final Object root = JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("scenarios") instanceof List<?> scenarios)) {
            throw new IllegalArgumentException("baseline: " + file + " (expected: a results.json written by compare)");
        }
        final Map<String, Cell> cells = new HashMap<>();
        for (final Object item : scenarios) {
            read((Map<?, ?>) item, cells);
        }
        if (doc.get("pipeline") instanceof Map<?, ?> pipeline) { // runs since the pipeline scenario, when they had it
            read(pipeline, cells);
        }
        if (doc.get("virtualThreads") instanceof Map<?, ?> virtual) { // and since the virtual-thread scenario
            read(virtual, cells);
        }
        final Object about = doc.get("about");
        final Object date = about instanceof Map<?, ?> a ? a.get("date") : null;
        return new Baseline(file.getFileName() + (date == null ? "" : " of " + date), cells);
    }

    /** Adds a scenario's cells that have figures, by {@code id|column}. */
    private static void read(final Map<?, ?> scenario, final Map<String, Cell> cells) {
        final Map<?, ?> results = (Map<?, ?>) scenario.get("results");
        for (final Map.Entry<?, ?> result : results.entrySet()) {
            final Map<?, ?> cell = (Map<?, ?>) result.getValue();
            if (cell.get("median") instanceof Double median && cell.get("min") instanceof Double min
                && cell.get("max") instanceof Double max) {
                final boolean unstable = Boolean.TRUE.equals(cell.get("unstable"));
                cells.put(scenario.get("id") + "|" + result.getKey(), new Cell(median, min, max, unstable));
            }
        }
    }

    /** @return what the baseline is: its file name and date. */
    String label() {
        return label;
    }

    /**
     * @param scenario a row.
     * @param column   a column.
     * @return the previous run's cell, or null if it had none.
     */
    Cell cell(final Scenario scenario, final Alternative column) {
        return cell(scenario.id() + "|" + column.column());
    }

    /**
     * @param key a cell's {@code id|column}, e.g. {@link PipelineRun.Variant#cellKey()}, {@link VirtualThreadRun.Column#cellKey()}.
     * @return the previous run's cell, or null if it had none.
     */
    Cell cell(final String key) {
        return cells.get(key);
    }
}
