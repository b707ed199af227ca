package io.mempool.tests;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's examples are real code: each {@code java} block after a line {@code <!-- readme-example -->}
 * in the project's README.md (a {@code public class} with a {@code main}: {@code ReadmeExample}, then
 * {@code ContigBlocksExample}) compiles against the test class path and runs to completion.
 */
class ReadmeExampleTest {
    private static final String MARKER = "<!-- readme-example -->";
    /** The examples, in README order. */
    private static final List<String> CLASS_NAMES = List.of("ReadmeExample", "ContigBlocksExample");
    private static final Pattern CLASS = Pattern.compile("public class (\\w+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The README, from the module directory (surefire's working directory). */
    private static final Path README = Path.of("..", "README.md");

    /** The lines of the first {@code ```java} block after each marker line. */
    static List<String> extractExamples(final List<String> lines) {
        final List<String> examples = new ArrayList<>();
        for (int at = 0; at < lines.size(); at++) {
            if (!lines.get(at).trim().equals(MARKER)) {
                continue;
            }
            while (at < lines.size() && !lines.get(at).trim().startsWith("```java")) {
                at++;
            }
            final StringBuilder source = new StringBuilder();
            for (at++; at < lines.size() && !lines.get(at).trim().startsWith("```"); at++) {
                source.append(lines.get(at)).append('\n');
            }
            if (at >= lines.size()) {
                fail("no closed ```java block after " + MARKER + " in " + README.toAbsolutePath());
            }
            examples.add(source.toString());
        }
        return examples;
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeExampleCompilesAndRuns(@TempDir final Path dir) throws IOException {
        assertTrue(Files.isRegularFile(README), "README.md not found at " + README.toAbsolutePath());
        final List<String> sources = extractExamples(Files.readAllLines(README, StandardCharsets.UTF_8));
        final List<String> names = new ArrayList<>();
        for (final String source : sources) {
            final Matcher name = CLASS.matcher(source);
            assertTrue(name.find(), "an example is no public class:\n" + source);
            names.add(name.group(1));
        }
        assertEquals(CLASS_NAMES, names, "the examples after " + MARKER + " lines in " + README.toAbsolutePath());
        return IntStream.range(0, sources.size()).mapToObj(i -> DynamicTest.dynamicTest(names.get(i),
            () -> compileAndRun(dir.resolve(names.get(i)), names.get(i), sources.get(i))));
    }

    private void compileAndRun(final Path dir, final String className, final String source) throws IOException {
        Files.createDirectories(dir);
        ChildJvm.compile(dir, className, source, System.getProperty("java.class.path"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            final Method main = loader.loadClass(className).getMethod("main", String[].class);
            assertTimeoutPreemptively(TIMEOUT, () -> {
                try {
                    main.invoke(null, (Object) new String[0]);
                } catch (final InvocationTargetException ex) {
                    throw new AssertionError("the README example " + className + " threw " + ex.getCause(), ex.getCause());
                }
            }, "the README example " + className + " did not finish within " + TIMEOUT.toSeconds() + " s");
        } catch (final ClassNotFoundException | NoSuchMethodException ex) {
            throw new AssertionError("no public static main in " + className, ex);
        }
    }
}
