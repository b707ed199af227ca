package io.mempool.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class of this jar in one role, told what to do on its standard input and
 * answering on its standard output (standard error merged), read line by line as it comes: the processes of
 * {@link PipelineRun} and the forks of {@link VirtualThreadRun}. Every wait is bounded; a failure names the role
 * and carries the child's output.
 *
 * <p><b>Thread safety:</b> one thread sends and awaits; {@link #close()} may be called from any thread (a
 * shutdown hook).
 */
final class ChildJvm implements AutoCloseable {
    /** Put after the last line, when the child's output ends. */
    private static final String END_OF_OUTPUT = "\u0000";
    private final String role;
    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = new ArrayList<>();

    private ChildJvm(final String role, final Process process) {
        this.role = role;
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        final Thread reader = new Thread(this::read, "child-" + role + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java --add-exports ... -Dmempool.runtime.dir=<dir> -Dmempool.file.prefix=compare -cp <this class
     * path> main role} with this JVM's launcher, and adds it to {@code children}.
     *
     * @param main     the main class.
     * @param role     its one argument.
     * @param dir      the runtime directory of its shared memzones.
     * @param children where it is added, for whoever cleans up.
     * @return the child.
     * @throws IOException if it cannot be started.
     */
    static ChildJvm start(final Class<?> main, final String role, final Path dir, final List<ChildJvm> children) throws IOException {
        final ChildJvm child = start(List.of(PoolPerf.ADD_EXPORTS, "-Dmempool.runtime.dir=" + dir, "-Dmempool.file.prefix=compare"),
            main, role, List.of());
        children.add(child);
        return child;
    }

    /**
     * Starts {@code java <jvmArgs> -cp <this class path> main role <args>} with this JVM's launcher.
     *
     * @param jvmArgs the JVM's arguments.
     * @param main    the main class.
     * @param role    its first argument, which also names the child in failures.
     * @param args    its other arguments.
     * @return the child; whoever started it closes it.
     * @throws IOException if it cannot be started.
     */
    static ChildJvm start(final List<String> jvmArgs, final Class<?> main, final String role, final List<String> args)
        throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), role));
        command.addAll(args);
        return new ChildJvm(role, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (final IOException ex) {
            lines.add("(output lost: " + ex + ")");
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    /**
     * @param command one line.
     * @throws IllegalStateException if the child no longer reads (it exited).
     */
    void send(final String command) {
        try {
            in.write(command + "\n");
            in.flush();
        } catch (final IOException ex) {
            throw failure("cannot be told '" + command + "' (" + ex.getMessage() + ")");
        }
    }

    /**
     * Waits for an answer; other lines (JVM warnings) are kept for the failure message.
     *
     * @param word         the answer's first word.
     * @param timeoutNanos how long to wait.
     * @return the first line that is {@code word} or starts with {@code word + ' '}.
     * @throws IllegalStateException if the child prints {@code error ...}, exits or times out first.
     * @throws InterruptedException  if interrupted while waiting.
     */
    String await(final String word, final long timeoutNanos) throws InterruptedException {
        final long deadline = System.nanoTime() + timeoutNanos;
        for (;;) {
            final String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw failure("did not answer '" + word + "' within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
            }
            if (line.equals(END_OF_OUTPUT)) {
                process.waitFor(5, TimeUnit.SECONDS);
                throw failure("exited" + (process.isAlive() ? "" : " (" + process.exitValue() + ")") + " before '" + word + "'");
            }
            transcript.add(line);
            if (line.startsWith("error ")) {
                throw failure(line.substring("error ".length()));
            }
            if (line.equals(word) || line.startsWith(word + " ")) {
                return line;
            }
        }
    }

    /**
     * @throws IllegalStateException if the child does not exit with 0 within 30 s.
     * @throws InterruptedException  if interrupted while waiting.
     */
    void awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw failure("did not exit cleanly");
        }
    }

    private IllegalStateException failure(final String what) {
        return new IllegalStateException("child JVM " + role + " " + what + (transcript.isEmpty() ? "" : "; its output: " + String.join(" | ", transcript)));
    }

    /** Kills the child if it still runs (SIGKILL: a child that hangs must not outlive the run). Idempotent. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
