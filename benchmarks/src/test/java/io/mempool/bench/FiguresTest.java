package io.mempool.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Medians across forks, the warm-up rule, best columns, peers shared across cache modes, and the reports' escaping. */
class FiguresTest {
    private static final Scenario CACHED = new Scenario(CacheMode.DEFAULT, 32, 32, 128, 1);
    private static final Scenario NO_CACHE = new Scenario(CacheMode.NONE, 32, 32, 128, 1);
    private static final Alternative RING = Alternative.ofOps("ring_mp_mc");
    private static final Alternative STACK = Alternative.ofOps("stack");
    private static final Alternative JCTOOLS = Alternative.PEERS.get(0);
    private static final Alternative AGRONA = Alternative.PEERS.get(1);

    private final Figures figures = new Figures(List.of(CACHED, NO_CACHE), List.of(RING, STACK, JCTOOLS, AGRONA, Alternative.DPDK));

    @Test
    void medianOfOddAndEvenCountsAndNaNWhenEmpty() {
        figures.add(CACHED, RING, Fork.of(5, 1, 3));
        figures.add(CACHED, STACK, Fork.of(4, 1, 3, 10));
        assertEquals(3, figures.median(CACHED, RING));
        assertEquals(3.5, figures.median(CACHED, STACK));
        assertTrue(Double.isNaN(figures.median(NO_CACHE, RING)));
        assertEquals(1, figures.min(CACHED, RING), "the range is the iterations'");
        assertEquals(5, figures.max(CACHED, RING));
        assertTrue(Double.isNaN(figures.spread(Figures.cellKey(CACHED, RING))), "no spread across forks with one");
    }

    @Test
    void theFigureIsTheMedianOfTheForksMediansTheSpreadIsTheirsAndTheRangeSpansEveryIteration() {
        figures.add(CACHED, RING, Fork.of(5, 1, 3));
        figures.add(CACHED, RING, Fork.of(7, 9));
        assertEquals(5.5, figures.median(CACHED, RING), "forks of medians 3 and 8");
        figures.add(CACHED, RING, Fork.of(100, 1, 4));
        assertEquals(4, figures.median(CACHED, RING), "medians 3, 8 and 4; pooling the iterations would give 4.5");
        assertEquals(1, figures.min(CACHED, RING), "the range: the lowest measured iteration of any fork");
        assertEquals(100, figures.max(CACHED, RING));
        assertEquals(5.0 / 4, figures.spread(Figures.cellKey(CACHED, RING)));
        assertEquals(3, figures.forks(CACHED, RING).size());
    }

    @Test
    void theWarmUpEndsWhereTheLevelBeforeAndAfterAgreesAndEverythingAfterIsMeasured() {
        final Fork fork = WarmUp.settle(new double[] {59, 62, 54, 166, 168, 170, 167, 169}, 3, 3);
        assertTrue(fork.settled());
        assertArrayEquals(new double[] {59, 62, 54, 166, 168}, fork.warmup(),
            "still compiling, then until three either side agree: medians 166 and 169");
        assertArrayEquals(new double[] {170, 167, 169}, fork.measured());
        final Fork atOnce = WarmUp.settle(new double[] {700, 720, 710, 690, 560, 700, 705, 520, 530, 525}, 3, 3);
        assertEquals(3, atOnce.warmup().length, "agreeing at the floor: the floor alone; one low iteration does not hold it back");
        assertEquals(7, atOnce.measured().length, "everything after is measured, a late drop included, not hidden");
        assertEquals(3, WarmUp.settle(new double[] {100, 100, 100, 110, 110, 110}, 0, 3).warmup().length,
            "10% apart agrees; the line needs three iterations before it, whatever the floor");
        assertFalse(WarmUp.settle(new double[] {100, 100, 100, 110.1, 110.1, 110.1}, 0, 3).settled(), "beyond 10% does not");
        assertEquals(5, WarmUp.settle(new double[] {100, 100, 100, 100, 100, 100, 100}, 5, 2).warmup().length,
            "never before the floor");
    }

    @Test
    void aForkThatNeverSettlesBeforeTheBoundIsKeptAsNotSettled() {
        final Fork fork = WarmUp.settle(new double[] {50, 100, 150, 200, 250, 300, 350, 400}, 3, 2);
        assertFalse(fork.settled());
        assertArrayEquals(new double[] {350, 400}, fork.measured(), "the last minMeasured iterations");
        assertEquals(6, fork.warmup().length);
        final double[] late = {50, 100, 150, 300, 300, 301, 302, 303, 304};
        assertFalse(WarmUp.settle(late, 0, 5).settled(), "agreeing where fewer than minMeasured would be left is past the bound");
        assertArrayEquals(new double[] {301, 302, 303, 304}, WarmUp.settle(late, 0, 4).measured(), "within the bound");
        assertThrows(IllegalArgumentException.class, () -> WarmUp.settle(new double[] {1, 2}, 0, 3));
    }

    @Test
    void peersAreSharedAcrossCacheModesAndTheBestIsTheHighestMedian() {
        assertNull(figures.best(CACHED, Alternative.Kind.PEER));
        assertTrue(Double.isNaN(figures.bestPeer(CACHED)));
        figures.add(CACHED, JCTOOLS, Fork.of(2));
        figures.add(CACHED, AGRONA, Fork.of(3));
        figures.add(NO_CACHE, RING, Fork.of(9));
        assertSame(AGRONA, figures.best(NO_CACHE, Alternative.Kind.PEER));
        assertEquals(3, figures.bestPeer(NO_CACHE));
        assertSame(RING, figures.best(NO_CACHE, Alternative.Kind.JMEMPOOL));
        assertEquals("3.00x", Tables.ratio(figures.median(NO_CACHE, RING), figures.bestPeer(NO_CACHE)));
    }

    @Test
    void pipelineCellsAreKeptByKeyOutsideTheGrid() {
        assertFalse(figures.hasPipeline());
        final String two = PipelineRun.Variant.TWO_JVMS.cellKey();
        figures.note(PipelineRun.Variant.ONE_JVM.cellKey(), "failed: why");
        assertTrue(figures.hasPipeline(), "a failed pipeline is in the run: its note says why");
        figures.add(two, Fork.of(3e6, 1e6, 2e6));
        assertEquals(2e6, figures.median(two));
        assertEquals(1e6, figures.min(two));
        assertEquals(3e6, figures.max(two));
        assertEquals("shared_pipeline|two_jvms", two);
        assertEquals("-", PipelineRun.twoOverOne(figures));
        figures.add(PipelineRun.Variant.ONE_JVM.cellKey(), Fork.of(4e6));
        assertEquals("0.50x (2.0M vs 4.0M)", PipelineRun.twoOverOne(figures));
        assertEquals(List.of("aa bb", "cc dd"), Tables.wrap("aa bb cc dd", 5));
    }

    @Test
    void ratesRatiosAndEscaping() {
        assertEquals("1.50G", Tables.rate(1.5e9));
        assertEquals("123.4M", Tables.rate(123.4e6));
        assertEquals("2k", Tables.rate(2000));
        assertEquals("-", Tables.rate(Double.NaN));
        assertEquals("-", Tables.ratio(1, Double.NaN));
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", JsonReport.quote("a\"b\\c\n\u0001"));
        figures.note(CACHED, Alternative.DPDK, "<install> & re-run");
        final String html = HtmlReport.render(figures, Map.of("k", "v<"), Targets.evaluate(figures), Noise.of(figures), null);
        assertTrue(html.contains("&lt;install&gt; &amp; re-run") && html.contains("v&lt;"), html);
        final String json = JsonReport.render(figures, Map.of(), Targets.evaluate(figures), Noise.of(figures));
        assertTrue(json.contains("\"dpdk\": {\"median\": null, \"min\": null, \"max\": null, \"spread\": null, \"unstable\": false, \"ratioToBestPeer\": null, \"forks\": [], "
            + "\"note\": \"<install> & re-run\"}"), json);
    }
}
