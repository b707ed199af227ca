package io.mempool.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
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
 * Runs one cell of the comparison through JMH's Java API: one benchmark class, one parameter set, a
 * fork of short iterations, JMH's own output to a log file. Each cell gets a fresh JVM, so the JIT's
 * profile never mixes two stores or peers.
 */
final class JmhStep {
    private JmhStep() {
    }

    /**
     * @param column   what to run.
     * @param scenario the parameters.
     * @param options  iteration counts and times, forks.
     * @param log      where JMH writes its human-readable output (replaced each step).
     * @return objects/s of every measurement iteration.
     * @throws IllegalStateException if the benchmark failed; the message names the log.
     */
    static double[] run(final Alternative column, final Scenario scenario, final CompareOptions options, final Path log) {
        final ChainedOptionsBuilder builder = new OptionsBuilder()
            .include("^" + Pattern.quote(column.benchmark().getName()) + "\\.objects$")
            .param("getBulk", String.valueOf(scenario.getBulk()))
            .param("putBulk", String.valueOf(scenario.putBulk()))
            .param("nKeep", String.valueOf(scenario.nKeep()))
            .threads(scenario.threads())
            .forks(options.forks)
            .warmupIterations(options.warmups)
            .warmupTime(TimeValue.milliseconds(options.iterationMs))
            .measurementIterations(options.iterations)
            .measurementTime(TimeValue.milliseconds(options.iterationMs))
            .shouldFailOnError(true)
            .output(log.toString());
        if (column.runsJmempool()) {
            builder.param("cache", scenario.cache().name());
        }
        column.params().forEach(builder::param);
        final List<Double> scores = new ArrayList<>();
        try {
            for (final RunResult result : new Runner(builder.build()).run()) {
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
