package io.mempool.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code results.json}: the settings, the machine and its noise, the targets, and per scenario and column a
 * cell: its median across forks, range (min and max, {@link Figures}), spread across forks, {@code unstable} (and {@code why},
 * {@link Stability}), and every fork with its median,
 * warm-up and measured iterations' objects/s; and, when the run had them, the pipeline scenario's two cells under
 * {@code "pipeline"} and the virtual-thread scenario's under {@code "virtualThreads"}, in the same form.
 * {@code --baseline} reads it back ({@link Baseline}). Stateless.
 */
final class JsonReport {
    private JsonReport() {
    }

    /**
     * @param figures the run's figures.
     * @param about   the settings and the machine, in order.
     * @param targets the targets' outcomes.
     * @param noise   the run's noise.
     * @return the document.
     */
    static String render(final Figures figures, final Map<String, String> about, final List<Targets.Result> targets,
                         final Noise noise) {
        final StringBuilder json = new StringBuilder("{\n  \"about\": {");
        String sep = "\n";
        for (final Map.Entry<String, String> entry : about.entrySet()) {
            json.append(sep).append("    ").append(quote(entry.getKey())).append(": ").append(quote(entry.getValue()));
            sep = ",\n";
        }
        json.append("\n  },\n  \"noise\": {\"cells\": ").append(noise.cells())
            .append(", \"medianSpread\": ").append(number(noise.medianSpread()))
            .append(", \"worstSpread\": ").append(number(noise.worstSpread()))
            .append(", \"worstCell\": ").append(quote(noise.worstCell()))
            .append(", \"withinFork\": ").append(number(noise.withinFork()))
            .append(", \"unstableCells\": ").append(noise.unstable()).append("},\n  \"targets\": [");
        sep = "\n";
        for (final Targets.Result target : targets) {
            json.append(sep).append("    {\"name\": ").append(quote(target.name()))
                .append(", \"figure\": ").append(quote(target.figure()))
                .append(", \"status\": ").append(quote(target.status().name().toLowerCase(Locale.ROOT)))
                .append(", \"verdict\": ").append(quote(target.verdict())).append('}');
            sep = ",\n";
        }
        json.append("\n  ],\n  \"unit\": \"objects/s\",\n  \"columns\": [");
        sep = "\n";
        for (final Alternative column : figures.columns()) {
            json.append(sep).append("    {\"name\": ").append(quote(column.column()))
                .append(", \"kind\": ").append(quote(column.kind().name().toLowerCase(Locale.ROOT)))
                .append(", \"label\": ").append(quote(column.label())).append('}');
            sep = ",\n";
        }
        json.append("\n  ],\n  \"scenarios\": [");
        sep = "\n";
        for (final Scenario scenario : figures.scenarios()) {
            json.append(sep).append("    {\"id\": ").append(quote(scenario.id()))
                .append(", \"title\": ").append(quote(scenario.title()))
                .append(", \"cache\": ").append(quote(scenario.cache().name().toLowerCase(Locale.ROOT)))
                .append(", \"getBulk\": ").append(scenario.getBulk())
                .append(", \"putBulk\": ").append(scenario.putBulk())
                .append(", \"nKeep\": ").append(scenario.nKeep())
                .append(", \"threads\": ").append(scenario.threads())
                .append(", \"bestPeer\": ").append(number(figures.bestPeer(scenario)))
                .append(", \"results\": {");
            String cellSep = "\n";
            for (final Alternative column : figures.columns()) {
                json.append(cellSep).append("      ").append(quote(column.column())).append(": ");
                cell(json, figures, Figures.cellKey(scenario, column), "ratioToBestPeer", figures.bestPeer(scenario));
                cellSep = ",\n";
            }
            json.append("\n    }}");
            sep = ",\n";
        }
        json.append("\n  ]");
        if (figures.hasPipeline()) {
            pipeline(json, figures);
        }
        if (figures.hasVirtualThreads()) {
            virtualThreads(json, figures);
        }
        return json.append("\n}\n").toString();
    }

    /**
     * The virtual-thread scenario: its id, title, description and shape, and a cell per column with its ratio to
     * jmempool's platform-thread figure; before JDK 21, {@code "notRun"} says why and every cell carries it as its note.
     */
    private static void virtualThreads(final StringBuilder json, final Figures figures) {
        json.append(",\n  \"virtualThreads\": {\"id\": ").append(quote(VirtualThreadRun.ID))
            .append(", \"title\": ").append(quote(VirtualThreadRun.TITLE))
            .append(", \"what\": ").append(quote(VirtualThreadRun.WHAT))
            .append(", \"threads\": ").append(VirtualThreadRun.THREADS)
            .append(", \"getBulk\": ").append(VirtualThreadRun.BULK)
            .append(", \"putBulk\": ").append(VirtualThreadRun.BULK)
            .append(", \"nKeep\": ").append(VirtualThreadRun.N_KEEP);
        final String notRun = VirtualThreadRun.notRunReason(figures.note(VirtualThreadRun.Column.RING_MP_MC.cellKey()));
        if (notRun != null) {
            json.append(", \"notRun\": ").append(quote(notRun));
        }
        json.append(", \"results\": {");
        String sep = "\n";
        for (final VirtualThreadRun.Column column : VirtualThreadRun.Column.values()) {
            json.append(sep).append("    ").append(quote(column.column())).append(": ");
            cell(json, figures, column.cellKey(), "ratioToPlatform",
                figures.median(VirtualThreadRun.Column.RING_MP_MC_PLATFORM.cellKey()));
            sep = ",\n";
        }
        json.append("\n  }}");
    }

    /**
     * The pipeline scenario: its id, title and description, and a cell per variant with its ratio to the one-JVM one; where
     * the run has bucket, a {@code "bucket"} cell without figures, whose note says why.
     */
    private static void pipeline(final StringBuilder json, final Figures figures) {
        json.append(",\n  \"pipeline\": {\"id\": ").append(quote(PipelineRun.ID))
            .append(", \"title\": ").append(quote(PipelineRun.TITLE))
            .append(", \"what\": ").append(quote(PipelineRun.WHAT))
            .append(", \"results\": {");
        String sep = "\n";
        for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
            json.append(sep).append("    ").append(quote(variant.column())).append(": ");
            cell(json, figures, variant.cellKey(), "ratioToOneJvm", figures.median(PipelineRun.Variant.ONE_JVM.cellKey()));
            sep = ",\n";
        }
        if (figures.note(PipelineRun.BUCKET_KEY) != null) {
            json.append(sep).append("    ").append(quote(Alternative.BUCKET_OPS)).append(": ");
            cell(json, figures, PipelineRun.BUCKET_KEY, "ratioToOneJvm", figures.median(PipelineRun.Variant.ONE_JVM.cellKey()));
        }
        json.append("\n  }}");
    }

    /**
     * A cell by its {@link Figures} key: median, range (min, max), spread across forks, whether it is unstable and
     * why, its median over {@code versus} as {@code ratioName}, forks (median, settled, warm-up and measured
     * iterations), note.
     */
    private static void cell(final StringBuilder json, final Figures figures, final String key, final String ratioName,
                             final double versus) {
        final double median = figures.median(key);
        final Stability stability = figures.stability(key);
        json.append("{\"median\": ").append(number(median))
            .append(", \"min\": ").append(number(figures.min(key)))
            .append(", \"max\": ").append(number(figures.max(key)))
            .append(", \"spread\": ").append(number(figures.spread(key)))
            .append(", \"unstable\": ").append(stability.unstable());
        if (stability.unstable()) {
            json.append(", \"why\": ").append(quote(stability.why()));
        }
        json
            .append(", ").append(quote(ratioName)).append(": ").append(number(median / versus))
            .append(", \"forks\": [");
        String sep = "";
        for (final Fork fork : figures.forks(key)) {
            json.append(sep).append("{\"median\": ").append(number(fork.median()))
                .append(", \"settled\": ").append(fork.settled())
                .append(", \"warmup\": ");
            numbers(json, fork.warmup());
            json.append(", \"iterations\": ");
            numbers(json, fork.measured());
            json.append('}');
            sep = ", ";
        }
        json.append(']');
        final String note = figures.note(key);
        if (note != null) {
            json.append(", \"note\": ").append(quote(note));
        }
        json.append('}');
    }

    /** Appends {@code values} as a JSON array of {@link #number}s. */
    private static void numbers(final StringBuilder json, final double[] values) {
        json.append('[');
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        json.append(']');
    }

    /**
     * @param value a figure.
     * @return it as results.json writes it (4 significant digits), or {@code null} for NaN.
     */
    static String number(final double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.4g", value);
    }

    static String quote(final String text) {
        final StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
