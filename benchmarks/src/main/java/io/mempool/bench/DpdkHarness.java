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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The DPDK column: our own C harness ({@code src/main/c/mempool_perf.c}, shipped in the jar) built with
 * gcc against the installed libdpdk and run as a normal process without hugepages, on lcores
 * {@code 0..threads-1}. It runs the same loop on {@code rte_mempool} (ring_mp_mc) and prints objects/s per
 * iteration. Why the column is off reads {@code short reason: detail}. Not thread-safe.
 */
final class DpdkHarness {
    /** How to get the column where libdpdk is missing. */
    static final String HOW_TO = "install DPDK (Debian/Ubuntu: apt-get install dpdk-dev pkg-config gcc) and re-run";
    /** The short reason when pkg-config finds no libdpdk. */
    static final String MISSING = "libdpdk missing";
    private static final String SOURCE = "mempool_perf.c";
    /**
     * No hugepages, no devices, no shared config; a file prefix of this JVM's own, so two runs on one machine
     * (two developers) do not meet in /var/run/dpdk.
     */
    private static final List<String> EAL_ARGS = List.of("--no-huge", "-m", "512", "--no-pci", "--no-shconf",
        "--file-prefix", "jmempool" + ProcessHandle.current().pid(), "--log-level", "lib.eal:error", "--no-telemetry");

    private final Path binary;
    private final String unavailable;

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
            return new DpdkHarness(binary, null);
        } catch (final IOException ex) {
            return off("harness not built: " + ex.getMessage());
        }
    }

    /** @return why the column is off ({@code short reason: detail}), or null if it runs. */
    String unavailable() {
        return unavailable;
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
     * Runs one process: a fork of the DPDK cell, shaped as a JVM's ({@link JmhStep}).
     *
     * @param scenario the row.
     * @param options  iteration counts and times.
     * @return objects/s of every iteration, warm-up included ({@link WarmUp} splits them), {@link CompareOptions#forkIterations()} of them.
     * @throws IllegalStateException if the harness fails; the message carries its output.
     */
    double[] run(final Scenario scenario, final CompareOptions options) {
        final List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(EAL_ARGS);
        command.add("-l");
        command.add(scenario.threads() == 1 ? "0" : "0-" + (scenario.threads() - 1));
        command.add("--");
        command.add("0"); // no warm-up of the harness's own: every iteration is printed, for WarmUp to split
        command.add(String.valueOf(options.forkIterations()));
        command.add(String.valueOf(options.iterationMs));
        command.add(scenario.cache().name().toLowerCase(Locale.ROOT));
        command.add(String.valueOf(scenario.getBulk()));
        command.add(String.valueOf(scenario.putBulk()));
        command.add(String.valueOf(scenario.nKeep()));
        command.add(String.valueOf(scenario.threads()));
        final long budget = 60 + (long) options.forkIterations() * options.iterationMs / 1000;
        final Result result;
        try {
            result = exec(command, budget);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (final String line : result.output.split("\n")) {
            if (result.exitCode == 0 && line.startsWith("RESULT ")) {
                final String[] parts = line.substring(7).trim().split("\\s+");
                final double[] scores = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    scores[i] = Double.parseDouble(parts[i]);
                }
                return scores;
            }
        }
        throw new IllegalStateException("DPDK harness failed (" + result.exitCode + "): " + result.output.strip());
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
