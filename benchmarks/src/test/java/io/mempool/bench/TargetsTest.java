package io.mempool.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The targets read the right cells, compare with the bar, and say why when they cannot. */
class TargetsTest {
    private static final Alternative RING = Alternative.ofOps(Alternative.DPDK_OPS);
    private static final Alternative JCTOOLS = Alternative.PEERS.get(0);
    private static final Alternative STORMPOT = Alternative.PEERS.get(4);
    private static final List<Alternative> COLUMNS = List.of(RING, Alternative.SINGLE, Alternative.FLOOR, JCTOOLS, STORMPOT,
        Alternative.DPDK);

    private final Figures figures = new Figures(Scenario.defaults(), COLUMNS);

    private static List<String> verdicts(final Figures figures) {
        return Targets.evaluate(figures).stream().map(Targets.Result::verdict).toList();
    }

    @Test
    void eachTargetIsMetOrMissedByItsOwnCells() {
        figures.add(Targets.HEADLINE, RING, Fork.of(75e6));
        figures.add(Targets.HEADLINE, Alternative.DPDK, Fork.of(100e6));
        figures.add(Targets.BULK_1, RING, Fork.of(49e6));
        figures.add(Targets.BULK_1, Alternative.DPDK, Fork.of(100e6));
        figures.add(Targets.BULK_1, JCTOOLS, Fork.of(20e6));
        figures.add(Targets.BULK_1, STORMPOT, Fork.of(25e6));
        figures.add(Targets.NO_CACHE, RING, Fork.of(89e6));
        figures.add(Targets.NO_CACHE, Alternative.DPDK, Fork.of(100e6));
        figures.add(Targets.BULK_1, Alternative.SINGLE, Fork.of(49e6));
        assertEquals(List.of("met", "missed", "missed", "missed", "met"), verdicts(figures));
        final Targets.Result bestPeer = Targets.evaluate(figures).get(2);
        assertTrue(bestPeer.name().contains("the best peer (stormpot)"), bestPeer.name());
        assertEquals("1.96x (49.0M vs 25.0M)", bestPeer.figure(), "the ratio and both medians");
    }

    @Test
    void aTargetThatReadsAnUnstableCellSaysUnstableNeitherMetNorMissed() {
        figures.add(Targets.HEADLINE, RING, Fork.of(444e6));
        figures.add(Targets.HEADLINE, RING, Fork.of(743e6));
        figures.add(Targets.HEADLINE, Alternative.DPDK, Fork.of(100e6));
        figures.add(Targets.HEADLINE, Alternative.DPDK, Fork.of(101e6));
        final Targets.Result headline = target(figures, "ring_mp_mc, cache 512, bulk 32, n_keep 128, 1 thread: >= 0.75x dpdk");
        assertEquals(Targets.Status.UNSTABLE, headline.status(), "5.9x over DPDK would be met, but which fork is ring_mp_mc?");
        assertEquals("unstable (ring_mp_mc: forks split: 444.0M, 743.0M)", headline.verdict());
        assertEquals("5.91x (593.5M vs 100.5M)", headline.figure(), "the figures still show");
        figures.add(Targets.NO_CACHE, RING, Fork.of(90e6));
        figures.add(Targets.NO_CACHE, RING, Fork.of(91e6));
        figures.add(Targets.NO_CACHE, Alternative.DPDK, Fork.of(100e6, 101e6, 99e6, 60e6, 61e6, 59e6));
        assertEquals("unstable (dpdk: the fork's iterations shift: 100.0M -> 60.0M)",
            target(figures, "ring_mp_mc, no cache, bulk 32, n_keep 128, 1 thread: >= 0.9x dpdk").verdict(), "the other cell too");
    }

    private static Targets.Result target(final Figures figures, final String name) {
        return Targets.evaluate(figures).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutLibdpdkTheDpdkTargetsAreNotMeasured() {
        for (final Scenario scenario : Scenario.defaults()) {
            figures.note(scenario, Alternative.DPDK, DpdkHarness.MISSING + ": pkg-config finds no libdpdk; install it");
            figures.add(scenario, RING, Fork.of(10));
        }
        figures.add(Targets.BULK_1, JCTOOLS, Fork.of(1));
        figures.add(Targets.BULK_1, Alternative.SINGLE, Fork.of(10));
        assertEquals(List.of("not measured (libdpdk missing)", "not measured (libdpdk missing)", "met",
            "not measured (libdpdk missing)", "met"), verdicts(figures));
    }

    @Test
    void aQuickRunSaysWhichTargetsItDidNotRun() {
        final Figures quick = new Figures(Scenario.quick(), COLUMNS);
        quick.add(Targets.HEADLINE, RING, Fork.of(10));
        quick.note(Targets.HEADLINE, Alternative.DPDK, "--dpdk off");
        assertEquals(List.of("not measured (--dpdk off)", "not run (row not in this run)", "not run (row not in this run)",
            "not run (row not in this run)", "not run (row not in this run)"), verdicts(quick));
        final Figures noRing = new Figures(Scenario.defaults(), List.of(JCTOOLS, Alternative.DPDK));
        assertEquals("not run (column not in this run)", verdicts(noRing).get(0));
    }
}
