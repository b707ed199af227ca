package io.mempool.tests;

import io.mempool.driver.ring.LongRingDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Everything read from shared memory is input (docs/architecture.md, shared pools): a creator process makes
 * one live shared pool per case, this JVM (another process, as far as the pools know) writes random bytes or
 * a boundary value into one header field, one store word or the store's slots of each, then a second process
 * attaches each pool and gets, puts, audits, dumps and closes it, and the creator does the same with its own
 * pools. Every call must work or throw a documented exception with a message; no process may crash, hang
 * (both are bounded), or hand out a handle that is no object of the pool ({@link SharedFuzzMain}).
 */
class SharedFuzzTest {
    private static final String PREFIX = "jmempool.";
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    /** The header fields (docs/architecture.md has the layout): name, offset, width. */
    private static final Object[][] HEADER = {
        {"magic", 0, 8}, {"version", 8, 4}, {"state", 12, 4}, {"poolId", 16, 8}, {"size", 24, 4}, {"elementSize", 28, 4},
        {"totalElementSize", 32, 4}, {"headerSize", 36, 4}, {"cacheSize", 40, 4}, {"flags", 44, 4},
        {"privateDataSize", 48, 4}, {"elementsLength", 56, 8}, {"storeLength", 64, 8}, {"opsName", 128, 8},
        {"opsNameEnd", 152, 8}, {"pid0", 192, 8}, {"start0", 200, 8}, {"pid1", 208, 8},
    };
    private static final Object[][] RING = {
        {"ringMagic", LongRingDescriptor.MAGIC_OFFSET, 8}, {"ringVersion", LongRingDescriptor.VERSION_OFFSET, 4},
        {"slots", LongRingDescriptor.SLOTS_OFFSET, 4}, {"capacity", LongRingDescriptor.CAPACITY_OFFSET, 4},
        {"prodSync", LongRingDescriptor.PRODUCER_SYNC_OFFSET, 4}, {"consSync", LongRingDescriptor.CONSUMER_SYNC_OFFSET, 4},
        {"prodHtdMax", LongRingDescriptor.PRODUCER_HTD_MAX_OFFSET, 4}, {"consHtdMax", LongRingDescriptor.CONSUMER_HTD_MAX_OFFSET, 4},
        {"prodHead", LongRingDescriptor.PRODUCER_HEAD_OFFSET, 8}, {"prodTail", LongRingDescriptor.PRODUCER_TAIL_OFFSET, 8},
        {"consHead", LongRingDescriptor.CONSUMER_HEAD_OFFSET, 8}, {"consTail", LongRingDescriptor.CONSUMER_TAIL_OFFSET, 8},
    };
    private static final String[] OPS = {"ring_mp_mc", "ring_sp_sc", "ring_mt_rts", "ring_mt_hts"};

    private Path dir;

    /** One pool and what is written into it. */
    private record Case(String pool, String ops, String zone, long offset, byte[] bytes, String what) {
    }

    @BeforeEach
    void makeDir() throws IOException {
        dir = Files.createTempDirectory(Path.of("/dev/shm"), "jmempool-fuzz-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @AfterEach
    void removeDir() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (final Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void scribbledHeadersAndStoresAreRefusedOrQuarantinedNeverCrashHangOrLeak() throws Exception {
        final Random random = new Random(SEED);
        final List<Case> cases = cases(random);
        final Path list = dir.resolve("cases.txt");
        final StringBuilder lines = new StringBuilder();
        for (final Case c : cases) {
            lines.append(c.pool()).append(' ').append(c.ops()).append('\n');
        }
        Files.writeString(list, lines);

        final Process creator = start("create", list);
        final BufferedReader creatorOut = new BufferedReader(new InputStreamReader(creator.getInputStream(), StandardCharsets.UTF_8));
        final StringBuilder creatorLog = new StringBuilder();
        String line;
        while ((line = creatorOut.readLine()) != null && !line.equals("READY")) {
            creatorLog.append(line).append('\n');
        }
        assertTrue(line != null, "the creator failed:\n" + creatorLog);
        // a thread per reader: the common pool may have one worker (2 cores), and a child whose output
        // nobody reads blocks on a full pipe
        final CompletableFuture<String> creatorRest = CompletableFuture.supplyAsync(() -> readAll(creatorOut), SharedFuzzTest::reader);
        try {
            for (final Case c : cases) {
                scribble(c);
            }
            final Process attacher = start("use", list);
            final CompletableFuture<String> attacherOut = CompletableFuture.supplyAsync(() -> readAll(
                new BufferedReader(new InputStreamReader(attacher.getInputStream(), StandardCharsets.UTF_8))), SharedFuzzTest::reader);
            final String attached = finish(attacher, attacherOut, "the attaching process");
            try (OutputStream go = creator.getOutputStream()) {
                go.write("GO\n".getBytes(StandardCharsets.US_ASCII));
            }
            final String created = finish(creator, creatorRest, "the creating process");
            Files.writeString(Path.of("target", "shared-fuzz-attacher.txt"), attached); // every call's outcome, to read
            Files.writeString(Path.of("target", "shared-fuzz-creator.txt"), created);
            System.out.println("fuzz seed " + SEED + ", " + cases.size() + " cases (outcomes in target/shared-fuzz-*.txt)");
            System.out.println("attacher: " + summary(attached));
            System.out.println("creator:  " + summary(created));
            assertClean(attached, cases, "attacher");
            assertClean(created, cases, "creator");
        } finally {
            creator.destroyForcibly();
        }
    }

    /** Every header field and store word with boundary values and random bytes, and the slots with bad offsets. */
    private static List<Case> cases(final Random random) {
        final List<Case> cases = new ArrayList<>();
        for (final Object[] field : HEADER) {
            for (final long value : values(random)) {
                cases.add(fieldCase(cases.size(), OPS[0], "MP_", field, value));
            }
        }
        for (final String ops : OPS) {
            for (final Object[] field : RING) {
                for (final long value : values(random)) {
                    cases.add(fieldCase(cases.size(), ops, "RG_MP_", field, value));
                }
            }
            for (final long value : new long[] {-1, 1, 63, 64L * 64, 1L << 40, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong()}) {
                final ByteBuffer slots = ByteBuffer.allocate(64 * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < 64; i++) {
                    slots.putLong(i % 3 == 0 ? value : value + i); // some slots off the value by a little
                }
                cases.add(new Case("fz" + cases.size(), ops, "RG_MP_", LongRingDescriptor.HEADER_LENGTH, slots.array(),
                    "slots = " + value + " (+i)"));
            }
            cases.add(new Case("fz" + cases.size(), ops, "RG_MP_", LongRingDescriptor.HEADER_LENGTH, null,
                "every slot = slot 0 (one object many times)"));
            final byte[] noise = new byte[LongRingDescriptor.HEADER_LENGTH + 64 * Long.BYTES];
            random.nextBytes(noise);
            cases.add(new Case("fz" + cases.size(), ops, "RG_MP_", 0, noise, "random store"));
        }
        final byte[] noise = new byte[1024];
        random.nextBytes(noise);
        cases.add(new Case("fz" + cases.size(), OPS[0], "MP_", 0, noise, "random header"));
        return cases;
    }

    private static long[] values(final Random random) {
        return new long[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, 64, random.nextLong()};
    }

    private static Case fieldCase(final int n, final String ops, final String zone, final Object[] field, final long value) {
        final int width = (int) field[2];
        final ByteBuffer bytes = ByteBuffer.allocate(width).order(ByteOrder.LITTLE_ENDIAN);
        if (width == 8) {
            bytes.putLong(value);
        } else {
            bytes.putInt((int) value);
        }
        return new Case("fz" + n, ops, zone, ((Number) field[1]).longValue(), bytes.array(), field[0] + " = " + value);
    }

    private void scribble(final Case c) throws IOException {
        final Path file = dir.resolve(PREFIX + c.zone() + c.pool());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = c.bytes() == null ? null : ByteBuffer.wrap(c.bytes());
            if (bytes == null) {
                final ByteBuffer first = ByteBuffer.allocate(Long.BYTES);
                channel.read(first, c.offset());
                bytes = ByteBuffer.allocate(64 * Long.BYTES);
                for (int i = 0; i < 64; i++) {
                    bytes.put(first.array());
                }
                bytes.flip();
            }
            channel.write(bytes, c.offset());
        }
    }

    private Process start(final String mode, final Path list) throws IOException {
        return new ProcessBuilder(ChildJvm.javaLauncher(), "-Dmempool.runtime.dir=" + dir, "-Dmempool.ring.stallMillis=200",
            "-cp", System.getProperty("java.class.path"), SharedFuzzMain.class.getName(), mode, list.toString())
            .redirectErrorStream(true).start();
    }

    private static String finish(final Process process, final CompletableFuture<String> out, final String who)
        throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(who + " hung; its output:\n" + out.get(10, TimeUnit.SECONDS));
        }
        final String text = out.get(10, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), who + " failed:\n" + text);
        assertTrue(text.lines().anyMatch("DONE"::equals), who + " did not get through:\n" + text);
        return text;
    }

    private static void assertClean(final String out, final List<Case> cases, final String who) {
        final Map<String, String> what = new TreeMap<>();
        for (final Case c : cases) {
            what.put(c.pool(), c.ops() + ", " + c.zone() + " " + c.what());
        }
        final List<String> bad = out.lines().filter(l -> l.contains(" BAD ") || l.startsWith("\tat "))
            .map(l -> l.startsWith("fz") ? l + "   <- " + what.get(l.substring(0, l.indexOf(' '))) : l).toList();
        assertTrue(bad.isEmpty(), who + ": calls that crashed, leaked or threw an undocumented exception:\n"
            + String.join("\n", bad));
    }

    /** How many calls of each kind worked and how many were refused. */
    private static String summary(final String out) {
        final Map<String, int[]> counts = new TreeMap<>();
        for (final String line : (Iterable<String>) out.lines()::iterator) {
            final String[] words = line.split(" ");
            if (words.length >= 3 && words[0].startsWith("fz")) {
                final boolean ok = line.endsWith(" ok") || words[words.length - 1].matches("-?\\d+|null");
                final String call = line.substring(words[0].length() + 1).replaceAll(" (ok|clear|BAD).*", "");
                counts.computeIfAbsent(call, k -> new int[2])[ok ? 0 : 1]++;
            }
        }
        final StringBuilder sb = new StringBuilder();
        counts.forEach((call, n) -> sb.append(call).append(' ').append(n[0]).append(" ok/").append(n[1]).append(" refused, "));
        return sb.toString();
    }

    private static void reader(final Runnable task) {
        final Thread thread = new Thread(task, "fuzz-output-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private static String readAll(final BufferedReader in) {
        final StringBuilder sb = new StringBuilder();
        try {
            for (String line; (line = in.readLine()) != null; ) {
                sb.append(line).append('\n');
            }
        } catch (final IOException ex) {
            sb.append("(read failed: ").append(ex).append(")\n");
        }
        return sb.toString();
    }
}
