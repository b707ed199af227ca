package io.mempool.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDKs installed beside the running one (Debian and Temurin install them side by side under
 * /usr/lib/jvm), for tests that run a child JVM on a JDK other than their own.
 */
final class Jdks {
    private Jdks() {
    }

    /** @return the newest installed JDK of at least {@code feature}, if any. */
    static Optional<Path> newest(final int feature) {
        return installed().filter(jdk -> feature(jdk) >= feature).max(Comparator.comparingInt(Jdks::feature));
    }

    /** @return an installed JDK of exactly {@code feature}, if any. */
    static Optional<Path> exactly(final int feature) {
        return installed().filter(jdk -> feature(jdk) == feature).findFirst();
    }

    /** @return where the JDKs are looked for. */
    static Path directory() {
        return Path.of(System.getProperty("java.home")).getParent();
    }

    /** @return the running JDK and every JDK beside it. */
    static Stream<Path> installed() {
        final List<Path> found = new ArrayList<>();
        found.add(Path.of(System.getProperty("java.home")));
        try (Stream<Path> dirs = Files.list(directory())) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("release")) && Files.isExecutable(d.resolve("bin/java")))
                .forEach(found::add);
        } catch (final IOException ex) {
            // only the running JDK, then
        }
        return found.stream().distinct();
    }

    /** @return the JDK's feature version from its release file, or -1. */
    static int feature(final Path jdk) {
        try {
            for (final String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    final String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (final IOException | NumberFormatException ex) {
            return -1;
        }
        return -1;
    }

    /** @return the java launcher of a JDK. */
    static String java(final Path jdk) {
        return jdk.resolve("bin/java").toString();
    }
}
