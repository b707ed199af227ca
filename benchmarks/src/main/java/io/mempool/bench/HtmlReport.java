package io.mempool.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static io.mempool.bench.SvgCharts.escape;

/**
 * {@code index.html}: one offline file, well-formed XHTML with inline SVG (no script, no network): the run and
 * how noisy it was, the targets, line charts of objects/s against bulk size (one per cache mode, n_keep and
 * thread count) and against threads, a bar chart per scenario (for runs of a few scenarios), the virtual-thread
 * scenario's and the pipeline scenario's bars, and a table of every cell of {@code results.json}. Ranges (the lowest to the highest measured iteration) are drawn as whiskers;
 * a baseline run, if given, beside this one.
 */
final class HtmlReport {
    /** Above this many scenarios the page draws lines only: a bar chart each would be a wall. */
    private static final int MAX_BAR_CHARTS = 12;
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:64em}svg{display:block;margin-bottom:1.5em}"
        + "text{font-size:12px}td,th{padding:0 1em 0 0;text-align:left;vertical-align:top}"
        + "table.cells td,table.cells th{font-size:12px;white-space:nowrap}.note{fill:#777}td.note{color:#777}"
        + ".whisker,.base-whisker{stroke:#333;fill:none}.base{fill:#bbb;fill-opacity:0.9}.base-whisker{stroke:#999}"
        + "polyline{fill:none}polyline.base{stroke-dasharray:4 3;fill:none}circle.base{fill:#fff}"
        + "line.grid{stroke:#ddd}.met{color:#2a7a2a}.missed{color:#b03030}td[data-median]{white-space:nowrap}"
        + ".unstable{color:#b8860b}rect.unstable{fill-opacity:0.35;stroke:#b8860b;stroke-dasharray:3 2}circle.unstable{fill:#fff}";

    private HtmlReport() {
    }

    /**
     * @param figures  the run's figures.
     * @param about    the settings and the machine.
     * @param targets  the targets' outcomes.
     * @param noise    the run's noise.
     * @param baseline a previous run to draw beside, or null.
     * @return the page.
     */
    static String render(final Figures figures, final Map<String, String> about, final List<Targets.Result> targets,
                         final Noise noise, final Baseline baseline) {
        final StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
            + "<head><meta charset=\"utf-8\"/><title>jmempool compare</title>\n<style>" + STYLE + "</style></head><body>\n"
            + "<h1>jmempool compare</h1>\n<p>DPDK's test_mempool_perf loop: objects got and put back per second, summed over "
            + "threads. Each figure is the median of its forks' medians (JVMs, each measured once warm); each whisker spans the "
            + "lowest to the highest measured iteration of its forks. A cell whose forks split into modes, "
            + "or whose iterations shift within a fork, is unstable: drawn pale and dashed, tabled as its range, never as a median. Ratios are to the row's best Java peer. The floor (black) is a bare long[] cache in Java; DPDK is orange (its bucket driver dark orange).</p>\n");
        if (baseline != null) {
            html.append("<p>Baseline: ").append(escape(baseline.label())).append(", drawn beside this run: thin grey bars, "
                + "dashed lines with hollow points.</p>\n");
        }
        html.append("<h2>Run</h2>\n<table>");
        about.forEach((k, v) -> html.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v)).append("</td></tr>"));
        html.append("</table>\n<h2>Noise</h2>\n<p>Load average ").append(escape(about.getOrDefault("load average at start", "?")))
            .append(" at the start, ").append(escape(about.getOrDefault("load average at end", "?"))).append(" at the end, on ")
            .append(escape(about.getOrDefault("cores", "?"))).append(" cores. Spread (max - min) / median: ")
            .append(escape(noise.summary())).append(". A difference smaller than the cells' spread is noise.</p>\n");
        html.append("<h2>Targets</h2>\n<table>");
        for (final Targets.Result target : targets) {
            html.append("<tr><td>").append(escape(target.name())).append("</td><td>").append(escape(target.figure()))
                .append("</td><td class=\"").append(target.status().name().toLowerCase(Locale.ROOT)).append("\">")
                .append(escape(target.verdict())).append("</td></tr>");
        }
        html.append("</table>\n");
        lineCharts(html, figures, baseline);
        if (!figures.scenarios().isEmpty() && figures.scenarios().size() <= MAX_BAR_CHARTS) {
            html.append("<h2>Scenarios</h2>\n");
            for (final Scenario scenario : figures.scenarios()) {
                html.append("<h3>").append(escape(scenario.title())).append("</h3>\n");
                SvgCharts.bars(html, figures, scenario, baseline);
            }
        }
        if (figures.hasVirtualThreads()) {
            virtualThreads(html, figures, baseline);
        }
        if (figures.hasPipeline()) {
            pipeline(html, figures, baseline);
        }
        if (figures.scenarios().isEmpty()) { // the scenarios outside the grid alone: no grid
            return html.append("</body></html>\n").toString();
        }
        cells(html, figures);
        html.append("<h2>Columns</h2>\n<table>");
        for (final Alternative column : figures.columns()) {
            html.append("<tr><th>").append(escape(column.column())).append("</th><td>").append(escape(column.label()))
                .append("</td></tr>");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    /** Objects/s against bulk size per cache mode, n_keep and threads; against threads per the rest. */
    private static void lineCharts(final StringBuilder html, final Figures figures, final Baseline baseline) {
        final Map<String, List<Scenario>> byBulk = group(figures, s -> s.getBulk() == s.putBulk()
            ? s.cache() + "|" + s.nKeep() + "|" + s.threads() : null);
        final Map<String, List<Scenario>> byThreads = group(figures,
            s -> s.cache() + "|" + s.getBulk() + "|" + s.putBulk() + "|" + s.nKeep());
        if (!byBulk.isEmpty()) {
            html.append("<h2>Objects/s against bulk size</h2>\n");
        }
        for (final List<Scenario> points : byBulk.values()) {
            points.sort((a, b) -> Integer.compare(a.getBulk(), b.getBulk()));
            final Scenario first = points.get(0);
            html.append("<h3>").append(escape(first.title().replaceFirst(", bulk \\d+", ""))).append("</h3>\n");
            SvgCharts.lines(html, figures, points, labels(points, s -> String.valueOf(s.getBulk())), "objects per get and per put", baseline);
        }
        if (!byThreads.isEmpty()) {
            html.append("<h2>Objects/s against threads</h2>\n");
        }
        for (final List<Scenario> points : byThreads.values()) {
            points.sort((a, b) -> Integer.compare(a.threads(), b.threads()));
            html.append("<h3>").append(escape(points.get(0).title().replaceFirst(", \\d+ threads?$", ""))).append("</h3>\n");
            SvgCharts.lines(html, figures, points, labels(points, s -> String.valueOf(s.threads())), "threads", baseline);
        }
    }

    /** Scenarios by key (null: in no group), keeping groups of two or more. */
    private static Map<String, List<Scenario>> group(final Figures figures, final Function<Scenario, String> key) {
        final Map<String, List<Scenario>> groups = new LinkedHashMap<>();
        for (final Scenario scenario : figures.scenarios()) {
            final String k = key.apply(scenario);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(scenario);
            }
        }
        groups.values().removeIf(points -> points.size() < 2);
        return groups;
    }

    private static List<String> labels(final List<Scenario> points, final Function<Scenario, String> label) {
        return points.stream().map(label).toList();
    }

    /**
     * The pipeline scenario: what it measures, its bars, its cells (and why bucket has none, where the run has bucket) and
     * the two-JVM figure over the one-JVM one.
     */
    private static void pipeline(final StringBuilder html, final Figures figures, final Baseline baseline) {
        html.append("<h2 id=\"").append(PipelineRun.ID).append("\">").append(escape(PipelineRun.TITLE)).append("</h2>\n<p>")
            .append(escape(PipelineRun.WHAT)).append(" The variants' iterations alternate. The two-JVM pipeline over the one-JVM one: ")
            .append(escape(PipelineRun.twoOverOne(figures))).append(".</p>\n");
        SvgCharts.pipelineBars(html, figures, baseline);
        html.append("<table>");
        for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
            html.append("<tr><th>").append(variant.column()).append("</th>");
            cell(html, figures, variant.cellKey(), variant.cellKey());
            html.append("<td>").append(escape(variant.label())).append("</td></tr>\n");
        }
        if (figures.note(PipelineRun.BUCKET_KEY) != null) {
            html.append("<tr><th>").append(Alternative.BUCKET_OPS).append("</th>");
            cell(html, figures, PipelineRun.BUCKET_KEY, PipelineRun.BUCKET_KEY);
            html.append("<td></td></tr>\n");
        }
        html.append("</table>\n");
    }

    /**
     * The virtual-thread scenario: what it measures, jmempool's standing, its bars and its cells; before JDK 21 each cell
     * says why it did not run.
     */
    private static void virtualThreads(final StringBuilder html, final Figures figures, final Baseline baseline) {
        html.append("<h2 id=\"").append(VirtualThreadRun.ID).append("\">").append(escape(VirtualThreadRun.TITLE)).append("</h2>\n<p>")
            .append(escape(VirtualThreadRun.WHAT)).append(" Ratios are to ").append(VirtualThreadRun.Column.RING_MP_MC_PLATFORM.column())
            .append(". ring_mp_mc on virtual threads over: ").append(escape(VirtualThreadRun.standing(figures))).append(".</p>\n");
        SvgCharts.virtualBars(html, figures, baseline);
        html.append("<table>");
        for (final VirtualThreadRun.Column column : VirtualThreadRun.Column.values()) {
            html.append("<tr><th>").append(column.column()).append("</th>");
            cell(html, figures, column.cellKey(), column.cellKey());
            html.append("<td>").append(escape(column.label())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** Every cell, as results.json has it: median (range), unstable (range) and why, or why there is none. */
    private static void cells(final StringBuilder html, final Figures figures) {
        html.append("<h2>All cells</h2>\n<table class=\"cells\"><tr><th>scenario</th>");
        for (final Alternative column : figures.columns()) {
            html.append("<th>").append(escape(column.column())).append("</th>");
        }
        html.append("</tr>\n");
        for (final Scenario scenario : figures.scenarios()) {
            html.append("<tr><th>").append(escape(scenario.title())).append("</th>");
            for (final Alternative column : figures.columns()) {
                cell(html, figures, Figures.cellKey(scenario, column), scenario.id() + "|" + column.column());
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** One cell of a table: median (range), unstable (range) and why, or why there is none; {@code cell} names it as results.json does. */
    private static void cell(final StringBuilder html, final Figures figures, final String key, final String cell) {
        final double m = figures.median(key);
        if (Double.isNaN(m)) {
            final String note = figures.note(key);
            html.append("<td class=\"note\" data-cell=\"").append(escape(cell)).append("\">")
                .append(escape(note == null ? "not run" : note)).append("</td>");
        } else if (figures.stability(key).unstable()) {
            html.append("<td class=\"unstable\" data-cell=\"").append(escape(cell)).append("\" data-median=\"").append(JsonReport.number(m))
                .append("\" data-unstable=\"true\">unstable (").append(Tables.range(figures, key)).append("): ")
                .append(escape(figures.stability(key).why())).append("</td>");
        } else {
            html.append("<td data-cell=\"").append(escape(cell)).append("\" data-median=\"").append(JsonReport.number(m)).append("\">")
                .append(Tables.rate(m)).append(" (").append(Tables.range(figures, key)).append(")</td>");
        }
    }
}
