package io.mempool.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page is one well-formed XHTML file whose SVG draws every cell of results.json: each cell is in the table,
 * each cell with a figure is a bar or a point carrying that figure, with a whisker per spread; a baseline shows.
 */
class HtmlReportTest {
    private static final List<Alternative> COLUMNS = List.of(Alternative.ofOps("ring_mp_mc"), Alternative.ofOps("ring_sp_sc"),
        Alternative.SINGLE, Alternative.FLOOR, Alternative.PEERS.get(0), Alternative.PEERS.get(4), Alternative.DPDK);

    /** Figures as a run fills them: every cell that runs gets forks of iterations, the others a note, DPDK missing. */
    private static Figures run(final List<Scenario> scenarios, final long seed) {
        final Figures figures = new Figures(scenarios, COLUMNS);
        final Random random = new Random(seed);
        for (final Scenario scenario : scenarios) {
            for (final Alternative column : COLUMNS) {
                final String skip = column.skipReason(scenario);
                if (skip != null) {
                    figures.note(scenario, column, skip);
                } else if (column.kind() == Alternative.Kind.DPDK) {
                    figures.note(scenario, column, DpdkHarness.MISSING + ": pkg-config finds no libdpdk; <install> & re-run");
                } else if (figures.forks(scenario, column).isEmpty()) {
                    final double level = 1e6 * (1 + random.nextInt(900));
                    figures.add(scenario, column, Fork.of(level, level * 1.05, level * 0.9));
                    if (column.kind() != Alternative.Kind.PEER) { // peers have one fork in the default run
                        figures.add(scenario, column, Fork.of(level * 1.02, level * 1.04, level * 0.98));
                    }
                }
            }
        }
        return figures;
    }

    /** The same with the pipeline scenario: both variants' iterations; and one cell unstable, its forks split. */
    private static Figures withPipeline(final List<Scenario> scenarios, final long seed) {
        final Figures figures = run(scenarios, seed);
        final double level = figures.median(scenarios.get(0), COLUMNS.get(0));
        figures.add(scenarios.get(0), COLUMNS.get(0), Fork.of(2 * level, 2.02 * level, 1.98 * level));
        figures.add(PipelineRun.Variant.TWO_JVMS.cellKey(), Fork.of(20e6, 25e6, 22e6));
        figures.add(PipelineRun.Variant.ONE_JVM.cellKey(), Fork.of(30e6, 33e6, 34e6));
        return figures;
    }

    private static Document xml(final String html) throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    /** Every element with a data-cell attribute, by cell, those in SVG apart from those in the table. */
    private static Map<String, Element> cells(final Document page, final boolean inSvg) {
        final Map<String, Element> found = new HashMap<>();
        final NodeList all = page.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            final Element element = (Element) all.item(i);
            final boolean svg = "http://www.w3.org/2000/svg".equals(element.getNamespaceURI());
            if (element.hasAttribute("data-cell") && svg == inSvg) {
                found.putIfAbsent(element.getAttribute("data-cell"), element);
            }
        }
        return found;
    }

    private static void everyJsonCellIsOnThePage(final Figures figures, final boolean allInSvg) throws Exception {
        final Map<String, String> about = new LinkedHashMap<>(Map.of("load average at start", "1.00", "cores", "2"));
        final List<Targets.Result> targets = Targets.evaluate(figures);
        final Noise noise = Noise.of(figures);
        final Map<?, ?> json = (Map<?, ?>) JsonReader.parse(JsonReport.render(figures, about, targets, noise));
        final Document page = xml(HtmlReport.render(figures, about, targets, noise, null));
        assertEquals("html", page.getDocumentElement().getLocalName());
        assertTrue(page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength() > 0);
        final Map<String, Element> table = cells(page, false);
        final Map<String, Element> svg = cells(page, true);
        int checked = 0;
        final List<Object> scenarios = new ArrayList<>((List<?>) json.get("scenarios"));
        if (json.get("pipeline") != null) {
            scenarios.add(json.get("pipeline"));
        }
        for (final Object item : scenarios) {
            final Map<?, ?> scenario = (Map<?, ?>) item;
            for (final Map.Entry<?, ?> result : ((Map<?, ?>) scenario.get("results")).entrySet()) {
                final String cell = scenario.get("id") + "|" + result.getKey();
                final Map<?, ?> values = (Map<?, ?>) result.getValue();
                final Element td = table.get(cell);
                assertNotNull(td, cell + " is not in the page's table");
                if (values.get("median") == null) {
                    assertEquals(values.get("note"), td.getTextContent(), cell);
                    continue;
                }
                final String median = JsonReport.number((Double) values.get("median"));
                assertEquals(median, td.getAttribute("data-median"), cell);
                assertEquals(Boolean.TRUE.equals(values.get("unstable")), td.hasAttribute("data-unstable"), cell);
                if (allInSvg) {
                    final Element drawn = svg.get(cell);
                    assertNotNull(drawn, cell + " is not drawn");
                    assertEquals(median, drawn.getAttribute("data-median"), cell);
                    assertTrue(drawn.getTextContent().contains(Tables.rate((Double) values.get("min")) + ".."
                        + Tables.rate((Double) values.get("max"))), cell + " has no spread in its title");
                }
                checked++;
            }
        }
        assertTrue(checked > 10, "checked " + checked + " cells");
    }

    @Test
    void theDefaultRunsCellsAreAllInTheTableAndTheBarCharts() throws Exception {
        final Figures figures = withPipeline(Scenario.defaults(), 1);
        assertTrue(figures.stability(Scenario.defaults().get(0), COLUMNS.get(0)).unstable(), "an unstable cell among them");
        everyJsonCellIsOnThePage(figures, true);
    }

    @Test
    void thePipelineHasItsSectionOnlyWhenTheRunHadIt() {
        final Figures with = withPipeline(Scenario.quick(), 6);
        final String html = HtmlReport.render(with, Map.of(), Targets.evaluate(with), Noise.of(with), null);
        assertTrue(html.contains("<h2 id=\"shared_pipeline\">") && html.contains("0.67x (22.0M vs 33.0M)"), html);
        final Figures without = run(Scenario.quick(), 6);
        assertFalse(HtmlReport.render(without, Map.of(), Targets.evaluate(without), Noise.of(without), null).contains("shared_pipeline"));
        assertFalse(JsonReport.render(without, Map.of(), Targets.evaluate(without), Noise.of(without)).contains("\"pipeline\""));
        final Figures failed = run(Scenario.quick(), 6);
        failed.note(PipelineRun.Variant.TWO_JVMS.cellKey(), "failed: pipeline consumer exited (1)");
        final String page = HtmlReport.render(failed, Map.of(), Targets.evaluate(failed), Noise.of(failed), null);
        assertTrue(page.contains(">failed: pipeline consumer exited (1)</td>") && page.contains(">not run</td>"), page);
    }

    @Test
    void theMatrixCellsAreAllInTheTableAndTheLineCharts() throws Exception {
        final Figures figures = run(Scenario.matrix(), 2);
        everyJsonCellIsOnThePage(figures, true);
        final String html = HtmlReport.render(figures, Map.of(), Targets.evaluate(figures), Noise.of(figures), null);
        assertTrue(html.contains("<h3>cache 512, n_keep 2048, 1 thread</h3>"), "a bulk chart per cache mode and n_keep");
        assertTrue(html.contains("<h3>no cache, n_keep 128, 1 thread</h3>"));
        assertTrue(html.contains("Objects/s against threads"));
        assertFalse(html.contains("<h2>Scenarios</h2>"), "no wall of bar charts");
    }

    @Test
    void theFullMatrixIsAllInTheTable() throws Exception {
        everyJsonCellIsOnThePage(run(Scenario.full().subList(0, 40), 3), false);
    }

    @Test
    void aBaselineIsReadBackAndDrawnBesideTheRun(@TempDir final Path dir) throws Exception {
        final Figures before = run(Scenario.defaults(), 4);
        final Path file = dir.resolve("results.json");
        Files.writeString(file, JsonReport.render(before, Map.of("date", "then"), Targets.evaluate(before), Noise.of(before)));
        final Baseline baseline = Baseline.load(file);
        final Scenario headline = Scenario.defaults().get(0);
        final Alternative ring = COLUMNS.get(0);
        final Baseline.Cell cell = baseline.cell(headline, ring);
        assertEquals(Double.parseDouble(JsonReport.number(before.median(headline, ring))), cell.median());
        assertEquals(Double.parseDouble(JsonReport.number(before.min(headline, ring))), cell.min());
        assertEquals(Double.parseDouble(JsonReport.number(before.max(headline, ring))), cell.max());
        assertEquals(null, baseline.cell(headline, Alternative.DPDK), "no figure, no baseline cell");
        assertTrue(baseline.label().contains("then"));

        final Figures withPipeline = withPipeline(Scenario.quick(), 7);
        final Path pipelineFile = dir.resolve("pipeline.json");
        Files.writeString(pipelineFile, JsonReport.render(withPipeline, Map.of(), Targets.evaluate(withPipeline), Noise.of(withPipeline)));
        final Baseline.Cell two = Baseline.load(pipelineFile).cell(PipelineRun.Variant.TWO_JVMS.cellKey());
        assertEquals(new Baseline.Cell(22e6, 20e6, 25e6, false), two);
        assertTrue(HtmlReport.render(withPipeline, Map.of(), Targets.evaluate(withPipeline), Noise.of(withPipeline),
            Baseline.load(pipelineFile)).contains("<title>baseline two_jvms: 22.0M (20.0M..25.0M)</title>"));

        final Figures after = run(Scenario.matrix(), 5);
        final String html = HtmlReport.render(after, Map.of(), Targets.evaluate(after), Noise.of(after), baseline);
        xml(html);
        assertTrue(html.contains("polyline class=\"base\""), "the baseline's dashed line under the threads chart");
        final String bars = HtmlReport.render(before, Map.of(), Targets.evaluate(before), Noise.of(before), baseline);
        assertTrue(bars.contains("<rect class=\"base\""), "the baseline's bar under each bar");
    }

    @Test
    void jsonReaderReadsJson() {
        final Map<?, ?> parsed = (Map<?, ?>) JsonReader.parse(
            "{\"a\": [1, 2.5e3, -3], \"b\": {\"c\": null, \"d\": true}, \"e\": \"x\\\"\\u0041\\n\"}");
        assertEquals(List.of(1.0, 2500.0, -3.0), parsed.get("a"));
        final Map<?, ?> b = (Map<?, ?>) parsed.get("b");
        assertTrue(b.containsKey("c") && b.get("c") == null);
        assertEquals(Boolean.TRUE, b.get("d"));
        assertEquals("x\"A\n", parsed.get("e"));
        assertEquals("json offset: 4 (expected: end of input)",
            assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[1] x")).getMessage());
    }
}
