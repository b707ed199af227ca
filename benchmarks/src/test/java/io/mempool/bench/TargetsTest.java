package io.mempool.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The targets read the right cells, compare with the bar, say unstable where a cell they read is, and why not when they cannot. */
class TargetsTest {
    private static final Alternative RING = Alternative.ofOps(Alternative.DPDK_OPS);
    private static final Alternative UNCHECKED = Alternative.UNCHECKED;
    private static final Alternative JCTOOLS = Alternative.PEERS.get(0);
    private static final Alternative STORMPOT = Alternative.PEERS.get(4);
    private static final List<Alternative> COLUMNS = List.of(RING, UNCHECKED, Alternative.SINGLE, Alternative.FLOOR, JCTOOLS,
        STORMPOT, Alternative.DPDK);
    private static final String HEADLINE = "cache 512, bulk 32, n_keep 128, 1 thread";
    private static final String NO_BUCKET = "not run (column not in this run)";
    private static final Alternative BUCKET = Alternative.ofOps(Alternative.BUCKET_OPS);

    private final Figures figures = new Figures(Scenario.defaults(), COLUMNS);

    private static List<String> verdicts(final Figures figures) {
        return Targets.evaluate(figures).stream().map(Targets.Result::verdict).toList();
    }

    private static Targets.Result target(final Figures figures, final String name) {
        return Targets.evaluate(figures).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** Two forks that agree, as the default run gives a jmempool, floor or DPDK cell. */
    private void cell(final Scenario scenario, final Alternative column, final double level) {
        figures.add(scenario, column, Fork.of(level));
        figures.add(scenario, column, Fork.of(level * 1.01));
    }

    @Test
    void theTargetsAreTheUncheckedAndCheckedHeadlineBulk1AndNoCacheThenTheBestPeerAndGetPutThenBucketInTheCachedRows() {
        assertEquals(List.of(
            "ring_mp_mc_unchecked, " + HEADLINE + ": >= 0.9x floor",
            "ring_mp_mc_unchecked, " + HEADLINE + ": >= 0.8x dpdk",
            "ring_mp_mc, " + HEADLINE + ": >= 0.5x dpdk",
            "ring_mp_mc, cache 512, bulk 1, n_keep 128, 1 thread: >= 0.7x dpdk",
            "ring_mp_mc, no cache, bulk 32, n_keep 128, 1 thread: >= 0.7x dpdk",
            "ring_mp_mc, cache 512, bulk 1, n_keep 128, 1 thread: >= 2x the best peer",
            "get_put, cache 512, bulk 1, n_keep 128, 1 thread: >= 1x ring_mp_mc",
            "ring_mp_mc on 4,096 virtual threads, bulk 32, n_keep 128: >= 0.7x ring_mp_mc_platform",
            "ring_mp_mc on 4,096 virtual threads, bulk 32, n_keep 128: >= 3x the best peer",
            "bucket, " + HEADLINE + ": >= 0.8x dpdk_bucket",
            "bucket, cache 512, bulk 1, n_keep 128, 1 thread: >= 0.8x dpdk_bucket",
            "bucket, cache 512, bulk 32, n_keep 128, 2 threads: >= 0.8x dpdk_bucket"),
            Targets.evaluate(figures).stream().map(Targets.Result::name).toList());
    }

    @Test
    void eachTargetIsMetOrMissedByItsOwnCells() {
        cell(Targets.HEADLINE, UNCHECKED, 90e6);
        cell(Targets.HEADLINE, Alternative.FLOOR, 99e6);
        cell(Targets.HEADLINE, RING, 49e6);
        cell(Targets.HEADLINE, Alternative.DPDK, 100e6);
        cell(Targets.BULK_1, RING, 71e6);
        cell(Targets.BULK_1, Alternative.DPDK, 100e6);
        figures.add(Targets.BULK_1, JCTOOLS, Fork.of(20e6));
        figures.add(Targets.BULK_1, STORMPOT, Fork.of(36e6));
        cell(Targets.NO_CACHE, RING, 69e6);
        cell(Targets.NO_CACHE, Alternative.DPDK, 100e6);
        cell(Targets.BULK_1, Alternative.SINGLE, 70e6);
        assertEquals(List.of("met", "met", "missed", "met", "missed", "missed", "missed", "not run (row not in this run)",
            "not run (row not in this run)", NO_BUCKET, NO_BUCKET, NO_BUCKET), verdicts(figures));
        final Targets.Result bestPeer = Targets.evaluate(figures).get(5);
        assertTrue(bestPeer.name().contains("the best peer (stormpot)"), bestPeer.name());
        assertEquals("1.98x (71.4M vs 36.0M)", bestPeer.figure(), "the ratio and both medians");
        assertEquals("0.91x (90.5M vs 99.5M)", Targets.evaluate(figures).get(0).figure(), "medians across forks");
    }

    @Test
    void aTargetThatReadsAnUnstableCellSaysUnstableNeitherMetNorMissed() {
        figures.add(Targets.HEADLINE, RING, Fork.of(444e6));
        figures.add(Targets.HEADLINE, RING, Fork.of(743e6));
        cell(Targets.HEADLINE, Alternative.DPDK, 100e6);
        final Targets.Result headline = target(figures, "ring_mp_mc, " + HEADLINE + ": >= 0.5x dpdk");
        assertEquals(Targets.Status.UNSTABLE, headline.status(), "5.9x over DPDK would be met, but which fork is ring_mp_mc?");
        assertEquals("unstable (ring_mp_mc: forks split: 444.0M, 743.0M)", headline.verdict());
        assertEquals("5.91x (593.5M vs 100.5M)", headline.figure(), "the figures still show");

        cell(Targets.HEADLINE, UNCHECKED, 95e6);
        figures.add(Targets.HEADLINE, Alternative.FLOOR, Fork.of(100e6, 101e6, 99e6, 60e6, 61e6, 59e6));
        figures.add(Targets.HEADLINE, Alternative.FLOOR, Fork.of(80e6));
        assertEquals("unstable (floor: fork 1's iterations shift: 100.0M -> 60.0M)",
            target(figures, "ring_mp_mc_unchecked, " + HEADLINE + ": >= 0.9x floor").verdict(), "the cell it is held to, too");
        assertEquals("met", target(figures, "ring_mp_mc_unchecked, " + HEADLINE + ": >= 0.8x dpdk").verdict(),
            "a target that reads only stable cells is met or missed");
    }

    @Test
    void withoutLibdpdkTheDpdkTargetsAreNotMeasured() {
        for (final Scenario scenario : Scenario.defaults()) {
            figures.note(scenario, Alternative.DPDK, DpdkHarness.MISSING + ": pkg-config finds no libdpdk; install it");
            cell(scenario, RING, 10);
        }
        cell(Targets.HEADLINE, UNCHECKED, 10);
        cell(Targets.HEADLINE, Alternative.FLOOR, 10);
        figures.add(Targets.BULK_1, JCTOOLS, Fork.of(1));
        cell(Targets.BULK_1, Alternative.SINGLE, 10);
        assertEquals(List.of("met", "not measured (libdpdk missing)", "not measured (libdpdk missing)",
            "not measured (libdpdk missing)", "not measured (libdpdk missing)", "met", "met", "not run (row not in this run)",
            "not run (row not in this run)", NO_BUCKET, NO_BUCKET, NO_BUCKET), verdicts(figures));
    }

    @Test
    void aQuickRunSaysWhichTargetsItDidNotRun() {
        final Figures quick = new Figures(Scenario.quick(), COLUMNS);
        quick.add(Targets.HEADLINE, RING, Fork.of(10));
        quick.add(Targets.HEADLINE, UNCHECKED, Fork.of(10));
        quick.note(Targets.HEADLINE, Alternative.FLOOR, "failed: why");
        quick.note(Targets.HEADLINE, Alternative.DPDK, "--dpdk off");
        final String notRun = "not run (row not in this run)";
        assertEquals(List.of("not measured (floor: failed)", "not measured (--dpdk off)", "not measured (--dpdk off)",
            notRun, notRun, notRun, notRun, notRun, notRun, NO_BUCKET, notRun, notRun), verdicts(quick));
        final Figures noRing = new Figures(Scenario.defaults(), List.of(JCTOOLS, Alternative.DPDK));
        assertEquals("not run (column not in this run)", verdicts(noRing).get(0));
    }

    @Test
    void onVirtualThreadsRingMpMcIsHeldToItsPlatformFigureAndToTheBestPeer() {
        final String row = "ring_mp_mc on 4,096 virtual threads, bulk 32, n_keep 128: ";
        cell(VirtualThreadRun.Column.RING_MP_MC, 80e6);
        cell(VirtualThreadRun.Column.RING_MP_MC_PLATFORM, 100e6);
        figures.add(VirtualThreadRun.Column.JCTOOLS_MPMC.cellKey(), Fork.of(20e6));
        figures.add(VirtualThreadRun.Column.STORMPOT.cellKey(), Fork.of(30e6));
        figures.note(VirtualThreadRun.Column.NETTY_ADAPTIVE.cellKey(), "failed: why");
        assertEquals("met", target(figures, row + ">= 0.7x ring_mp_mc_platform").verdict());
        final Targets.Result peer = target(figures, row + ">= 3x the best peer (stormpot)");
        assertEquals("missed", peer.verdict(), "80.4M is 2.68x the best peer's 30.0M");
        assertEquals("2.68x (80.4M vs 30.0M)", peer.figure());

        figures.add(VirtualThreadRun.Column.RING_MP_MC_PLATFORM.cellKey(), Fork.of(300e6));
        assertEquals("unstable (ring_mp_mc_platform: forks split: 100.0M, 101.0M, 300.0M)",
            target(figures, row + ">= 0.7x ring_mp_mc_platform").verdict(), "an unstable cell is neither met nor missed");
    }

    @Test
    void beforeJdk21TheVirtualThreadTargetsSayWhyTheyDidNotRun() {
        for (final VirtualThreadRun.Column column : VirtualThreadRun.Column.values()) {
            figures.note(column.cellKey(), VirtualThreadRun.notRun("JDK 17 has no virtual threads"));
        }
        final List<String> verdicts = verdicts(figures);
        assertEquals(List.of("not run (JDK 17 has no virtual threads)", "not run (JDK 17 has no virtual threads)"),
            verdicts.subList(verdicts.size() - 5, verdicts.size() - 3));
        assertEquals("JDK 17 has no virtual threads", VirtualThreadRun.notRunReason(figures.note(
            VirtualThreadRun.Column.STORMPOT.cellKey())));
        assertEquals(null, VirtualThreadRun.notRunReason("failed: why"));
    }

    @Test
    void bucketIsHeldToDpdksBucketDriverInEachCachedRowOfTheDefaultRun() {
        final Figures run = new Figures(Scenario.defaults(), List.of(RING, BUCKET, Alternative.DPDK_BUCKET, Alternative.DPDK));
        final String bar = ": >= 0.8x dpdk_bucket";
        run.add(Targets.HEADLINE, BUCKET, Fork.of(810e6));
        run.add(Targets.HEADLINE, Alternative.DPDK_BUCKET, Fork.of(1000e6));
        run.add(Targets.BULK_1, BUCKET, Fork.of(79e6));
        run.add(Targets.BULK_1, Alternative.DPDK_BUCKET, Fork.of(100e6));
        run.add(Targets.BULK_1, Alternative.DPDK, Fork.of(1e6)); // ring_mp_mc's DPDK column is not bucket's bar
        run.add(Targets.TWO_THREADS, BUCKET, Fork.of(2e9));
        run.note(Targets.TWO_THREADS, Alternative.DPDK_BUCKET, DpdkHarness.noDriver("bucket", "not registered; no .so"));
        final Targets.Result headline = target(run, "bucket, " + HEADLINE + bar);
        assertEquals("met", headline.verdict());
        assertEquals("0.81x (810.0M vs 1.00G)", headline.figure());
        assertEquals("missed", target(run, "bucket, cache 512, bulk 1, n_keep 128, 1 thread" + bar).verdict());
        assertEquals("not measured (DPDK here has no bucket driver)",
            target(run, "bucket, cache 512, bulk 32, n_keep 128, 2 threads" + bar).verdict(), "its short reason, as dpdk's are shown");

        run.add(Targets.HEADLINE, Alternative.DPDK_BUCKET, Fork.of(2000e6));
        assertEquals("unstable (dpdk_bucket: forks split: 1.00G, 2.00G)", target(run, "bucket, " + HEADLINE + bar).verdict(),
            "an unstable DPDK cell is named by its own column");
        assertEquals("not run (column not in this run)", target(new Figures(Scenario.defaults(), List.of(BUCKET, Alternative.DPDK)),
            "bucket, " + HEADLINE + bar).verdict(), "without bucket's DPDK column (a run without bucket has neither)");
    }

    /** Two forks that agree, as the default run gives a jmempool cell of the virtual-thread scenario. */
    private void cell(final VirtualThreadRun.Column column, final double level) {
        figures.add(column.cellKey(), Fork.of(level));
        figures.add(column.cellKey(), Fork.of(level * 1.01));
    }
}
