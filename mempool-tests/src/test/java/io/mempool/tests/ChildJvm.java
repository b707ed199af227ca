package io.mempool.tests;

import io.mempool.api.MempoolOps;
import io.mempool.core.Mempool;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Helpers for tests that run a tiny program in a child JVM: the same {@code java} as the test, the
 * library's own jars (or {@code target/classes} directories), a main class compiled with
 * {@code javax.tools}, and a hard time limit.
 */
final class ChildJvm {
    static final long TIMEOUT_SECONDS = 60;

    private ChildJvm() {
    }

    /** The output and exit code of a finished child. */
    record Result(int exitCode, String output) {
    }

    /** Where a class was loaded from: a jar or a classes directory. */
    static Path codeSource(final Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (final URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The api, core and driver-ring (found by ServiceLoader, not by class name) locations: what needs no flag. */
    static List<Path> libraryPath() {
        final Class<?> ring = FoundOps.providers()
            .filter(p -> p.get().name().equals("ring_sp_sc"))
            .map(ServiceLoader.Provider::type)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no ring_sp_sc provider on the test class path"));
        return List.of(codeSource(MempoolOps.class), codeSource(Mempool.class), codeSource(ring));
    }

    static String join(final List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Compiles one source file into {@code dir} against the given class path, release 17.
     *
     * @return {@code dir}.
     */
    static Path compile(final Path dir, final String className, final String source, final String classPath)
        throws IOException {
        final Path file = dir.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler (a JRE instead of a JDK?)");
        final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        final int rc = javac.run(null, diagnostics, diagnostics,
            "--release", "17", "-cp", classPath, "-d", dir.toString(), file.toString());
        assertEquals(0, rc, "javac failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        return dir;
    }

    /** The java launcher of the running JVM. */
    static String javaLauncher() {
        return ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Runs {@code java <args>} with no inherited JVM options, output (stdout and stderr) to a file,
     * and at most {@link #TIMEOUT_SECONDS}.
     */
    static Result run(final Path workDir, final List<String> args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(javaLauncher());
        command.addAll(args);
        return runCommand(workDir, command, TIMEOUT_SECONDS);
    }

    /**
     * Runs a whole command (its launcher first) as {@link #run} does, with its own time limit.
     */
    static Result runCommand(final Path workDir, final List<String> command, final long timeoutSeconds)
        throws IOException, InterruptedException {
        final Path out = workDir.resolve("child-output.txt");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // options the test does not control
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        final Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("child JVM did not finish within " + timeoutSeconds + " s: " + command + "\n"
                + Files.readString(out, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    static void assertSucceeded(final Result result, final List<String> args) {
        assertTrue(result.exitCode() == 0, "child JVM exit code " + result.exitCode() + " for " + args
            + ":\n" + result.output());
    }
}
