package io.mempool.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The performance targets, read off one run's medians: each with its figure and whether it is met. The headline
 * row holds ring_mp_mc with its put range check off to the floor and DPDK, and checked to DPDK; the bulk-1 and
 * no-cache rows hold it to DPDK; issue 12's bulk-1 bar over the best peer and its {@code get()/put(long)} bar stay.
 * A target whose figures the run lacks says why instead (not run: the row or column is not in this run; not
 * measured: the cell has no figure, e.g. {@code libdpdk missing}); one that reads an unstable cell
 * ({@link Stability}) says unstable, never met or missed. Targets are printed, never asserted. Stateless.
 */
final class Targets {
    /** The headline row. */
    static final Scenario HEADLINE = new Scenario(CacheMode.DEFAULT, 32, 32, 128, 1);
    /** The cached bulk-1 row. */
    static final Scenario BULK_1 = new Scenario(CacheMode.DEFAULT, 1, 1, 128, 1);
    /** The no-cache row. */
    static final Scenario NO_CACHE = new Scenario(CacheMode.NONE, 32, 32, 128, 1);

    private Targets() {
    }

    /** Whether a target is met. */
    enum Status {
        /** The figure reaches the bar. */
        MET,
        /** It does not. */
        MISSED,
        /** A cell it reads is unstable: its forks split, so no one figure stands for it. */
        UNSTABLE,
        /** A cell it needs has no figure. */
        NOT_MEASURED,
        /** A row or column it needs is not in this run. */
        NOT_RUN
    }

    /**
     * One target's outcome.
     *
     * @param name   what is compared with what, and the bar, e.g. {@code ring_mp_mc, cache 512, bulk 32 ... >= 0.75x dpdk}.
     * @param figure the ratio and the two medians, or empty.
     * @param status met, missed, unstable, or why not.
     * @param why    for UNSTABLE, NOT_MEASURED and NOT_RUN, the reason; else empty.
     */
    record Result(String name, String figure, Status status, String why) {
        /** @return {@code met}, {@code missed}, {@code unstable (why)}, {@code not measured (why)} or {@code not run (why)}. */
        String verdict() {
            return switch (status) {
                case MET -> "met";
                case MISSED -> "missed";
                case UNSTABLE -> "unstable (" + why + ")";
                case NOT_MEASURED -> "not measured (" + why + ")";
                case NOT_RUN -> "not run (" + why + ")";
            };
        }
    }

    /**
     * @param figures a run's figures.
     * @return every target's outcome: the unchecked and checked headline, bulk 1 and no cache against DPDK, then bulk 1
     *     against the best peer and {@code get()/put(long)} against {@code getBulk/putBulk(..., 1)}.
     */
    static List<Result> evaluate(final Figures figures) {
        final Alternative ring = Alternative.ofOps(Alternative.DPDK_OPS);
        final List<Result> results = new ArrayList<>();
        results.add(ratio(figures, HEADLINE, Alternative.UNCHECKED, Alternative.FLOOR, 0.9));
        results.add(ratio(figures, HEADLINE, Alternative.UNCHECKED, Alternative.DPDK, 0.8));
        results.add(ratio(figures, HEADLINE, ring, Alternative.DPDK, 0.5));
        results.add(ratio(figures, BULK_1, ring, Alternative.DPDK, 0.7));
        results.add(ratio(figures, NO_CACHE, ring, Alternative.DPDK, 0.7));
        results.add(ratio(figures, BULK_1, ring, figures.best(BULK_1, Alternative.Kind.PEER), 2));
        results.add(ratio(figures, BULK_1, Alternative.SINGLE, ring, 1));
        return results;
    }

    /** {@code column >= bar x versus} in a row; versus null means no peer had a figure. */
    private static Result ratio(final Figures figures, final Scenario scenario, final Alternative column,
                                final Alternative versus, final double bar) {
        final String name = String.format(Locale.ROOT, "%s, %s: >= %sx %s", column.column(), scenario.title(),
            bar == Math.rint(bar) ? String.valueOf((int) bar) : String.valueOf(bar),
            versus == null ? "the best peer" : versus.kind() == Alternative.Kind.PEER ? "the best peer (" + versus.column() + ")"
                : versus.column());
        if (!figures.scenarios().contains(scenario)) {
            return new Result(name, "", Status.NOT_RUN, "row not in this run");
        }
        if (!figures.columns().contains(column) || versus != null && !figures.columns().contains(versus)) {
            return new Result(name, "", Status.NOT_RUN, "column not in this run");
        }
        if (versus == null) {
            return new Result(name, "", Status.NOT_MEASURED, "no peer has a figure");
        }
        final String missing = missing(figures, scenario, column);
        final String why = missing != null ? missing : missing(figures, scenario, versus);
        if (why != null) {
            return new Result(name, "", Status.NOT_MEASURED, why);
        }
        final double m = figures.median(scenario, column);
        final double v = figures.median(scenario, versus);
        final String figure = Tables.ratio(m, v) + " (" + Tables.rate(m) + " vs " + Tables.rate(v) + ")";
        final String unstable = unstable(figures, scenario, column);
        final String split = unstable != null ? unstable : unstable(figures, scenario, versus);
        if (split != null) {
            return new Result(name, figure, Status.UNSTABLE, split);
        }
        return new Result(name, figure, m >= bar * v ? Status.MET : Status.MISSED, "");
    }

    /** Why a cell is unstable, naming it, e.g. {@code ring_mp_mc: forks split: 503.6M, 670.3M}; null if it is stable. */
    private static String unstable(final Figures figures, final Scenario scenario, final Alternative column) {
        final Stability stability = figures.stability(scenario, column);
        return stability.unstable() ? column.column() + ": " + stability.why() : null;
    }

    /** Why a cell has no figure, short (DPDK's as is: {@code libdpdk missing}); null if it has one. */
    private static String missing(final Figures figures, final Scenario scenario, final Alternative column) {
        if (!Double.isNaN(figures.median(scenario, column))) {
            return null;
        }
        final String note = figures.note(scenario, column);
        final String why = note == null ? "no figure" : DpdkHarness.shortReason(note);
        return column.kind() == Alternative.Kind.DPDK ? why : column.column() + ": " + why;
    }
}
