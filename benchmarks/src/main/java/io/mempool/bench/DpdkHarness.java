package io.mempool.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The DPDK columns: our own C harness ({@code src/main/c/mempool_perf.c}, shipped in the jar) built with
 * gcc against the installed libdpdk and run as a normal process without hugepages, on lcores
 * {@code 0..threads-1}. It runs the same loop on {@code rte_mempool} (ring_mp_mc, or another driver such as
 * bucket) and prints objects/s per iteration. A driver that is not registered is loaded with EAL's {@code -d}
 * from libdpdk's library directory ({@link #load}). Why a column is off reads {@code short reason: detail}.
 * Not thread-safe.
 */
final class DpdkHarness {
    /** How to get the column where libdpdk is missing. */
    static final String HOW_TO = "install DPDK (Debian/Ubuntu: apt-get install dpdk-dev pkg-config gcc) and re-run";
    /** The short reason when pkg-config finds no libdpdk. */
    static final String MISSING = "libdpdk missing";
    /** The harness's exit code, with a {@code NO_OPS} line, where the ops is not a registered driver. */
    static final int NO_OPS_EXIT = 3;
    private static final String SOURCE = "mempool_perf.c";
    /**
     * No hugepages, no devices, no shared config; a file prefix of this JVM's own, so two runs on one machine
     * (two developers) do not meet in /var/run/dpdk.
     */
    private static final List<String> EAL_ARGS = List.of("--no-huge", "-m", "512", "--no-pci", "--no-shconf",
        "--file-prefix", "jmempool" + ProcessHandle.current().pid(), "--log-level", "lib.eal:error", "--no-telemetry");

    private final Path binary;
    private final String unavailable;
    /** Per ops that {@link #load} found usable, the EAL arguments that load its driver (none where built in). */
    private final Map<String, List<String>> driverArgs = new HashMap<>(Map.of(Alternative.DPDK_OPS, List.of()));
    /** Per ops that {@link #load} found missing, why. */
    private final Map<String, String> missingDrivers = new HashMap<>();

    private DpdkHarness(final Path binary, final String unavailable) {
        this.binary = binary;
        this.unavailable = unavailable;
    }

    /**
     * @param why why the column is off.
     * @return a harness that runs nothing.
     */
    static DpdkHarness off(final String why) {
        return new DpdkHarness(null, why);
    }

    /**
     * Builds the harness into {@code buildDir} if libdpdk is installed (and the binary is missing or older
     * than the source).
     *
     * @param buildDir where the binary goes.
     * @return the harness; {@link #unavailable()} says why not if it cannot run.
     */
    static DpdkHarness prepare(final Path buildDir) {
        try {
            if (exec(List.of("pkg-config", "--exists", "libdpdk"), 30).exitCode != 0) {
                return off(MISSING + ": pkg-config finds no libdpdk; " + HOW_TO);
            }
            final Path dir = Files.createDirectories(buildDir);
            final Path source = dir.resolve(SOURCE);
            try (InputStream in = DpdkHarness.class.getResourceAsStream("/c/" + SOURCE)) {
                if (in == null) {
                    return off("no harness source: the jar has no c/" + SOURCE);
                }
                final byte[] text = in.readAllBytes();
                if (!Files.exists(source) || !Arrays.equals(Files.readAllBytes(source), text)) {
                    Files.write(source, text);
                }
            }
            final Path binary = dir.resolve("mempool_perf");
            if (!Files.exists(binary) || Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) < 0) {
                final String flags = exec(List.of("pkg-config", "--cflags", "--libs", "libdpdk"), 30).output.trim();
                final List<String> cc = new ArrayList<>(List.of("gcc", "-O3", "-march=native", "-o", binary.toString(),
                    source.toString()));
                cc.addAll(List.of(flags.split("\\s+")));
                final Result built = exec(cc, 300);
                if (built.exitCode != 0) {
                    return off("gcc failed: exit " + built.exitCode + ", " + built.output.strip());
                }
            }
            return at(binary);
        } catch (final IOException ex) {
            return off("harness not built: " + ex.getMessage());
        }
    }

    /**
     * @param binary a built harness.
     * @return a harness that runs it; {@link #prepare} builds one.
     */
    static DpdkHarness at(final Path binary) {
        return new DpdkHarness(binary, null);
    }

    /** @return why every DPDK column is off ({@code short reason: detail}), or null if the harness runs. */
    String unavailable() {
        return unavailable;
    }

    /**
     * @param column a DPDK column.
     * @return why it is off: the harness's reason, or its driver's once {@link #load} found it missing; null if it runs.
     */
    String unavailable(final Alternative column) {
        return unavailable != null ? unavailable : missingDrivers.get(column.dpdkOps());
    }

    /**
     * Finds how this DPDK makes a pool on {@code ops}: the harness asks EAL whether the driver is registered (the
     * shared-library drivers in libdpdk's driver directory load at start-up), and if not, asks again with the
     * driver's library loaded by {@code -d}, which {@link #run} then passes too.
     *
     * @param ops a mempool driver's name, e.g. {@code bucket}.
     * @return why it cannot ({@code DPDK here has no bucket driver: ...}), also kept for {@link #unavailable(Alternative)};
     *     null if it can.
     */
    String load(final String ops) {
        if (unavailable != null) {
            return unavailable;
        }
        if (driverArgs.containsKey(ops) || missingDrivers.containsKey(ops)) { // found out once per run
            return missingDrivers.get(ops);
        }
        try {
            return load(ops, Path.of(exec(List.of("pkg-config", "--variable=libdir", "libdpdk"), 30).output.strip()));
        } catch (final IOException ex) {
            missingDrivers.put(ops, noDriver(ops, "pkg-config: " + ex.getMessage()));
            return missingDrivers.get(ops);
        }
    }

    /**
     * {@link #load(String)} with the driver's library looked for under {@code libdir}.
     *
     * @param ops    a mempool driver's name.
     * @param libdir libdpdk's library directory.
     * @return why it cannot; null if it can.
     */
    String load(final String ops, final Path libdir) {
        if (!driverArgs.containsKey(ops) && !missingDrivers.containsKey(ops)) {
            try {
                final String why = probe(List.of(), ops);
                if (why != null) {
                    final Path library = driverLibrary(libdir, ops);
                    final String loaded = library == null ? "no " + libraryName(ops) + " under " + libdir
                        : probe(List.of("-d", library.toString()), ops);
                    if (loaded != null) {
                        missingDrivers.put(ops, noDriver(ops, why + (library == null ? "; " : "; with -d " + library + ": ") + loaded));
                    }
                }
            } catch (final IOException ex) {
                missingDrivers.put(ops, noDriver(ops, ex.getMessage()));
            }
        }
        return missingDrivers.get(ops);
    }

    /**
     * Asks the harness whether EAL, given the arguments {@code load}, has the driver; keeps them for it if so.
     *
     * @return why not (the harness's {@code NO_OPS} line, or its failure), or null.
     */
    private String probe(final List<String> load, final String ops) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(EAL_ARGS);
        command.addAll(load);
        command.addAll(List.of("-l", "0", "--", "ops", ops));
        final Result result = exec(command, 60);
        if (result.exitCode == 0) {
            driverArgs.put(ops, load);
            return null;
        }
        return result.exitCode == NO_OPS_EXIT ? noOps(result.output) : "exit " + result.exitCode + ", " + result.output.strip();
    }

    /**
     * @param ops a driver's name.
     * @param why why it is not there.
     * @return the note of its column's cells, e.g. {@code DPDK here has no bucket driver: ...}.
     */
    static String noDriver(final String ops, final String why) {
        return "DPDK here has no " + ops + " driver: " + why;
    }

    /**
     * @param output the harness's output.
     * @return its {@code NO_OPS} line's text after the tag, e.g. {@code bucket: not registered; registered: ring_mp_mc ...};
     *     the whole output, stripped, where it has none.
     */
    static String noOps(final String output) {
        for (final String line : output.split("\n")) {
            if (line.startsWith("NO_OPS ")) {
                return line.substring("NO_OPS ".length()).strip();
            }
        }
        return output.strip();
    }

    /**
     * @param libdir libdpdk's library directory ({@code pkg-config --variable=libdir libdpdk}).
     * @param ops    a driver's name.
     * @return its shared library: in a driver directory ({@code dpdk/pmds-*}, where EAL looks at start-up), else
     *     beside libdpdk; null if neither has it.
     * @throws IOException if the driver directory cannot be listed.
     */
    static Path driverLibrary(final Path libdir, final String ops) throws IOException {
        final Path pmds = libdir.resolve("dpdk");
        final List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(pmds)) {
            try (Stream<Path> dirs = Files.list(pmds)) {
                dirs.filter(d -> d.getFileName().toString().startsWith("pmds-")).sorted()
                    .forEach(d -> candidates.add(d.resolve(libraryName(ops))));
            }
        }
        candidates.add(libdir.resolve(libraryName(ops)));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private static String libraryName(final String ops) {
        return "librte_mempool_" + ops + ".so";
    }

    /**
     * @param why a reason the column is off, or a failed cell's note.
     * @return its short form, the part before the first {@code ": "}.
     */
    static String shortReason(final String why) {
        final int colon = why.indexOf(": ");
        return colon < 0 ? why : why.substring(0, colon);
    }

    /**
     * Runs one process: a fork of a DPDK cell, shaped as a JVM's ({@link JmhStep}).
     *
     * @param scenario the row.
     * @param column   the DPDK column: which driver ({@link #load}s it first).
     * @param options  iteration counts and times.
     * @return objects/s of every iteration, warm-up included ({@link WarmUp} splits them), {@link CompareOptions#forkIterations()} of them.
     * @throws IllegalStateException if the harness fails; the message carries its output.
     */
    double[] run(final Scenario scenario, final Alternative column, final CompareOptions options) {
        final String missing = load(column.dpdkOps());
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        final List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(EAL_ARGS);
        command.addAll(driverArgs.get(column.dpdkOps()));
        command.addAll(arguments(scenario, column.dpdkOps(), options));
        final long budget = 60 + (long) options.forkIterations() * options.iterationMs / 1000;
        final Result result;
        try {
            result = exec(command, budget);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
        final double[] scores = result.exitCode == 0 ? scores(result.output) : null;
        if (scores == null) {
            throw new IllegalStateException("DPDK harness failed (" + result.exitCode + "): " + result.output.strip());
        }
        return scores;
    }

    /**
     * @param scenario the row.
     * @param ops      the driver.
     * @param options  iteration counts and times.
     * @return the harness's arguments after EAL's own and the driver's: the lcores, {@code --}, then its own.
     */
    static List<String> arguments(final Scenario scenario, final String ops, final CompareOptions options) {
        return List.of("-l", scenario.threads() == 1 ? "0" : "0-" + (scenario.threads() - 1), "--",
            "0", // no warm-up of the harness's own: every iteration is printed, for WarmUp to split
            String.valueOf(options.forkIterations()), String.valueOf(options.iterationMs), ops,
            scenario.cache().name().toLowerCase(Locale.ROOT), String.valueOf(scenario.getBulk()),
            String.valueOf(scenario.putBulk()), String.valueOf(scenario.nKeep()), String.valueOf(scenario.threads()));
    }

    /**
     * @param output the harness's output.
     * @return the objects/s of its {@code RESULT} line; null if it has none.
     */
    static double[] scores(final String output) {
        for (final String line : output.split("\n")) {
            if (line.startsWith("RESULT ")) {
                final String[] parts = line.substring(7).trim().split("\\s+");
                final double[] scores = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    scores[i] = Double.parseDouble(parts[i]);
                }
                return scores;
            }
        }
        return null;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result exec(final List<String> command, final long timeoutSeconds) throws IOException {
        final Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (final IOException ex) {
            return new Result(127, command.get(0) + ": " + ex.getMessage());
        }
        final Path captured = Files.createTempFile("jmempool-dpdk", ".log");
        try {
            final Thread drain = new Thread(() -> copy(process.getInputStream(), captured), "dpdk-output");
            drain.setDaemon(true);
            drain.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                drain.join(1000);
                return new Result(124, "timed out after " + timeoutSeconds + " s: "
                    + Files.readString(captured, StandardCharsets.UTF_8));
            }
            drain.join(5000);
            return new Result(process.exitValue(), Files.readString(captured, StandardCharsets.UTF_8));
        } catch (final InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), ex);
        } finally {
            Files.deleteIfExists(captured);
        }
    }

    private static void copy(final InputStream in, final Path to) {
        try (in) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
