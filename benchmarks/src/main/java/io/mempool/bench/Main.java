package io.mempool.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The command line of {@code benchmarks.jar}: {@code compare} (the README's main command), {@code list}
 * (every ops name found), {@code trace} (one fork's speed over time, {@link SpeedTrace}), or JMH's own command line for anything else ({@code java -jar benchmarks.jar
 * MempoolPerf -p ops=stack ...}).
 */
public final class Main {
    private Main() {
    }

    /**
     * @param args {@code compare [options]}, {@code list}, {@code trace [options]}, {@code help}, or JMH's arguments.
     * @throws Exception from JMH's own command line.
     */
    public static void main(final String[] args) throws Exception {
        if (args.length > 0 && !isCommand(args[0])) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        final int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    private static boolean isCommand(final String arg) {
        return arg.equals("compare") || arg.equals("list") || arg.equals("trace") || arg.equals("help") || arg.equals("--help");
    }

    /**
     * Runs {@code compare}, {@code list}, {@code trace} or {@code help}.
     *
     * @param args the command and its arguments.
     * @param out  progress, tables, lists.
     * @param err  usage errors.
     * @return the exit code: 0, 1 if a cell of the comparison failed, 2 for a usage error.
     * @throws IOException if the reports cannot be written.
     */
    static int run(final String[] args, final PrintStream out, final PrintStream err) throws IOException {
        final String command = args.length == 0 ? "help" : args[0];
        try {
            switch (command) {
                case "list" -> {
                    OpsList.print(out);
                    return 0;
                }
                case "trace" -> {
                    return SpeedTrace.run(SpeedTrace.Options.parse(Arrays.copyOfRange(args, 1, args.length)), out);
                }
                case "compare" -> {
                    final CompareOptions options = CompareOptions.parse(Arrays.copyOfRange(args, 1, args.length));
                    return Compare.run(options, targetDir(), out);
                }
                default -> {
                    out.println("usage: java -jar benchmarks.jar compare|list|trace|help|<JMH arguments>");
                    out.println(CompareOptions.USAGE);
                    out.println(SpeedTrace.Options.USAGE);
                    return 0;
                }
            }
        } catch (final IllegalArgumentException ex) {
            err.println(ex.getMessage());
            err.println("trace".equals(command) ? SpeedTrace.Options.USAGE : CompareOptions.USAGE);
            return 2;
        }
    }

    /** {@code benchmarks/target}: the directory holding this jar, or holding the class directory. */
    static Path targetDir() {
        try {
            final Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent();
        } catch (final URISyntaxException ex) {
            throw new IllegalStateException("cannot locate benchmarks.jar", ex);
        }
    }
}
