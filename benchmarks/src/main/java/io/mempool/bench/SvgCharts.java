package io.mempool.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG (well-formed XML, no script): a bar chart per scenario and line charts of
 * objects/s against bulk size or threads. Every bar and point carries its range as a whisker from the lowest
 * to the highest measured iteration of its forks, a {@code <title>} with the figures, and {@code data-cell} /
 * {@code data-median} attributes naming the {@code results.json} cell it draws. A baseline run, if any, is
 * drawn beside: a thin pale bar under each bar, a dashed line with hollow points under each line.
 */
final class SvgCharts {
    private static final String[] PALETTE = {
        "#1f5fa8", "#2c9ad6", "#17a589", "#4cae4c", "#8cc63f", "#0b7a75", "#5b6ee1", "#7d3cbd", "#b04fb4", "#2f4b7c",
        "#a05195", "#d45087", "#c0392b", "#8e6e53", "#7f8c8d", "#b8860b", "#556b2f", "#4682b4", "#6a5acd", "#20b2aa",
        "#cd5c5c", "#9acd32", "#708090", "#bc8f8f"};
    private static final String FLOOR_COLOUR = "#000000";
    private static final String DPDK_COLOUR = "#e08a1e";
    /** DPDK's other drivers (bucket): a darker orange, so its line is not ring_mp_mc's. */
    private static final String DPDK_DRIVER_COLOUR = "#9c4f00";
    /** The pipeline's two JVMs, then its one JVM. */
    private static final String[] PIPELINE_COLOURS = {"#7d3cbd", "#17a589"};
    /** The virtual-thread scenario's columns, in order: ring_mp_mc on virtual, then on platform threads, bucket, then the peers. */
    private static final String[] VIRTUAL_COLOURS = {"#1f5fa8", "#7f8c8d", "#2c9ad6", "#d45087", "#8e6e53", "#17a589"};
    private static final int LABEL = 150;
    private static final int BAR = 520;
    private static final int ROW = 22;
    private static final int PLOT_W = 560;
    private static final int PLOT_H = 300;
    private static final int LEFT = 60;
    private static final int TOP = 20;
    private static final int LEGEND_W = 200;
    private static final int LEGEND_ROW = 14;

    private SvgCharts() {
    }

    /**
     * @param columns every column of the run.
     * @param column  one of them.
     * @return its colour: black for the floor, orange for DPDK (darker for its bucket driver), a palette colour by
     *     position otherwise.
     */
    static String colour(final List<Alternative> columns, final Alternative column) {
        if (column.kind() == Alternative.Kind.FLOOR) {
            return FLOOR_COLOUR;
        }
        if (column.kind() == Alternative.Kind.DPDK) {
            return column.equals(Alternative.DPDK) ? DPDK_COLOUR : DPDK_DRIVER_COLOUR;
        }
        return PALETTE[columns.indexOf(column) % PALETTE.length];
    }

    /**
     * One bar of a bar chart.
     *
     * @param name   its label on the left, e.g. the column's name.
     * @param cell   the {@code results.json} cell it draws, {@code id|column}.
     * @param colour its fill.
     * @param median   the median objects/s; NaN: no bar, the note instead.
     * @param min      the low end of its range.
     * @param max      the high end.
     * @param unstable whether its forks split: drawn pale and dashed ({@link Stability}).
     * @param note     why there is no figure, or null.
     * @param title    its tooltip.
     * @param after    the text after the bar, e.g. {@code 12.3M  1.05x}, or {@code unstable}.
     * @param before   the baseline's cell, or null.
     */
    record Bar(String name, String cell, String colour, double median, double min, double max, boolean unstable, String note,
               String title, String after, Baseline.Cell before) {
    }

    /** A horizontal bar per column, median with its min-max whisker; columns without a figure say why. */
    static void bars(final StringBuilder svg, final Figures figures, final Scenario scenario, final Baseline baseline) {
        final double best = figures.bestPeer(scenario);
        final List<Bar> bars = new ArrayList<>();
        for (final Alternative column : figures.columns()) {
            final double m = figures.median(scenario, column);
            final boolean unstable = figures.stability(scenario, column).unstable();
            bars.add(new Bar(column.column(), scenario.id() + "|" + column.column(), colour(figures.columns(), column), m,
                figures.min(scenario, column), figures.max(scenario, column), unstable, figures.note(scenario, column),
                tooltip(figures, scenario, column), unstable ? "unstable" : Tables.rate(m) + "  " + Tables.ratio(m, best),
                baseline == null ? null : baseline.cell(scenario, column)));
        }
        bars(svg, scenario.title(), bars);
    }

    /** The pipeline scenario: a bar per variant, each with its ratio to the one-JVM figure. */
    static void pipelineBars(final StringBuilder svg, final Figures figures, final Baseline baseline) {
        final double one = figures.median(PipelineRun.Variant.ONE_JVM.cellKey());
        final List<Bar> bars = new ArrayList<>();
        for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
            final String key = variant.cellKey();
            final double m = figures.median(key);
            final boolean unstable = figures.stability(key).unstable();
            bars.add(new Bar(variant.column(), key, variant == PipelineRun.Variant.TWO_JVMS ? PIPELINE_COLOURS[0] : PIPELINE_COLOURS[1],
                m, figures.min(key), figures.max(key), unstable, figures.note(key), tooltip(figures, key, variant.column() + ", "
                + PipelineRun.ID), unstable ? "unstable" : Tables.rate(m) + "  " + Tables.ratio(m, one),
                baseline == null ? null : baseline.cell(key)));
        }
        bars(svg, PipelineRun.TITLE, bars);
    }

    /** The virtual-thread scenario: a bar per column, each with its ratio to jmempool's platform-thread figure. */
    static void virtualBars(final StringBuilder svg, final Figures figures, final Baseline baseline) {
        final double platform = figures.median(VirtualThreadRun.Column.RING_MP_MC_PLATFORM.cellKey());
        final List<Bar> bars = new ArrayList<>();
        for (final VirtualThreadRun.Column column : VirtualThreadRun.Column.values()) {
            final String key = column.cellKey();
            final double m = figures.median(key);
            final boolean unstable = figures.stability(key).unstable();
            bars.add(new Bar(column.column(), key, VIRTUAL_COLOURS[column.ordinal() % VIRTUAL_COLOURS.length], m, figures.min(key),
                figures.max(key), unstable, figures.note(key), tooltip(figures, key, column.column() + ", " + VirtualThreadRun.ID),
                unstable ? "unstable" : Tables.rate(m) + "  " + Tables.ratio(m, platform), baseline == null ? null : baseline.cell(key)));
        }
        bars(svg, VirtualThreadRun.TITLE, bars);
    }

    /**
     * A horizontal bar per entry on one scale, median with its min-max whisker, a baseline's as a thin pale bar
     * beneath; an entry without a figure shows its note.
     *
     * @param svg   where it goes.
     * @param label the chart's accessible name.
     * @param bars  the bars, top to bottom.
     */
    static void bars(final StringBuilder svg, final String label, final List<Bar> bars) {
        double top = 0;
        for (final Bar bar : bars) {
            top = Math.max(top, nanToZero(bar.max()));
            top = Math.max(top, bar.before() == null ? 0 : bar.before().max());
        }
        final double scale = top > 0 ? BAR / top : 0;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
            + "aria-label=\"%s\">\n", LABEL + BAR + 190, ROW * bars.size() + 4, escape(label)));
        int y = 2;
        for (final Bar bar : bars) {
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 15, escape(bar.name())));
            if (Double.isNaN(bar.median())) {
                svg.append(String.format(Locale.ROOT, "<text class=\"note\" x=\"%d\" y=\"%d\" data-cell=\"%s\">%s</text>\n",
                    LABEL, y + 15, escape(bar.cell()), escape(bar.note() == null ? "not run" : bar.note())));
                y += ROW;
                continue;
            }
            final Baseline.Cell before = bar.before();
            if (before != null) {
                svg.append(String.format(Locale.ROOT, "<rect class=\"base\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"4\">"
                    + "<title>baseline %s: %s (%s..%s)</title></rect>", LABEL, y + 15, Math.max(1, before.median() * scale),
                    escape(bar.name()), Tables.rate(before.median()), Tables.rate(before.min()), Tables.rate(before.max())));
                whisker(svg, LABEL + before.min() * scale, LABEL + before.max() * scale, y + 17, 2, "base-whisker");
            }
            final double width = Math.max(1, bar.median() * scale);
            svg.append(String.format(Locale.ROOT, "<rect%s x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\" "
                + "data-cell=\"%s\" data-median=\"%s\"><title>%s</title></rect>", bar.unstable() ? " class=\"unstable\"" : "",
                LABEL, y + 2, width, bar.colour(), escape(bar.cell()), JsonReport.number(bar.median()), escape(bar.title())));
            whisker(svg, LABEL + bar.min() * scale, LABEL + bar.max() * scale, y + 8, 4, "whisker");
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>\n",
                LABEL + Math.max(width, bar.max() * scale) + 6, y + 13, escape(bar.after())));
            y += ROW;
        }
        svg.append("</svg>\n");
    }

    /**
     * A line per column across {@code points} (one scenario per x position, in order), on a log scale of
     * objects/s; columns without any figure there are left out.
     *
     * @param svg      where it goes.
     * @param figures  the run's figures.
     * @param points   the scenarios, one per x position.
     * @param xLabels  their x-axis labels.
     * @param xTitle   the x axis's name.
     * @param baseline a previous run, or null.
     */
    static void lines(final StringBuilder svg, final Figures figures, final List<Scenario> points, final List<String> xLabels,
                      final String xTitle, final Baseline baseline) {
        final List<Alternative> shown = new ArrayList<>();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (final Alternative column : figures.columns()) {
            for (final Scenario scenario : points) {
                final double min = figures.min(scenario, column);
                if (!Double.isNaN(min)) {
                    if (!shown.contains(column)) {
                        shown.add(column);
                    }
                    lo = Math.min(lo, min);
                    hi = Math.max(hi, figures.max(scenario, column));
                }
                final Baseline.Cell before = baseline == null ? null : baseline.cell(scenario, column);
                if (before != null && shown.contains(column)) {
                    lo = Math.min(lo, before.min());
                    hi = Math.max(hi, before.max());
                }
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        final double decadeLo = Math.floor(Math.log10(Math.max(1, lo)));
        final double decadeHi = Math.max(decadeLo + 1, Math.ceil(Math.log10(Math.max(1, hi))));
        final int height = Math.max(PLOT_H + TOP + 50, shown.size() * LEGEND_ROW + TOP + 10);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">\n",
            LEFT + PLOT_W + 20 + LEGEND_W, height));
        for (double d = decadeLo; d <= decadeHi; d++) {
            final double y = y(Math.pow(10, d), decadeLo, decadeHi);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT, y, LEFT + PLOT_W, y, LEFT - 4, y + 4,
                Tables.rate(Math.pow(10, d))));
        }
        for (int i = 0; i < points.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x(i, points.size()),
                TOP + PLOT_H + 16, escape(xLabels.get(i))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", LEFT + PLOT_W / 2,
            TOP + PLOT_H + 34, escape(xTitle)));
        for (int c = 0; c < shown.size(); c++) {
            final Alternative column = shown.get(c);
            final String colour = colour(figures.columns(), column);
            if (baseline != null) {
                series(svg, points, column, decadeLo, decadeHi, colour, null, baseline);
            }
            series(svg, points, column, decadeLo, decadeHi, colour, figures, null);
            final int ly = TOP + c * LEGEND_ROW;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>\n", LEFT + PLOT_W + 20, ly, colour, LEFT + PLOT_W + 34, ly + 9, escape(column.column())));
        }
        svg.append("</svg>\n");
    }

    /**
     * One column's line: this run's ({@code figures} given: filled points that name their cells) or the
     * baseline's ({@code baseline} given: dashed, hollow points); a gap where a point has no figure.
     */
    private static void series(final StringBuilder svg, final List<Scenario> points, final Alternative column, final double lo,
                               final double hi, final String colour, final Figures figures, final Baseline baseline) {
        final String kind = figures != null ? "run" : "base";
        // the floor and DPDK are the references: drawn thicker, so they stand out of two dozen lines
        final String width = column.kind() == Alternative.Kind.FLOOR || column.kind() == Alternative.Kind.DPDK ? "3" : "1.5";
        final StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            final Scenario scenario = points.get(i);
            final double median = figures != null ? figures.median(scenario, column) : baselineMedian(baseline, scenario, column);
            if (Double.isNaN(median)) {
                flush(svg, path, colour, width, kind);
                continue;
            }
            final double min = figures != null ? figures.min(scenario, column) : baseline.cell(scenario, column).min();
            final double max = figures != null ? figures.max(scenario, column) : baseline.cell(scenario, column).max();
            final double x = x(i, points.size());
            final double y = y(median, lo, hi);
            path.append(path.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            svg.append(String.format(Locale.ROOT, "<line class=\"%s-whisker\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                + "stroke=\"%s\"/>", kind, x, y(min, lo, hi), x, y(max, lo, hi), colour));
            if (figures == null) {
                svg.append(String.format(Locale.ROOT, "<circle class=\"base\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" stroke=\"%s\"/>",
                    x, y, colour));
            } else {
                svg.append(String.format(Locale.ROOT, "<circle%s cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" stroke=\"%s\" "
                    + "data-cell=\"%s\" data-median=\"%s\"><title>%s</title></circle>",
                    figures.stability(scenario, column).unstable() ? " class=\"unstable\"" : "", x, y, colour, colour,
                    escape(scenario.id() + "|" + column.column()), JsonReport.number(median), escape(tooltip(figures, scenario, column))));
            }
        }
        flush(svg, path, colour, width, kind);
    }

    private static double baselineMedian(final Baseline baseline, final Scenario scenario, final Alternative column) {
        final Baseline.Cell cell = baseline.cell(scenario, column);
        return cell == null ? Double.NaN : cell.median();
    }

    private static void flush(final StringBuilder svg, final StringBuilder path, final String colour, final String width,
                              final String kind) {
        if (path.length() > 0) {
            svg.append(String.format(Locale.ROOT, "<polyline class=\"%s\" points=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>\n",
                kind, path, colour, width));
            path.setLength(0);
        }
    }

    private static double x(final int index, final int count) {
        return LEFT + (count == 1 ? PLOT_W / 2.0 : 20 + index * (PLOT_W - 40.0) / (count - 1));
    }

    private static double y(final double value, final double decadeLo, final double decadeHi) {
        final double f = (Math.log10(Math.max(1, value)) - decadeLo) / (decadeHi - decadeLo);
        return TOP + PLOT_H * (1 - f);
    }

    private static void whisker(final StringBuilder svg, final double x1, final double x2, final int y, final int cap, final String kind) {
        svg.append(String.format(Locale.ROOT, "<path class=\"%s\" d=\"M%.1f %dV%dM%.1f %dH%.1fM%.1f %dV%d\"/>", kind,
            x1, y - cap, y + cap, x1, y, x2, x2, y - cap, y + cap));
    }

    private static String tooltip(final Figures figures, final Scenario scenario, final Alternative column) {
        return tooltip(figures, Figures.cellKey(scenario, column), column.column() + ", " + scenario.title());
    }

    /** A cell's tooltip: {@code what}, its median and range; an unstable cell says so and why first. */
    private static String tooltip(final Figures figures, final String key, final String what) {
        final Stability stability = figures.stability(key);
        final double m = figures.median(key);
        return what + ": " + (stability.unstable() ? stability.verdict() + ", median " : "") + Tables.rate(m) + " objects/s ("
            + (Double.isNaN(m) ? "" : Tables.range(figures, key)) + ")";
    }

    private static double nanToZero(final double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /**
     * @param text any text.
     * @return it safe inside XML text and attribute values.
     */
    static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
