package io.mempool.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cells whose forks or iterations split into modes are unstable, and every report says so instead of giving a
 * median; a baseline flags a change only beyond the spread of both runs. Nothing here measures a speed.
 */
class StabilityTest {
    private static final Scenario HEADLINE = Targets.HEADLINE;
    private static final Alternative RING = Alternative.ofOps(Alternative.DPDK_OPS);
    private static final Alternative STACK = Alternative.ofOps("stack");

    private static Fork steady(final double level) {
        return Fork.of(level, level * 1.02, level * 0.98, level * 1.01, level);
    }

    @Test
    void forksInTwoModesAreUnstableAndForksInOneAreNot() {
        final Stability split = Stability.of(List.of(steady(444e6), steady(743e6)));
        assertTrue(split.unstable());
        assertEquals("forks split: 444.0M, 743.0M", split.why());
        assertFalse(Stability.of(List.of(steady(718e6), steady(725e6), steady(700e6))).unstable(), "4% apart: one mode");
        assertFalse(Stability.of(List.of(steady(100e6), steady(114.9e6))).unstable(), "within 15%");
        assertTrue(Stability.of(List.of(steady(100e6), steady(115.1e6))).unstable(), "beyond 15%");
        assertFalse(Stability.of(List.of(steady(100e6))).unstable(), "one fork cannot split");
        assertFalse(Stability.of(List.of()).unstable());
    }

    @Test
    void iterationsThatShiftWithinAForkAreUnstableButOneOutlierIsNot() {
        final Fork shifted = Fork.of(718, 720, 714, 716, 719, 720, 546, 550, 546, 556, 525);
        final Stability stability = Stability.of(List.of(shifted));
        assertTrue(stability.unstable());
        assertTrue(stability.why().startsWith("the fork's iterations shift: "), stability.why());
        assertArrayEquals(new double[] {718.5, 546}, Stability.levelShift(shifted.measured()), "the medians either side of the split");
        assertEquals(0, Stability.levelShift(new double[] {718, 720, 540, 716, 719, 720}).length, "a descheduled iteration is no mode");
        assertEquals(0, Stability.levelShift(new double[] {718, 720, 714, 560, 550}).length, "two iterations are no stretch");
        assertTrue(Stability.of(List.of(steady(700), Fork.of(700, 702, 698, 560, 555, 550))).why()
            .startsWith("fork 2's iterations shift: "));
    }

    @Test
    void aForkThatDidNotSettleMakesItsCellUnstable() {
        final Fork unsettled = WarmUp.settle(new double[] {50, 100, 150, 200, 250}, 2, 2);
        final Stability stability = Stability.of(List.of(steady(250), unsettled));
        assertTrue(stability.unstable());
        assertTrue(stability.why().contains("fork 2 did not settle in its warm-up"), stability.why());
    }

    @Test
    void theTableJsonAndPageShowAnUnstableCellAsUnstableNeverAsAPlainMedian() {
        final Figures figures = new Figures(List.of(HEADLINE), List.of(RING, STACK, Alternative.DPDK));
        figures.add(HEADLINE, RING, steady(503.6e6));
        figures.add(HEADLINE, RING, steady(670.3e6));
        figures.add(HEADLINE, STACK, steady(400e6));
        figures.add(HEADLINE, STACK, steady(404e6));
        final String median = Tables.rate(figures.median(HEADLINE, RING));
        final String text = print(figures, null);
        final String ringRow = text.lines().filter(l -> l.startsWith("ring_mp_mc ")).findFirst().orElseThrow();
        assertEquals(Tables.pad("ring_mp_mc", 22) + "unstable 493.5M..683.7M", ringRow);
        assertFalse(ringRow.contains(median), "no median for an unstable cell");
        assertTrue(text.contains("unstable: ring_mp_mc in [1]: forks split: 503.6M, 670.3M"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("stack +402\\.0M - \\(1%\\)")), text);
        assertTrue(text.contains(Tables.pad("ring_mp_mc", 22) + "unstable (2 forks, iterations 493.5M..683.7M)"),
            "the standing line:\n" + text);
        assertTrue(text.contains("; 1 cell unstable"), text);

        final Noise noise = Noise.of(figures);
        final Map<?, ?> json = (Map<?, ?>) JsonReader.parse(JsonReport.render(figures, Map.of(), Targets.evaluate(figures), noise));
        final Map<?, ?> results = (Map<?, ?>) ((Map<?, ?>) ((List<?>) json.get("scenarios")).get(0)).get("results");
        final Map<?, ?> ring = (Map<?, ?>) results.get("ring_mp_mc");
        assertEquals(Boolean.TRUE, ring.get("unstable"));
        assertEquals("forks split: 503.6M, 670.3M", ring.get("why"));
        assertEquals(Boolean.FALSE, ((Map<?, ?>) results.get("stack")).get("unstable"));
        assertEquals(1.0, ((Map<?, ?>) json.get("noise")).get("unstableCells"));

        final String html = HtmlReport.render(figures, Map.of(), Targets.evaluate(figures), noise, null);
        assertTrue(html.contains("<td class=\"unstable\" data-cell=\"default_g32_p32_k128_t1|ring_mp_mc\""), html);
        assertTrue(html.contains("data-unstable=\"true\">unstable (2 forks, iterations 493.5M..683.7M): forks split: 503.6M, 670.3M</td>"),
            html);
        assertTrue(html.contains("<rect class=\"unstable\""), "the bar is drawn as unstable");
    }

    @Test
    void aBaselineFlagsOnlyChangesBeyondTheSpreadOfBothRuns(@TempDir final Path dir) throws Exception {
        final Baseline.Cell before = new Baseline.Cell(100, 95, 105, false);
        assertTrue(before.changedBeyond(120, 118, 122), "20 beyond both widths, 10 and 4");
        assertFalse(before.changedBeyond(108, 106, 110), "the ranges do not overlap, but 8 is inside the old run's width of 10");
        assertFalse(before.changedBeyond(70, 50, 90), "30 is inside the new run's width of 40");
        assertTrue(before.changedBeyond(80, 79, 81), "a drop counts as a rise does");

        final Figures old = new Figures(List.of(HEADLINE), List.of(RING, STACK));
        old.add(HEADLINE, RING, steady(444e6));
        old.add(HEADLINE, RING, steady(449e6));
        old.add(HEADLINE, STACK, steady(400e6));
        old.add(HEADLINE, STACK, steady(402e6));
        final Path file = dir.resolve("results.json");
        Files.writeString(file, JsonReport.render(old, Map.of(), Targets.evaluate(old), Noise.of(old)));
        final Figures now = new Figures(List.of(HEADLINE), List.of(RING, STACK));
        now.add(HEADLINE, RING, steady(450e6));
        now.add(HEADLINE, RING, steady(743e6));
        now.add(HEADLINE, STACK, steady(300e6));
        now.add(HEADLINE, STACK, steady(301e6));
        final String text = print(now, Baseline.load(file));
        final String table = text.substring(text.indexOf("this run over the baseline"));
        assertTrue(table.lines().anyMatch(l -> l.matches("ring_mp_mc +1\\.34x unstable")), "a split run flags nothing:\n" + table);
        assertTrue(table.lines().anyMatch(l -> l.matches("stack +0\\.75x !")), "a drop beyond both spreads:\n" + table);
        assertEquals(449e6 * 1.02, Baseline.load(file).cell(HEADLINE, RING).max(), 1e5, "the old range: its highest iteration");
    }

    private static String print(final Figures figures, final Baseline baseline) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Tables.print(figures, Targets.evaluate(figures), Noise.of(figures), baseline, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
