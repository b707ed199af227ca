package io.mempool.bench;

import java.util.Locale;
import java.util.Map;

/**
 * {@code index.html}: one horizontal bar chart per scenario as inline SVG (no script, no network), bars
 * coloured by kind, each labelled with its median objects/s and ratio to the best peer.
 */
final class HtmlReport {
    private static final int LABEL_WIDTH = 150;
    private static final int BAR_WIDTH = 520;
    private static final int ROW = 22;

    private HtmlReport() {
    }

    static String render(final Figures figures, final Map<String, String> about) {
        final StringBuilder html = new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>jmempool compare</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:60em}svg{display:block;margin-bottom:1.5em}"
                + "text{font-size:12px}td,th{padding:0 1em 0 0;text-align:left}"
                + ".jmempool{fill:#2f6fb0}.peer{fill:#999}.dpdk{fill:#e08a1e}</style></head><body>\n"
                + "<h1>jmempool compare</h1>\n<p>Objects per second (one object got and put back), the median of "
                + "short measurement iterations; the ratio is to the row's best Java peer. Blue: jmempool ops; "
                + "grey: Java peers; orange: DPDK.</p>\n<table>");
        for (final Map.Entry<String, String> entry : about.entrySet()) {
            html.append("<tr><th>").append(escape(entry.getKey())).append("</th><td>").append(escape(entry.getValue()))
                .append("</td></tr>");
        }
        html.append("</table>\n");
        for (final Scenario scenario : figures.scenarios()) {
            chart(html, figures, scenario);
        }
        html.append("<h2>Columns</h2>\n<table>");
        for (final Alternative column : figures.columns()) {
            html.append("<tr><th>").append(escape(column.column())).append("</th><td>").append(escape(column.label()))
                .append("</td></tr>");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static void chart(final StringBuilder html, final Figures figures, final Scenario scenario) {
        double max = 0;
        for (final Alternative column : figures.columns()) {
            final double m = figures.median(scenario, column);
            if (!Double.isNaN(m)) {
                max = Math.max(max, m);
            }
        }
        final double best = figures.bestPeer(scenario);
        final int height = ROW * figures.columns().size() + 4;
        html.append("<h2>").append(escape(scenario.title())).append("</h2>\n")
            .append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">\n",
                LABEL_WIDTH + BAR_WIDTH + 170, height, escape(scenario.id())));
        int y = 2;
        for (final Alternative column : figures.columns()) {
            final double m = figures.median(scenario, column);
            html.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 15, escape(column.column())));
            if (Double.isNaN(m)) {
                final String note = figures.note(scenario, column);
                html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#777\">%s</text>\n",
                    LABEL_WIDTH, y + 15, escape(note == null ? "not run" : note)));
            } else {
                final double width = max > 0 ? Math.max(1, BAR_WIDTH * m / max) : 1;
                html.append(String.format(Locale.ROOT,
                    "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>"
                        + "<text x=\"%.1f\" y=\"%d\">%s  %s</text>\n",
                    column.kind().name().toLowerCase(Locale.ROOT), LABEL_WIDTH, y + 2, width, ROW - 6,
                    LABEL_WIDTH + width + 6, y + 15, Tables.rate(m), Tables.ratio(m, best)));
            }
            y += ROW;
        }
        html.append("</svg>\n");
    }

    private static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
