package io.mempool.tests;

import io.mempool.api.MempoolOps;
import io.mempool.core.Mempool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * No JVM flag, no warning, on every JDK: {@link NoFlagMain}, a program as a user writes it, runs against the
 * packaged jars (api, core, ring, stack) and a third party's memzone driver compiled against the api jar
 * alone, in JVMs started with nothing but {@code -cp}, on JDK 17 and on the newest JDK 22+ installed; a
 * second JVM attaches to its shared pools. Every JVM exits 0 with an empty stderr. On JDK 22+ a further
 * run with {@code --sun-misc-unsafe-memory-access=deny} and class-load logging shows that
 * {@code sun.misc.Unsafe} is never loaded.
 */
class NoFlagTest {
    private static final long TIMEOUT_SECONDS = 120;
    private static final String THIRD_PARTY = """
        package com.example.thirdparty;

        import io.mempool.api.MempoolOps;
        import io.mempool.api.OffHeapRegion;
        import io.mempool.api.OpsConfig;

        /** A spinlock LIFO whose state is a long[] or, in a memzone, an OffHeapRegion: lock, size, then slots. */
        public final class ThirdPartyOps implements MempoolOps<ThirdPartyOps.Store> {
            public static final class Store {
                final OffHeapRegion region;
                final long[] heap;
                final int capacity;
                Store(OffHeapRegion region, long[] heap, int capacity) { this.region = region; this.heap = heap; this.capacity = capacity; }
                long get(int i) { return region != null ? region.getLong(8L * i) : heap[i]; }
                void set(int i, long v) { if (region != null) region.putLong(8L * i, v); else heap[i] = v; }
                void lock() {
                    while (region != null ? !region.compareAndSetLong(0, 0, 1) : !casHeap()) { Thread.onSpinWait(); }
                }
                synchronized boolean casHeap() { if (heap[0] != 0) return false; heap[0] = 1; return true; }
                void unlock() { if (region != null) region.putLongRelease(0, 0); else synchronized (this) { heap[0] = 0; } }
            }
            public String name() { return "third_party"; }
            public Store alloc(OpsConfig c) { return new Store(null, new long[2 + c.capacity()], c.capacity()); }
            public long memzoneBytes(OpsConfig c) { return 8L * (2 + c.capacity()); }
            public Store allocIn(OpsConfig c, OffHeapRegion r) { r.fill(0, r.length(), (byte) 0); return new Store(r, null, c.capacity()); }
            public Store attach(OpsConfig c, OffHeapRegion r) { return new Store(r, null, c.capacity()); }
            public boolean enqueue(Store s, long[] objs, int off, int n) {
                s.lock();
                try {
                    int size = (int) s.get(1);
                    if (n > s.capacity - size) return false;
                    for (int i = 0; i < n; i++) s.set(2 + size + i, objs[off + i]);
                    s.set(1, size + n);
                    return true;
                } finally { s.unlock(); }
            }
            public boolean dequeue(Store s, long[] objs, int off, int n) {
                s.lock();
                try {
                    int size = (int) s.get(1);
                    if (n > size) return false;
                    for (int i = 0; i < n; i++) objs[off + i] = s.get(2 + size - 1 - i);
                    s.set(1, size - n);
                    return true;
                } finally { s.unlock(); }
            }
            public int count(Store s) { s.lock(); try { return (int) s.get(1); } finally { s.unlock(); } }
            public void free(Store s) { }
        }
        """;

    /** JDK 17 and the newest JDK 22+ installed next to this one (or this one). */
    static Stream<Path> jdks() {
        final List<Path> jdks = new ArrayList<>();
        Jdks.exactly(17).ifPresent(jdks::add);
        Jdks.newest(22).ifPresent(jdks::add);
        return jdks.stream();
    }

    @ParameterizedTest(name = "JDK {0}")
    @MethodSource("jdks")
    void aUserProgramRunsWithNoOptionAndPrintsNothingOnStderr(final Path jdk, @TempDir final Path dir) throws Exception {
        final String classPath = classPath(dir);
        final String suffix = Long.toString(ProcessHandle.current().pid() % 100_000) + Jdks.feature(jdk);
        final Process creator = start(jdk, dir, "creator", List.of("-cp", classPath, NoFlagMain.class.getName(),
            "create", suffix));
        try {
            final String ready = awaitLine(creator, "ready ");
            final Process attacher = start(jdk, dir, "attacher", List.of("-cp", classPath, NoFlagMain.class.getName(),
                "attach", ready.substring("ready ".length())));
            assertClean(attacher, dir, "attacher", "done attach");
            try (OutputStream in = creator.getOutputStream()) {
                in.write('\n');
            }
            assertClean(creator, dir, "creator", "done create");
        } finally {
            creator.destroyForcibly();
        }
    }

    @Test
    void onJdk22PlusSunMiscUnsafeIsNeverLoaded(@TempDir final Path dir) throws Exception {
        final Optional<Path> jdk = Jdks.newest(23);
        if (jdk.isEmpty()) {
            abort("no JDK 23+ in " + Jdks.directory() + ": --sun-misc-unsafe-memory-access needs one");
        }
        final Path log = dir.resolve("classes.log");
        final Process solo = start(jdk.get(), dir, "solo", List.of("--sun-misc-unsafe-memory-access=deny",
            "-Xlog:class+load=info:file=" + log, "-cp", classPath(dir), NoFlagMain.class.getName(), "solo", "u"
                + ProcessHandle.current().pid() % 100_000));
        assertClean(solo, dir, "solo", "done solo");
        final List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.mempool.core.memory.SegmentRegion ")),
            "the JDK 22+ memory layer was not loaded from the jar:\n" + String.join("\n", loaded.subList(0, 20)));
        assertFalse(loaded.stream().anyMatch(l -> l.contains(" sun.misc.Unsafe ")), "sun.misc.Unsafe was loaded");
        assertFalse(loaded.stream().anyMatch(l -> l.contains(" io.mempool.core.memory.UnsafeAccess ")),
            "the JDK 17 base's Unsafe access was loaded");
    }

    /** The packaged library jars, the third party's driver and the program; aborts where jars are not built. */
    private static String classPath(final Path dir) throws IOException {
        final List<Path> jars = new ArrayList<>();
        jars.add(ChildJvm.codeSource(MempoolOps.class));
        jars.add(ChildJvm.codeSource(Mempool.class));
        FoundOps.providers().map(ServiceLoader.Provider::type)
            .filter(type -> type.getName().startsWith("io.mempool.driver.ring.") || type.getName().startsWith("io.mempool.driver.stack.")
                || type.getName().startsWith("io.mempool.driver.bucket."))
            .map(ChildJvm::codeSource).distinct().forEach(jars::add);
        for (final Path jar : jars) {
            if (!jar.toString().endsWith(".jar")) {
                abort(jar + " is a directory: the memory layer's JDK 22+ classes take effect only from the packaged "
                    + "jar, so run this test with mvn verify or install");
            }
        }
        final Path driver = Files.createDirectories(dir.resolve("third-party"));
        Files.createDirectories(driver.resolve("com/example/thirdparty"));
        ChildJvm.compile(driver, "com/example/thirdparty/ThirdPartyOps", THIRD_PARTY, ChildJvm.codeSource(MempoolOps.class).toString());
        Files.writeString(Files.createDirectories(driver.resolve("META-INF/services")).resolve(MempoolOps.class.getName()),
            "com.example.thirdparty.ThirdPartyOps\n");
        final Path program = dir.resolve("program");
        final Path tests = ChildJvm.codeSource(NoFlagMain.class);
        final Path into = Files.createDirectories(program.resolve("io/mempool/tests"));
        try (Stream<Path> classes = Files.list(tests.resolve("io/mempool/tests"))) {
            for (final Path file : (Iterable<Path>) classes::iterator) {
                if (file.getFileName().toString().startsWith("NoFlagMain")) {
                    Files.copy(file, into.resolve(file.getFileName()));
                }
            }
        }
        jars.add(driver);
        jars.add(program);
        return ChildJvm.join(jars);
    }

    private static Process start(final Path jdk, final Path dir, final String name, final List<String> args)
        throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Jdks.java(jdk));
        command.addAll(args);
        final ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // a user's JVM sees no options the test does not control
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        return builder.start();
    }

    /** Reads stdout until a line with {@code prefix}; fails with what came if the process ends first. */
    private static String awaitLine(final Process process, final String prefix) throws IOException {
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        final StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the creator ended before '" + prefix + "':\n" + seen);
    }

    private static void assertClean(final Process process, final Path dir, final String name, final String last)
        throws Exception {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        final String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String err = Files.readString(dir.resolve(name + ".err"));
        assertEquals(0, process.exitValue(), name + " exit code; stdout:\n" + out + "\nstderr:\n" + err);
        assertEquals("", err, name + " wrote to stderr");
        assertTrue(out.lines().anyMatch(last::equals), name + " did not finish: " + out);
    }
}
