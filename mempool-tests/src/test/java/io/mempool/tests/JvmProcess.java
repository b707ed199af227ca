package io.mempool.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A child JVM running a main class of this module's test class path, whose output is read line by
 * line as it comes, so a test can wait for a child to be ready, kill it, or run several at once. Every
 * wait is bounded.
 */
final class JvmProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private JvmProcess(final Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "child-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@code java [jvmArgs] -cp <test class path> mainClass args}. */
    static JvmProcess start(final Path workDir, final List<String> jvmArgs, final Class<?> mainClass, final String... args)
        throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaLauncher());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        return new JvmProcess(builder.start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (final IOException ex) {
            lines.add("(output lost: " + ex + ")");
        }
    }

    /** Waits until a line starting with {@code prefix} appears; fails if the child exits or time runs out first. */
    String awaitLine(final String prefix, final long seconds) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (final String line : lines) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                reader.join(1000);
                for (final String line : lines) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                fail("child exited (" + process.exitValue() + ") without printing '" + prefix + "':\n" + output());
            }
            Thread.sleep(10);
        }
        fail("child did not print '" + prefix + "' within " + seconds + " s:\n" + output());
        return null;
    }

    /** Waits for the child to exit with code 0; fails with its output otherwise. */
    void awaitSuccess(final long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("child did not finish within " + seconds + " s:\n" + output());
        }
        reader.join(1000);
        if (process.exitValue() != 0) {
            fail("child exit code " + process.exitValue() + ":\n" + output());
        }
    }

    /** SIGKILL, as {@code kill -9}: the child gets no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
