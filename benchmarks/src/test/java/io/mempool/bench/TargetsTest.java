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
