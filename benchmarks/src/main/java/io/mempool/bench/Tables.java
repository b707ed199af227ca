package io.mempool.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The comparison as text: a column per scenario (numbered, titled above), a row per ops name, floor, peer and
 * DPDK column, each cell the median of its forks' medians, its ratio to the row's best peer and its spread across forks;
 * then each row's standing, the virtual-thread scenario's cells, the pipeline scenario's two figures side by side,
 * the targets, the noise, and with a baseline the new figures over the old. Stateless.
 */
final class Tables {
    private static final int NAME = 22;
    private static final int CELL = 25;
    private static final int SCENARIOS_PER_BLOCK = 4;
    private static final int TITLE = 44;

    private Tables() {
    }

    /**
     * @param objectsPerSecond a rate.
     * @return it in short form, e.g. {@code 123.4M}.
     */
    static String rate(final double objectsPerSecond) {
        if (Double.isNaN(objectsPerSecond)) {
            return "-";
        }
        if (objectsPerSecond >= 1e9) {
            return String.format(Locale.ROOT, "%.2fG", objectsPerSecond / 1e9);
        }
        if (objectsPerSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", objectsPerSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0fk", objectsPerSecond / 1e3);
    }

    /**
     * @param figures a run's figures.
     * @param key     a cell with a figure.
     * @return its forks and range, e.g. {@code 2 forks, iterations 700.0M..730.0M}.
     */
    static String range(final Figures figures, final String key) {
        final int forks = figures.forks(key).size();
        return forks + (forks == 1 ? " fork" : " forks") + ", iterations " + rate(figures.min(key)) + ".." + rate(figures.max(key));
    }

    /**
     * @param value    a figure.
     * @param baseline what it is compared with.
     * @return {@code value / baseline} as {@code 1.23x}, or {@code -} where either is missing.
     */
    static String ratio(final double value, final double baseline) {
        return Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0
            ? "-" : String.format(Locale.ROOT, "%.2fx", value / baseline);
    }

    /**
     * Prints the whole report.
     *
     * @param figures  the run's figures.
     * @param targets  the targets' outcomes.
     * @param noise    the run's noise.
     * @param baseline a previous run to compare with, or null.
     * @param out      where it goes.
     */
    static void print(final Figures figures, final List<Targets.Result> targets, final Noise noise, final Baseline baseline,
                      final PrintStream out) {
        if (!figures.scenarios().isEmpty()) { // a run of the pipeline scenario alone has no grid
            out.println();
            out.println("objects/s, the median of the forks' medians (ratio to the row's best Java peer) (spread across forks:");
            out.println("(max - min) / median of the forks' medians; none shown: one fork)");
            grid(figures, out, (scenario, column) -> cell(figures, scenario, column));
            unstable(figures, out);
            out.println();
            for (final Alternative column : figures.columns()) {
                out.println("  " + pad(column.column(), NAME) + column.label());
            }
            standing(figures, out);
        }
        if (figures.hasVirtualThreads()) {
            virtualThreads(figures, out);
        }
        if (figures.hasPipeline()) {
            pipeline(figures, out);
        }
        out.println();
        out.println("targets (same run, medians across forks; unstable where a cell they read is; not asserted)");
        for (final Targets.Result target : targets) {
            out.println("  " + pad(target.name(), 80) + pad(target.figure(), 26) + target.verdict());
        }
        out.println();
        out.println("noise: " + noise.summary());
        if (baseline != null) {
            out.println();
            out.println("this run over the baseline " + baseline.label() + " (median / median; ! where the change exceeds the");
            out.println("spread of both runs, each one's lowest to highest iteration; unstable where either run's cell is)");
            grid(figures, out, (scenario, column) -> versus(figures, Figures.cellKey(scenario, column),
                baseline.cell(scenario, column)));
            if (figures.hasVirtualThreads()) {
                final StringBuilder line = new StringBuilder("  " + VirtualThreadRun.ID + ":");
                for (final VirtualThreadRun.Column column : VirtualThreadRun.Column.values()) {
                    line.append(' ').append(column.column()).append(' ')
                        .append(versus(figures, column.cellKey(), baseline.cell(column.cellKey())));
                }
                out.println(line);
            }
            if (figures.hasPipeline()) {
                final StringBuilder line = new StringBuilder("  " + PipelineRun.ID + ":");
                for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
                    line.append(' ').append(variant.column()).append(' ')
                        .append(versus(figures, variant.cellKey(), baseline.cell(variant.cellKey())));
                }
                out.println(line);
            }
        }
    }

    /**
     * A cell of the baseline table: the new median over the old, with {@code !} where the change exceeds the spread
     * of both runs ({@link Baseline.Cell#changedBeyond}), or {@code unstable} where either run's cell is.
     */
    private static String versus(final Figures figures, final String key, final Baseline.Cell before) {
        final double m = figures.median(key);
        if (before == null || Double.isNaN(m)) {
            return "-";
        }
        if (before.unstable() || figures.stability(key).unstable()) {
            return ratio(m, before.median()) + " unstable";
        }
        return ratio(m, before.median()) + (before.changedBeyond(m, figures.min(key), figures.max(key)) ? " !" : "");
    }

    /**
     * A grid cell: {@code 716.2M 1.24x (2%)}; {@code unstable 503.6M..670.3M} (its range, never a median) where its
     * forks split; {@code -} without a figure.
     */
    private static String cell(final Figures figures, final Scenario scenario, final Alternative column) {
        final String key = Figures.cellKey(scenario, column);
        final double m = figures.median(key);
        if (Double.isNaN(m)) {
            return "-";
        }
        if (figures.stability(key).unstable()) {
            return "unstable " + rate(figures.min(key)) + ".." + rate(figures.max(key));
        }
        final double spread = figures.spread(key);
        return rate(m) + " " + ratio(m, figures.bestPeer(scenario))
            + (Double.isNaN(spread) ? "" : String.format(Locale.ROOT, " (%.0f%%)", 100 * spread));
    }

    /** Why each unstable cell of the grid is, one line each: {@code unstable: ring_mp_mc in [1]: forks split: 503.6M, 670.3M}. */
    private static void unstable(final Figures figures, final PrintStream out) {
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < figures.scenarios().size(); i++) {
            for (final Alternative column : figures.columns()) {
                final String key = Figures.cellKey(figures.scenarios().get(i), column);
                final Stability stability = figures.stability(key);
                if (stability.unstable() && seen.add(key)) {
                    out.println("unstable: " + column.column() + " in [" + (i + 1) + "]: " + stability.why());
                }
            }
        }
    }

    /** The pipeline scenario: what it is, each variant's median (min..max), and the two-JVM figure over the one-JVM one. */
    private static void pipeline(final Figures figures, final PrintStream out) {
        out.println();
        out.println(PipelineRun.TITLE + " (" + PipelineRun.ID + "), objects/s, median or unstable (range)");
        for (final String line : wrap(PipelineRun.WHAT, 100)) {
            out.println("  " + line);
        }
        for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
            outsideCell(figures, variant.column(), variant.cellKey(), variant.label(), out);
        }
        if (figures.note(PipelineRun.BUCKET_KEY) != null) {
            out.println("  " + pad(Alternative.BUCKET_OPS, NAME) + figures.note(PipelineRun.BUCKET_KEY));
        }
        out.println("  the two-JVM pipeline over the one-JVM one: " + PipelineRun.twoOverOne(figures));
    }

    /** The virtual-thread scenario: what it is, each column's median (min..max) or why none, and jmempool's standing. */
    private static void virtualThreads(final Figures figures, final PrintStream out) {
        out.println();
        out.println(VirtualThreadRun.TITLE + " (" + VirtualThreadRun.ID + "), objects/s, median or unstable (range)");
        for (final String line : wrap(VirtualThreadRun.WHAT, 100)) {
            out.println("  " + line);
        }
        for (final VirtualThreadRun.Column column : VirtualThreadRun.Column.values()) {
            outsideCell(figures, column.column(), column.cellKey(), column.label(), out);
        }
        out.println("  ring_mp_mc on virtual threads over: " + VirtualThreadRun.standing(figures));
    }

    /** A cell outside the grid, on a line: its median (or unstable) and range, or why it has none; then its label. */
    private static void outsideCell(final Figures figures, final String column, final String key, final String label,
                                    final PrintStream out) {
        final double m = figures.median(key);
        final String note = figures.note(key);
        final String figure = !Double.isNaN(m) ? (figures.stability(key).unstable() ? "unstable" : rate(m)) + " ("
            + range(figures, key) + ")" : note == null ? "-" : note;
        out.println("  " + pad(column, NAME) + pad(figure, 36) + label);
    }

    /** @return {@code text} in lines of at most {@code width} characters, broken at spaces. */
    static List<String> wrap(final String text, final int width) {
        final List<String> lines = new ArrayList<>();
        final StringBuilder line = new StringBuilder();
        for (final String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** What one cell of a grid shows. */
    @FunctionalInterface
    private interface CellText {
        String of(Scenario scenario, Alternative column);
    }

    /** Scenarios across (numbered, in blocks), columns down. */
    private static void grid(final Figures figures, final PrintStream out, final CellText cell) {
        final List<Scenario> scenarios = figures.scenarios();
        for (int first = 0; first < scenarios.size(); first += SCENARIOS_PER_BLOCK) {
            final int end = Math.min(scenarios.size(), first + SCENARIOS_PER_BLOCK);
            for (int i = first; i < end; i++) {
                out.println("  [" + (i + 1) + "] " + scenarios.get(i).title());
            }
            final StringBuilder header = new StringBuilder(pad("", NAME));
            for (int i = first; i < end; i++) {
                header.append(pad("[" + (i + 1) + "]", CELL));
            }
            out.println(header.toString().stripTrailing());
            for (final Alternative column : figures.columns()) {
                final StringBuilder row = new StringBuilder(pad(column.column(), NAME));
                for (int i = first; i < end; i++) {
                    row.append(pad(cell.of(scenarios.get(i), column), CELL));
                }
                out.println(row.toString().stripTrailing());
            }
        }
    }

    /**
     * Each row's standing: ring_mp_mc (DPDK's own ops, like for like), with its put range check off, bucket (beside
     * DPDK's bucket driver), and the row's best ops where that is another, against DPDK (bucket against DPDK's
     * bucket), the best peer, the floor, and for a row with several threads, the same row on one.
     */
    private static void standing(final Figures figures, final PrintStream out) {
        out.println();
        out.println("per row: ring_mp_mc, checked and unchecked, bucket and the row's best ops, vs DPDK (bucket: vs DPDK's bucket),");
        out.println("the best peer, the floor (and 1 thread)");
        for (final Scenario scenario : figures.scenarios()) {
            final Scenario one = scenario.withThreads(1);
            final Scenario oneThread = scenario.threads() > 1 && figures.scenarios().contains(one) ? one : null;
            final Alternative best = figures.best(scenario, Alternative.Kind.JMEMPOOL);
            for (final Alternative ops : figures.columns()) {
                if (ops == best || ops.kind() == Alternative.Kind.UNCHECKED || ops.kind() == Alternative.Kind.JMEMPOOL
                    && (ops.column().equals(Alternative.DPDK_OPS) || Alternative.dpdkBeside(ops.column()) != null)) {
                    out.println(standing(figures, scenario, ops, oneThread));
                }
            }
        }
    }

    private static String standing(final Figures figures, final Scenario scenario, final Alternative ops,
                                   final Scenario oneThread) {
        final String head = "  " + pad(scenario.title(), TITLE) + pad(ops.column(), NAME);
        if (figures.stability(scenario, ops).unstable()) {
            return head + "unstable (" + range(figures, Figures.cellKey(scenario, ops)) + ")";
        }
        final double m = figures.median(scenario, ops);
        final Alternative peer = figures.best(scenario, Alternative.Kind.PEER);
        final Alternative twin = Alternative.dpdkBeside(ops.column());
        final Alternative dpdk = twin != null && figures.columns().contains(twin) ? twin : Alternative.DPDK;
        final StringBuilder line = new StringBuilder(head + pad(rate(m), 9) + pad("vs " + dpdk.column() + " "
            + over(figures, m, scenario, dpdk), 24)
            + "vs " + (peer == null ? "peers -" : peer.column() + " " + over(figures, m, scenario, peer))
            + ", vs floor " + over(figures, m, scenario, Alternative.FLOOR));
        if (oneThread != null) {
            line.append(", vs 1 thread ").append(over(figures, m, oneThread, ops));
        }
        return line.toString();
    }

    /** {@code m} over a cell's median, or {@code unstable} where that cell is. */
    private static String over(final Figures figures, final double m, final Scenario scenario, final Alternative column) {
        return figures.stability(scenario, column).unstable() ? "unstable" : ratio(m, figures.median(scenario, column));
    }

    static String pad(final String text, final int width) {
        final StringBuilder padded = new StringBuilder(text);
        do {
            padded.append(' ');
        } while (padded.length() < width);
        return padded.toString();
    }
}
