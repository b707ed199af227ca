package io.mempool.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code benchmarks.jar trace}: one fork's speed over time. Runs {@link SpeedTraceMain} in {@code jvms} child JVMs,
 * one after another, and prints a line per JVM with the median objects/s of each second, a second in which the JIT
 * compiled anything marked {@code *}. It shows whether a cell's fast and slow forks are two compilations or one
 * machine at two speeds: the same unmarked code changing speed mid-run is the machine (README, "How").
 *
 * <p>Not thread-safe: one run at a time.
 */
final class SpeedTrace {
    /** Beyond the seconds asked for: a child's start-up and close. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private SpeedTrace() {
    }

    /** What to run: objects per get and put, seconds per JVM, JVMs. */
    record Options(int bulk, int seconds, int jvms) {
        static final String USAGE = "usage: trace [--bulk N (1..128, dividing 128; default 1)] [--seconds N (default 15)]"
            + " [--jvms N (default 6)]";

        /**
         * @param args the command's arguments.
         * @return the options.
         * @throws IllegalArgumentException naming the bad argument and what is allowed.
         */
        static Options parse(final String[] args) {
            int bulk = 1;
            int seconds = 15;
            int jvms = 6;
            for (int i = 0; i < args.length; i++) {
                final String arg = args[i];
                switch (arg) {
                    case "--bulk" -> bulk = number(args, ++i, arg, 1, 128);
                    case "--seconds" -> seconds = number(args, ++i, arg, 1, 3600);
                    case "--jvms" -> jvms = number(args, ++i, arg, 1, 100);
                    default -> throw new IllegalArgumentException("trace: unknown argument " + arg);
                }
            }
            if (Rounds.skipReason(128, bulk, bulk) != null) {
                throw new IllegalArgumentException("--bulk: " + bulk + " (expected: 1..128, dividing 128)");
            }
            return new Options(bulk, seconds, jvms);
        }

        private static int number(final String[] args, final int at, final String name, final int min, final int max) {
            final String value = at < args.length ? args[at] : "(none)";
            try {
                final int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (final NumberFormatException ignored) {
                // reported below, with the range
            }
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }

    /**
     * @param options what to run.
     * @param out     a line per JVM as each ends.
     * @return 0, or 1 if a child failed (its output is printed).
     */
    static int run(final Options options, final PrintStream out) {
        out.printf(Locale.ROOT, "trace: ring_mp_mc, cache 512, bulk %d, n_keep 128, 1 thread; %d JVMs of %d s, one after"
            + " another; M objects/s, each second's median; * = the JIT compiled during that second%n",
            options.bulk(), options.jvms(), options.seconds());
        for (int j = 1; j <= options.jvms(); j++) {
            try {
                out.printf(Locale.ROOT, "jvm %d:%s%n", j, line(trace(options)));
            } catch (final IllegalStateException ex) {
                out.println("jvm " + j + " failed: " + ex.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /** @return each second's {@code second <k> <objects/s> <jit ms>} line, in order. */
    private static List<String> trace(final Options options) {
        try (ChildJvm child = ChildJvm.start(List.of(PoolPerf.ADD_EXPORTS), SpeedTraceMain.class,
            String.valueOf(options.bulk()), List.of(String.valueOf(options.seconds())))) {
            final List<String> seconds = new ArrayList<>();
            final long patience = TimeUnit.SECONDS.toNanos(options.seconds()) + PATIENCE_NANOS;
            for (int s = 0; s < options.seconds(); s++) {
                seconds.add(child.await("second", patience));
            }
            child.await("done", PATIENCE_NANOS);
            child.awaitExit();
            return seconds;
        } catch (final IOException ex) {
            throw new IllegalStateException("cannot start a JVM: " + ex.getMessage(), ex);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    /** @return {@code " 284 286* ..."}: each second's M objects/s, starred where the JIT compiled. */
    static String line(final List<String> seconds) {
        final StringBuilder sb = new StringBuilder();
        for (final String second : seconds) {
            final String[] words = second.split(" ");
            sb.append(' ').append(Math.round(Double.parseDouble(words[2]) / 1e6)).append(Long.parseLong(words[3]) > 0 ? "*" : "");
        }
        return sb.toString();
    }
}
