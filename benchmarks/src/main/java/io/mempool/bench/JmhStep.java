package io.mempool.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs one fork of a cell through JMH's Java API: one benchmark class, one parameter set, one JVM of short
 * iterations, all JMH measurement iterations for {@link WarmUp} to split into warm-up and measured, JMH's own
 * output to a log file. Each fork is a fresh JVM, so the JIT's profile never mixes two
 * stores or peers, and a cell's forks sample the JIT's choices independently. Not thread-safe (one JMH run at a time).
 */
final class JmhStep {
    private JmhStep() {
    }

    /**
     * @param column   what to run.
     * @param scenario the parameters.
     * @param options  iteration counts and times; {@code forks == 0} runs in this JVM.
     * @param log      where JMH writes its human-readable output (replaced each step).
     * @return objects/s of every iteration, warm-up included, {@link CompareOptions#forkIterations()} of them.
     * @throws IllegalStateException if the benchmark failed; the message names the log.
     */
    static double[] run(final Alternative column, final Scenario scenario, final CompareOptions options, final Path log) {
        final Options jmh = options(column, scenario, options, log);
        final List<Double> scores = new ArrayList<>();
        try {
            for (final RunResult result : new Runner(jmh).run()) {
                for (final BenchmarkResult benchmark : result.getBenchmarkResults()) {
                    for (final IterationResult iteration : benchmark.getIterationResults()) {
                        scores.add(iteration.getPrimaryResult().getScore());
                    }
                }
            }
        } catch (final RunnerException ex) {
            throw failed(column, scenario, log, ex);
        }
        if (scores.isEmpty()) {
            throw failed(column, scenario, log, null);
        }
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * @param column   what to run.
     * @param scenario the parameters.
     * @param options  iteration counts and times; {@code forks == 0} runs in this JVM.
     * @param log      where JMH writes its human-readable output.
     * @return JMH's options for one fork of the cell: the row's and the column's parameters, the column's JVM
     *     arguments before the benchmark's own.
     */
    static Options options(final Alternative column, final Scenario scenario, final CompareOptions options, final Path log) {
        final ChainedOptionsBuilder builder = new OptionsBuilder()
            .include("^" + Pattern.quote(column.benchmark().getName()) + "\\.objects$")
            .param("getBulk", String.valueOf(scenario.getBulk()))
            .param("putBulk", String.valueOf(scenario.putBulk()))
            .param("nKeep", String.valueOf(scenario.nKeep()))
            .threads(scenario.threads())
            .forks(Math.min(1, options.forks))
            .warmupIterations(0)
            .measurementIterations(options.forkIterations())
            .measurementTime(TimeValue.milliseconds(options.iterationMs))
            .shouldFailOnError(true)
            .output(log.toString());
        if (column.runsJmempool()) {
            builder.param("cache", scenario.cache().name());
        }
        column.params().forEach(builder::param);
        if (!column.jvmArgs().isEmpty()) { // prepended: the benchmark's own @Fork(jvmArgsAppend) stays
            builder.jvmArgsPrepend(column.jvmArgs().toArray(new String[0]));
        }
        return builder.build();
    }

    /** Keeps the failed step's JMH output beside the log, which the next step replaces. */
    private static IllegalStateException failed(final Alternative column, final Scenario scenario, final Path log,
                                                final Exception cause) {
        final Path kept = log.resolveSibling("failed-" + scenario.id() + "-" + column.column() + ".log");
        try {
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException ex) {
            return new IllegalStateException(column.column() + " failed in " + scenario.id() + " (no log: " + ex + ")", cause);
        }
        return new IllegalStateException(column.column() + " failed in " + scenario.id() + ": see " + kept, cause);
    }
}
