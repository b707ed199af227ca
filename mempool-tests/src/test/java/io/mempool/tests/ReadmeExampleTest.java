package io.mempool.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's example is real code: the {@code java} block after the line
 * {@code <!-- readme-example -->} in the project's README.md (a {@code public class ReadmeExample}
 * with a {@code main}) compiles against the test class path and runs to completion.
 */
class ReadmeExampleTest {
    private static final String MARKER = "<!-- readme-example -->";
    private static final String CLASS_NAME = "ReadmeExample";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The README, from the module directory (surefire's working directory). */
    private static final Path README = Path.of("..", "README.md");

    /** The lines of the first {@code ```java} block after the marker line. */
    static String extractExample(final List<String> lines) {
        int at = 0;
        while (at < lines.size() && !lines.get(at).trim().equals(MARKER)) {
            at++;
        }
        if (at == lines.size()) {
            fail("no line " + MARKER + " in " + README.toAbsolutePath());
        }
        while (at < lines.size() && !lines.get(at).trim().startsWith("```java")) {
            at++;
        }
        final StringBuilder source = new StringBuilder();
        for (at++; at < lines.size() && !lines.get(at).trim().startsWith("```"); at++) {
            source.append(lines.get(at)).append('\n');
        }
        if (at == lines.size()) {
            fail("no closed ```java block after " + MARKER + " in " + README.toAbsolutePath());
        }
        return source.toString();
    }

    @Test
    void readmeExampleCompilesAndRuns(@TempDir final Path dir) throws IOException {
        assertTrue(Files.isRegularFile(README), "README.md not found at " + README.toAbsolutePath());
        final String source = extractExample(Files.readAllLines(README, StandardCharsets.UTF_8));
        assertTrue(source.contains("class " + CLASS_NAME), "the example is not class " + CLASS_NAME + ":\n" + source);
        ChildJvm.compile(dir, CLASS_NAME, source, System.getProperty("java.class.path"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            final Method main = loader.loadClass(CLASS_NAME).getMethod("main", String[].class);
            assertTimeoutPreemptively(TIMEOUT, () -> {
                try {
                    main.invoke(null, (Object)new String[0]);
                } catch (final InvocationTargetException ex) {
                    throw new AssertionError("the README example threw " + ex.getCause(), ex.getCause());
                }
            }, "the README example did not finish within " + TIMEOUT.toSeconds() + " s");
        } catch (final ClassNotFoundException | NoSuchMethodException ex) {
            throw new AssertionError("no public static main in " + CLASS_NAME, ex);
        }
    }
}
