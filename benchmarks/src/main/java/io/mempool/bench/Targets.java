package io.mempool.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The performance targets, read off one run's medians: each with its figure and whether it is met. The headline
 * row holds ring_mp_mc with its put range check off to the floor and DPDK, and checked to DPDK; the bulk-1 and
 * no-cache rows hold it to DPDK; issue 12's bulk-1 bar over the best peer and its {@code get()/put(long)} bar stay;
 * on virtual threads ({@link VirtualThreadRun}) it is held to its own platform-thread figure and to the best peer.
 * bucket is held to DPDK's bucket driver in the default run's cached rows.
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
    /** The headline row on two threads. */
    static final Scenario TWO_THREADS = HEADLINE.withThreads(2);

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
     *     against the best peer and {@code get()/put(long)} against {@code getBulk/putBulk(..., 1)}, the virtual-thread
     *     ones, then bucket against DPDK's bucket in the cached rows (headline, bulk 1, two threads).
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
        results.add(virtual(figures, VirtualThreadRun.Column.RING_MP_MC_PLATFORM, 0.7));
        results.add(virtual(figures, VirtualThreadRun.bestPeer(figures), 3));
        final Alternative bucket = Alternative.ofOps(Alternative.BUCKET_OPS);
        for (final Scenario cached : List.of(HEADLINE, BULK_1, TWO_THREADS)) {
            results.add(ratio(figures, cached, bucket, Alternative.DPDK_BUCKET, 0.8));
        }
        return results;
    }

    /**
     * ring_mp_mc on virtual threads {@code >= bar x versus}, a column of the same scenario; versus null means no peer
     * had a figure. Not run where the run lacks the scenario or its JDK has no virtual threads.
     */
    private static Result virtual(final Figures figures, final VirtualThreadRun.Column versus, final double bar) {
        final VirtualThreadRun.Column ring = VirtualThreadRun.Column.RING_MP_MC;
        final String name = String.format(Locale.ROOT, "%s on %s: >= %sx %s", ring.column(), VirtualThreadRun.ROW, times(bar),
            versus == null ? "the best peer" : versus.kind() == Alternative.Kind.PEER ? "the best peer (" + versus.column() + ")"
                : versus.column());
        if (!figures.hasVirtualThreads()) {
            return new Result(name, "", Status.NOT_RUN, "row not in this run");
        }
        final String notRun = VirtualThreadRun.notRunReason(figures.note(ring.cellKey()));
        if (notRun != null) {
            return new Result(name, "", Status.NOT_RUN, notRun);
        }
        if (versus == null) {
            return new Result(name, "", Status.NOT_MEASURED, "no peer has a figure");
        }
        return compare(figures, name, ring.cellKey(), ring.column(), versus.cellKey(), versus.column(), false, bar);
    }

    /** {@code column >= bar x versus} in a row; versus null means no peer had a figure. */
    private static Result ratio(final Figures figures, final Scenario scenario, final Alternative column,
                                final Alternative versus, final double bar) {
        final String name = String.format(Locale.ROOT, "%s, %s: >= %sx %s", column.column(), scenario.title(), times(bar),
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
        return compare(figures, name, Figures.cellKey(scenario, column), column.column(), Figures.cellKey(scenario, versus),
            versus.column(), versus.kind() == Alternative.Kind.DPDK, bar);
    }

    /**
     * The cell {@code key >= bar x} the cell {@code versusKey}, by their keys in {@link Figures}; where {@code versus} is a
     * DPDK column, its reasons are shown as they are ({@code libdpdk missing}), unprefixed by its name.
     */
    private static Result compare(final Figures figures, final String name, final String key, final String column,
                                  final String versusKey, final String versus, final boolean versusIsDpdk, final double bar) {
        final String missing = missing(figures, key, column);
        final String why = missing != null ? missing : missing(figures, versusKey, versusIsDpdk ? null : versus);
        if (why != null) {
            return new Result(name, "", Status.NOT_MEASURED, why);
        }
        final double m = figures.median(key);
        final double v = figures.median(versusKey);
        final String figure = Tables.ratio(m, v) + " (" + Tables.rate(m) + " vs " + Tables.rate(v) + ")";
        final String unstable = unstable(figures, key, column);
        final String split = unstable != null ? unstable : unstable(figures, versusKey, versus);
        if (split != null) {
            return new Result(name, figure, Status.UNSTABLE, split);
        }
        return new Result(name, figure, m >= bar * v ? Status.MET : Status.MISSED, "");
    }

    /** @return a bar as the targets write it: {@code 2}, {@code 0.7}. */
    private static String times(final double bar) {
        return bar == Math.rint(bar) ? String.valueOf((int) bar) : String.valueOf(bar);
    }

    /** Why a cell is unstable, naming it, e.g. {@code ring_mp_mc: forks split: 503.6M, 670.3M}; null if it is stable. */
    private static String unstable(final Figures figures, final String key, final String column) {
        final Stability stability = figures.stability(key);
        return stability.unstable() ? column + ": " + stability.why() : null;
    }

    /** Why a cell has no figure, short (DPDK's, named null, as is: {@code libdpdk missing}); null if it has one. */
    private static String missing(final Figures figures, final String key, final String column) {
        if (!Double.isNaN(figures.median(key))) {
            return null;
        }
        final String note = figures.note(key);
        final String why = note == null ? "no figure" : DpdkHarness.shortReason(note);
        return column == null ? why : column + ": " + why;
    }
}
