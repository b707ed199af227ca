package io.mempool.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Medians, best columns, peers shared across cache modes, and the reports' escaping. */
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
        figures.add(CACHED, RING, new double[] {5, 1, 3});
        figures.add(CACHED, STACK, new double[] {4, 1, 3, 10});
        assertEquals(3, figures.median(CACHED, RING));
        assertEquals(3.5, figures.median(CACHED, STACK));
        assertTrue(Double.isNaN(figures.median(NO_CACHE, RING)));
        figures.add(CACHED, RING, new double[] {7, 9});
        assertEquals(5, figures.median(CACHED, RING), "a later round pools its iterations with the first");
    }

    @Test
    void peersAreSharedAcrossCacheModesAndTheBestIsTheHighestMedian() {
        assertNull(figures.best(CACHED, Alternative.Kind.PEER));
        assertTrue(Double.isNaN(figures.bestPeer(CACHED)));
        figures.add(CACHED, JCTOOLS, new double[] {2});
        figures.add(CACHED, AGRONA, new double[] {3});
        figures.add(NO_CACHE, RING, new double[] {9});
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
        figures.add(two, new double[] {3e6, 1e6, 2e6});
        assertEquals(2e6, figures.median(two));
        assertEquals(1e6, figures.min(two));
        assertEquals(3e6, figures.max(two));
        assertEquals("shared_pipeline|two_jvms", two);
        assertEquals("-", PipelineRun.twoOverOne(figures));
        figures.add(PipelineRun.Variant.ONE_JVM.cellKey(), new double[] {4e6});
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
        assertTrue(json.contains("\"dpdk\": {\"median\": null, \"min\": null, \"max\": null, \"ratioToBestPeer\": null, \"iterations\": [], "
            + "\"note\": \"<install> & re-run\"}"), json);
    }
}
