package io.mempool.bench;

import io.mempool.core.MempoolOpsRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code compare} command: every scenario against every ops name found, every peer and DPDK (ring_mp_mc, and
 * its bucket driver beside jmempool's bucket), each cell in several short JMH forks ({@link CompareOptions#forksOf}),
 * each fork measured once warm ({@link WarmUp}). Forks are interleaved: a pass runs one fork of every cell (every
 * column of a row before the next row) before the next pass, so a noisy stretch of the machine hits one fork of many
 * cells rather than every fork of one; at the end of each round the pipeline scenario ({@link PipelineRun}); then the
 * table, {@code results.json} and {@code index.html}. Not thread-safe.
 */
final class Compare {
    /** A JVM's start, JMH's handshake and the trial setup, per fork, for the time estimate. */
    private static final double FORK_OVERHEAD_S = 1.0;

    private Compare() {
    }

    /**
     * One step of the run: a fork of a cell of the grid (scenario and column), a fork of a cell of the virtual-thread
     * scenario (virtual), or the pipeline scenario (none of them).
     */
    private record Step(int round, int fork, Scenario scenario, Alternative column, VirtualThreadRun.Column virtual) {
        static Step pipeline(final int round) {
            return new Step(round, 0, null, null, null);
        }

        boolean isPipeline() {
            return scenario == null && virtual == null;
        }

        /** @return the cell's key in {@link Figures}; null for the pipeline. */
        String key() {
            return virtual != null ? virtual.cellKey() : isPipeline() ? null : Figures.cellKey(scenario, column);
        }

        /** @return the scenario's id, for the progress line. */
        String id() {
            return virtual != null ? VirtualThreadRun.ID : isPipeline() ? PipelineRun.ID : scenario.id();
        }

        /** @return the column's name, for the progress line. */
        String columnName() {
            return virtual != null ? virtual.column() : isPipeline() ? PipelineRun.PROGRESS_COLUMNS : column.column();
        }

        /** @return what kind of cell it forks (how many forks it has); null for the pipeline. */
        Alternative.Kind kind() {
            return virtual != null ? virtual.kind() : isPipeline() ? null : column.kind();
        }
    }

    /**
     * @param options   the settings.
     * @param targetDir where the DPDK harness is built ({@code benchmarks/target}).
     * @param out       where progress and the table go.
     * @return 0, or 1 if any cell failed (the others still ran and were written).
     * @throws IOException if the reports cannot be written.
     */
    static int run(final CompareOptions options, final Path targetDir, final PrintStream out) throws IOException {
        final List<Alternative> columns = columns(options);
        final Baseline baseline = options.baseline == null ? null : Baseline.load(options.baseline);
        final Path outDir = Files.createDirectories(options.out != null ? options.out : targetDir.resolve("compare"));
        final DpdkHarness dpdk = options.dpdk ? DpdkHarness.prepare(targetDir) : DpdkHarness.off("--dpdk off");
        if (dpdk.unavailable() != null) {
            out.println("DPDK columns off: " + dpdk.unavailable());
        } else {
            for (final Alternative column : columns) {
                if (column.kind() == Alternative.Kind.DPDK && dpdk.load(column.dpdkOps()) != null) {
                    out.println(column.column() + " column off: " + dpdk.unavailable(column));
                }
            }
        }
        final Figures figures = new Figures(options.scenarios, columns);
        if (options.pipeline && columns.contains(Alternative.ofOps(Alternative.BUCKET_OPS))) {
            figures.note(PipelineRun.BUCKET_KEY, PipelineRun.bucketNote());
        }
        // Another JMH run on the machine holds /tmp/jmh.lock; its load is noise, which the page reports, not an error.
        System.setProperty("jmh.ignoreLock", "true");
        final List<Step> steps = plan(options, columns, dpdk, figures);
        final double forkSeconds = seconds(options.forkIterations(), options);
        double seconds = 0;
        for (final Step step : steps) {
            seconds += step.isPipeline() ? PipelineRun.estimateSeconds(pipelineWarmups(options), options.iterations, options.iterationMs)
                : forkSeconds + (step.virtual() != null ? VirtualThreadRun.OVERHEAD_S : FORK_OVERHEAD_S);
        }
        out.printf(Locale.ROOT, "compare (%s): %d scenarios x %d columns%s%s, %d steps, about %.0f s%n", options.mode,
            options.scenarios.size(), columns.size(), options.virtualThreads ? ", " + VirtualThreadRun.ID : "",
            options.pipeline ? " and " + PipelineRun.ID : "", steps.size(), seconds);
        out.printf(Locale.ROOT, "  a fork: %s; %.1f s of iterations and ~%.0f s to start a JVM; %s%n", forkShape(options),
            forkSeconds, FORK_OVERHEAD_S, forkCounts(options, steps));
        final Map<String, String> about = about(options, dpdk, figures);
        final Path log = outDir.resolve("jmh-last-step.log");
        final long runStart = System.nanoTime();
        final List<Fork> ran = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < steps.size(); i++) {
            final Step step = steps.get(i);
            final long start = System.nanoTime();
            String shown;
            try {
                if (step.isPipeline()) {
                    shown = pipeline(options, figures);
                } else {
                    final double[] iterations = step.virtual() != null
                        ? VirtualThreadRun.fork(step.virtual(), options.forkIterations(), options.iterationMs, targetDir)
                        : step.column().kind() == Alternative.Kind.DPDK ? dpdk.run(step.scenario(), step.column(), options)
                        : JmhStep.run(step.column(), step.scenario(), options, log);
                    final Fork fork = WarmUp.settle(iterations, options.floorIterations(), options.iterations);
                    figures.add(step.key(), fork);
                    ran.add(fork);
                    shown = String.format(Locale.ROOT, "%-8s %s %.1f s", Tables.rate(fork.median()),
                        fork.settled() ? "warm after" : "NOT SETTLED in", seconds(fork.warmup().length, options));
                }
            } catch (final RuntimeException ex) {
                failures++;
                if (step.isPipeline()) {
                    for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
                        figures.note(variant.cellKey(), "failed: " + ex.getMessage());
                    }
                } else {
                    figures.note(step.key(), "failed: " + ex.getMessage());
                }
                shown = "FAILED: " + ex.getMessage();
            }
            out.printf(Locale.ROOT, "[%3d/%d] %s%-26s %-20s %-8s %s (%.1f s)%n", i + 1, steps.size(),
                options.rounds > 1 ? "round " + (step.round() + 1) + " " : "",
                step.id(), step.columnName(), step.isPipeline() || options.forksOf(step.kind()) == 1 ? ""
                    : "fork " + (step.fork() + 1) + "/" + options.forksOf(step.kind()),
                shown, (System.nanoTime() - start) / 1e9);
        }
        final String took = took(options, ran, System.nanoTime() - runStart);
        about.put("took", took);
        about.put("load average at end", loadAverage());
        final List<Targets.Result> targets = Targets.evaluate(figures);
        final Noise noise = Noise.of(figures);
        if (baseline != null) {
            about.put("baseline", baseline.label());
        }
        Tables.print(figures, targets, noise, baseline, out);
        final Path json = outDir.resolve("results.json");
        final Path html = outDir.resolve("index.html");
        Files.writeString(json, JsonReport.render(figures, about, targets, noise), StandardCharsets.UTF_8);
        Files.writeString(html, HtmlReport.render(figures, about, targets, noise, baseline), StandardCharsets.UTF_8);
        out.println();
        out.println("took " + took);
        out.println("wrote " + json);
        out.println("wrote " + html);
        return failures == 0 ? 0 : 1;
    }

    private static List<Alternative> columns(final CompareOptions options) {
        final Set<String> registered = MempoolOpsRegistry.names();
        final List<Alternative> columns = new ArrayList<>();
        for (final String ops : options.ops == null ? registered : options.ops) {
            if (!registered.contains(ops)) {
                throw new IllegalArgumentException("ops: " + ops + " (expected: one of " + registered + ")");
            }
            columns.add(Alternative.ofOps(ops));
            if (ops.equals(Alternative.DPDK_OPS)) {
                columns.add(Alternative.UNCHECKED);
            }
            if (Alternative.dpdkBeside(ops) != null) {
                columns.add(Alternative.dpdkBeside(ops));
            }
        }
        if (columns.stream().anyMatch(c -> c.column().equals(Alternative.DPDK_OPS))) {
            columns.add(Alternative.SINGLE);
        }
        columns.add(Alternative.FLOOR);
        for (final Alternative peer : Alternative.PEERS) {
            if (options.peers.contains(peer.column())) {
                columns.add(peer);
            }
        }
        columns.add(Alternative.DPDK);
        return columns;
    }

    /**
     * Every fork of every cell of every round, in run order: per round, a pass per fork, each pass one fork of every
     * cell that has that many (the grid's, then the virtual-thread scenario's), then the pipeline; cells that will not
     * run get a note instead.
     */
    private static List<Step> plan(final CompareOptions options, final List<Alternative> columns, final DpdkHarness dpdk,
                                   final Figures figures) {
        final int passes = columns.stream().mapToInt(c -> options.forksOf(c.kind())).max().orElse(1);
        final List<VirtualThreadRun.Column> virtual = virtualColumns(options, columns, figures);
        final List<Step> steps = new ArrayList<>();
        for (int round = 0; round < options.rounds; round++) {
            for (int fork = 0; fork < passes; fork++) {
                final Set<String> cellsDone = new HashSet<>();
                for (final Scenario scenario : options.scenarios) {
                    for (final Alternative column : columns) {
                        final String skip = column.skipReason(scenario);
                        if (skip != null) {
                            figures.note(scenario, column, skip);
                        } else if (column.kind() == Alternative.Kind.DPDK && dpdk.unavailable(column) != null) {
                            figures.note(scenario, column, dpdk.unavailable(column));
                        } else if (fork < options.forksOf(column.kind()) && cellsDone.add(Figures.cellKey(scenario, column))) {
                            steps.add(new Step(round, fork, scenario, column, null));
                        }
                    }
                }
                for (final VirtualThreadRun.Column column : virtual) {
                    if (fork < options.forksOf(column.kind())) {
                        steps.add(new Step(round, fork, null, null, column));
                    }
                }
            }
            if (options.pipeline) {
                steps.add(Step.pipeline(round));
            }
        }
        return steps;
    }

    /**
     * @return the virtual-thread scenario's columns this run forks: its jmempool ones where their ops is among the run's,
     *     its peers where picked; none where the scenario is not in the run, or (noted on every cell) before JDK 21.
     */
    private static List<VirtualThreadRun.Column> virtualColumns(final CompareOptions options, final List<Alternative> columns,
                                                                final Figures figures) {
        if (!options.virtualThreads) {
            return List.of();
        }
        final String unavailable = VirtualThreadRun.unavailable();
        final List<VirtualThreadRun.Column> picked = new ArrayList<>();
        for (final VirtualThreadRun.Column column : VirtualThreadRun.Column.values()) {
            if (unavailable != null) {
                figures.note(column.cellKey(), VirtualThreadRun.notRun(unavailable));
            } else if (column.kind() == Alternative.Kind.PEER ? options.peers.contains(column.column())
                : columns.contains(Alternative.ofOps(column.ops()))) {
                picked.add(column);
            }
        }
        return picked;
    }

    /** @return {@code iterations} of the run's length in seconds. */
    private static double seconds(final int iterations, final CompareOptions options) {
        return iterations * options.iterationMs / 1000.0;
    }

    /** @return what the run took and what its forks' warm-ups cost, e.g. {@code 371 s; 130 forks, warm after a median 0.5 s ...}. */
    private static String took(final CompareOptions options, final List<Fork> ran, final long nanos) {
        final double[] warmups = ran.stream().mapToDouble(f -> seconds(f.warmup().length, options)).toArray();
        return String.format(Locale.ROOT, "%.0f s; %d forks, warm after a median %.1f s (at least %.1f s), %d not settled in %.1f s",
            nanos / 1e9, ran.size(), Fork.median(warmups), seconds(options.floorIterations(), options),
            ran.stream().filter(f -> !f.settled()).count(), seconds(options.maxWarmupIterations(), options));
    }

    /**
     * @return a fork's shape, e.g. {@code warm-up 0.5..1.2 s (until the medians of 3 iterations before and after agree
     *     within 10%), then >= 5 x 100 ms measured}.
     */
    private static String forkShape(final CompareOptions options) {
        return String.format(Locale.ROOT, "warm-up %.1f..%.1f s (until the medians of %d iterations before and after agree "
            + "within %.0f%%), then >= %d x %d ms measured",
            seconds(options.floorIterations(), options), seconds(options.maxWarmupIterations(), options),
            Math.min(WarmUp.AGREEING, options.iterations), 100 * WarmUp.AGREEMENT, options.iterations, options.iterationMs);
    }

    /** @return how many forks of which columns the steps hold, e.g. {@code 94 forks of jmempool, floor and DPDK cells (2 each), 36 of peers (1 each)}. */
    private static String forkCounts(final CompareOptions options, final List<Step> steps) {
        final long peers = steps.stream().filter(s -> s.kind() == Alternative.Kind.PEER).count();
        final long others = steps.stream().filter(s -> !s.isPipeline()).count() - peers;
        return String.format(Locale.ROOT, "%d forks of jmempool, floor and DPDK cells (%d each), %d of peers (%d each)",
            others, options.forksOf(Alternative.Kind.JMEMPOOL), peers, options.forksOf(Alternative.Kind.PEER));
    }

    /**
     * Runs the pipeline scenario once (a round's worth of iterations, added to the figures).
     *
     * @return the progress line's figures, e.g. {@code 0.82x (28.1M vs 34.2M)}.
     * @throws IllegalStateException if it failed; the message says why.
     */
    private static String pipeline(final CompareOptions options, final Figures figures) {
        final Map<PipelineRun.Variant, double[]> scores;
        try {
            scores = PipelineRun.run(pipelineWarmups(options), options.iterations,
                options.iterationMs, PipelineRun.defaultRoot());
        } catch (final IOException ex) {
            throw new IllegalStateException("runtime directory: " + ex.getMessage(), ex);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        scores.forEach((variant, rates) -> figures.add(variant.cellKey(), Fork.of(rates)));
        return PipelineRun.twoOverOne(figures);
    }

    /** @return the pipeline's warm-up iterations: the forks' floor, or the pipeline's own least. */
    private static int pipelineWarmups(final CompareOptions options) {
        return PipelineRun.warmups(options.floorIterations(), options.iterationMs);
    }

    private static Map<String, String> about(final CompareOptions options, final DpdkHarness dpdk, final Figures figures) {
        final Map<String, String> about = new LinkedHashMap<>();
        about.put("date", Instant.now().toString());
        about.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        about.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        about.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        about.put("load average at start", loadAverage());
        about.put("mode", options.mode);
        about.put("per cell", String.format(Locale.ROOT, "%d fork(s) per jmempool, floor and DPDK cell, %d per peer, %d round(s); "
            + "the figure is the median of the forks' medians", options.forksOf(Alternative.Kind.JMEMPOOL),
            options.forksOf(Alternative.Kind.PEER), options.rounds));
        about.put("per fork", forkShape(options));
        about.put("driver", "JMH " + (options.forks == 0 ? "in this JVM" : "forks") + " through org.openjdk.jmh.runner.Runner");
        if (options.pipeline) {
            about.put(PipelineRun.ID, String.format(Locale.ROOT, "3 child JVMs (producer, consumer; both in one), not JMH; "
                + "the variants alternate, %d warmup + %d measurement iterations of %d ms each, %d round(s)",
                pipelineWarmups(options), options.iterations, options.iterationMs, options.rounds));
        }
        if (options.virtualThreads) {
            final String unavailable = VirtualThreadRun.unavailable();
            about.put(VirtualThreadRun.ID, unavailable != null ? VirtualThreadRun.notRun(unavailable) : String.format(Locale.ROOT,
                "%d virtual threads (the platform row: %d platform threads), a child JVM per fork, not JMH; forks and warm-up "
                    + "as the grid's cells", VirtualThreadRun.THREADS, Runtime.getRuntime().availableProcessors()));
        }
        for (final Alternative column : figures.columns()) {
            if (column.kind() == Alternative.Kind.DPDK) {
                final String off = dpdk.unavailable(column);
                about.put(column.column(), off != null ? off : "C harness on rte_mempool, " + column.dpdkOps()
                    + (column.dpdkOps().equals(Alternative.DPDK_OPS) ? "" : " (an external heap of 2 MiB pages: the layout of hugepages)"));
            }
        }
        return about;
    }

    private static String loadAverage() {
        final double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }
}
