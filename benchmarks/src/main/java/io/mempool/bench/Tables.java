package io.mempool.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The comparison as text: one row per scenario, one column per ops name, peer and DPDK, each cell the
 * median objects/s and its ratio to the row's best peer; then the README's targets.
 */
final class Tables {
    private static final int FIRST = 40;
    private static final int CELL = 16;

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
     * @param value    a figure.
     * @param baseline what it is compared with.
     * @return {@code value / baseline} as {@code 1.23x}, or {@code -} where either is missing.
     */
    static String ratio(final double value, final double baseline) {
        return Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0
            ? "-" : String.format(Locale.ROOT, "%.2fx", value / baseline);
    }

    static void print(final Figures figures, final PrintStream out) {
        out.println();
        out.println("objects/s, median of the measurement iterations (ratio to the row's best peer)");
        final StringBuilder header = new StringBuilder(pad("scenario", FIRST));
        for (final Alternative column : figures.columns()) {
            header.append(pad(column.column(), CELL));
        }
        out.println(header.toString().stripTrailing());
        for (final Scenario scenario : figures.scenarios()) {
            final double best = figures.bestPeer(scenario);
            final StringBuilder row = new StringBuilder(pad(scenario.title(), FIRST));
            for (final Alternative column : figures.columns()) {
                final double m = figures.median(scenario, column);
                row.append(pad(Double.isNaN(m) ? "-" : rate(m) + " " + ratio(m, best), CELL));
            }
            out.println(row.toString().stripTrailing());
        }
        out.println();
        for (final Alternative column : figures.columns()) {
            out.println("  " + pad(column.column(), CELL) + column.label());
        }
        targets(figures, out);
    }

    /**
     * The README's targets, against DPDK and the row's best peer: for ring_mp_mc (DPDK's own ops, like for
     * like) and for the row's best ops where that is another.
     */
    private static void targets(final Figures figures, final PrintStream out) {
        out.println();
        out.println("targets (not asserted): ring_mp_mc and the row's best ops, vs DPDK and vs the best peer");
        for (final Scenario scenario : figures.scenarios()) {
            final Scenario oneThread = oneThread(figures, scenario);
            final Alternative best = figures.best(scenario, Alternative.Kind.JMEMPOOL);
            for (final Alternative ops : figures.columns()) {
                if (ops == best || ops.kind() == Alternative.Kind.JMEMPOOL && ops.column().equals("ring_mp_mc")) {
                    out.println(target(figures, scenario, ops, oneThread));
                }
            }
        }
    }

    /** The same row with one thread, for a row with several; null if there is none. */
    private static Scenario oneThread(final Figures figures, final Scenario scenario) {
        final Scenario one = new Scenario(scenario.cache(), scenario.getBulk(), scenario.putBulk(), scenario.nKeep(), 1);
        return scenario.threads() > 1 && figures.scenarios().contains(one) ? one : null;
    }

    private static String target(final Figures figures, final Scenario scenario, final Alternative ops,
                                 final Scenario oneThread) {
        final double m = figures.median(scenario, ops);
        final Alternative peer = figures.best(scenario, Alternative.Kind.PEER);
        final StringBuilder line = new StringBuilder("  " + pad(scenario.title(), FIRST) + pad(ops.column(), CELL)
            + pad(rate(m), 9) + "vs dpdk " + pad(ratio(m, figures.median(scenario, Alternative.DPDK)), 8)
            + "vs " + (peer == null ? "peers -" : peer.column() + " " + ratio(m, figures.median(scenario, peer))));
        if (oneThread != null) {
            line.append(", vs 1 thread ").append(ratio(m, figures.median(oneThread, ops)));
        }
        return line.toString();
    }

    static String pad(final String text, final int width) {
        final StringBuilder padded = new StringBuilder(text);
        do {
            padded.append(' ');
        } while (padded.length() < width);
        return padded.toString();
    }
}
