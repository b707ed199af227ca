package io.mempool.tests;

import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.core.Mempool;
import io.mempool.core.Memzone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared pools (docs/architecture.md) with real processes ({@link SharedPoolMain} in child JVMs): a million objects cross between
 * two JVMs through a shared pool on every memzone-capable ops; a process killed with SIGKILL strands what
 * it held while the others go on; stale files of a killed creator go at the next create; attach refuses
 * a header of another version or layout, and a missing name, saying why. Each test has its own runtime
 * directory ({@code -Dmempool.runtime.dir}), in this JVM and its children alike.
 */
class SharedPoolTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String RUNTIME_DIR = "mempool.runtime.dir";

    @TempDir
    Path dir;
    private String previousDir;

    @BeforeEach
    void useOwnRuntimeDirectory() {
        previousDir = System.setProperty(RUNTIME_DIR, dir.toString());
    }

    @AfterEach
    void restoreRuntimeDirectory() {
        if (previousDir == null) {
            System.clearProperty(RUNTIME_DIR);
        } else {
            System.setProperty(RUNTIME_DIR, previousDir);
        }
    }

    /** Every ops ServiceLoader finds whose store can live in a memzone, and needs no JVM flag. */
    static Stream<String> memzoneCapable() {
        return FoundOps.usableWithoutAFlag()
            .filter(ops -> ops.memzoneBytes(new OpsConfig("probe", SharedPoolMain.SIZE,
                ops.requiredFlags(), java.util.Map.of())) >= 0)
            .map(MempoolOps::name)
            .sorted();
    }

    private List<String> jvmArgs() {
        return List.of("-D" + RUNTIME_DIR + "=" + dir);
    }

    private static String newName() {
        return "shp" + NAMES.incrementAndGet();
    }

    @ParameterizedTest
    @MethodSource("memzoneCapable")
    void aMillionObjectsCrossBetweenTwoJvms(final String ops) throws Exception {
        final String pool = newName();
        try (JvmProcess producer = JvmProcess.start(dir, jvmArgs(), SharedPoolMain.class, "produce", pool, ops, "1000000")) {
            producer.awaitLine("ready", 60);
            try (JvmProcess consumer = JvmProcess.start(dir, jvmArgs(), SharedPoolMain.class, "consume", pool, "1000000")) {
                consumer.awaitSuccess(120);
                assertTrue(consumer.output().contains("received 1000000"), consumer.output());
            }
            producer.awaitSuccess(60);
            assertTrue(producer.output().contains("produced 1000000"), producer.output());
        }
        assertEquals(List.of(), zoneFiles(), "the last process out removed the pool's files");
    }

    @Test
    void aKilledProcessStrandsWhatItHeldWhileTheOthersGoOn() throws Exception {
        final String pool = newName();
        final Mempool mp = Mempool.builder(pool).size(SharedPoolMain.SIZE).elementSize(64).cacheSize(32).shared(true).create();
        final int stranded;
        try (JvmProcess holder = JvmProcess.start(dir, jvmArgs(), SharedPoolMain.class, "hold", pool, "100")) {
            final String[] holding = holder.awaitLine("holding", 60).split(" ");
            stranded = Integer.parseInt(holding[1]) + Integer.parseInt(holding[3]);
            holder.kill();
        }
        final long[] objs = new long[64];
        for (int round = 0; round < 10_000; round++) { // this process goes on, through its cache and the store
            assertTrue(mp.getBulk(objs, 0, 64));
            mp.putBulk(objs, 0, 64);
        }
        assertEquals(SharedPoolMain.SIZE - stranded, mp.availCount());
        final IllegalStateException audit = assertThrows(IllegalStateException.class, mp::audit);
        assertTrue(audit.getMessage().contains(stranded + " objects are neither in the store nor in this process's caches"),
            audit.getMessage());
        assertTrue(audit.getMessage().contains("(dead)"), audit.getMessage());
        assertThrows(IllegalStateException.class, mp::close, "objects are out");
        mp.close(true);
        assertEquals(List.of(), zoneFiles(), "a forced close removed the files");
    }

    @Test
    void everyPublicMethodWorksOnAnAttachedPool() throws Exception {
        final String pool = newName();
        try (Mempool mp = Mempool.builder(pool).size(SharedPoolMain.SIZE).elementSize(64).cacheSize(32)
            .privateDataSize(100).shared(true).create()) {
            mp.privateData().putLong(0, 42);
            try (JvmProcess child = JvmProcess.start(dir, jvmArgs(), SharedPoolMain.class, "exercise", pool)) {
                child.awaitSuccess(60);
                assertTrue(child.output().contains("exercised"), child.output());
            }
            final long[] all = new long[SharedPoolMain.SIZE];
            assertTrue(mp.genericGet(all, 0, all.length, null), "the other process detached and returned everything");
            int written = 0;
            for (final long obj : all) {
                written += mp.byteBuffer(obj).getLong(0) == mp.indexOf(obj) && mp.indexOf(obj) != 0 ? 1 : 0;
            }
            assertEquals(15, written, "the 16 objects the other process wrote (index 0 writes 0) are seen here");
            mp.genericPut(all, 0, all.length, null);
        }
    }

    @Test
    void aProcessKilledInsideAStoreOperationDoesNotHangTheOthersClose() throws Exception {
        if (!io.mempool.core.MempoolOpsRegistry.names().contains(WedgingOps.NAME)) {
            io.mempool.core.MempoolOpsRegistry.register(new WedgingOps());
        }
        final String pool = newName();
        final Mempool mp = Mempool.builder(pool).size(256).elementSize(64).cacheSize(32).ops(WedgingOps.NAME).shared(true)
            .create();
        final List<String> args = new java.util.ArrayList<>(jvmArgs());
        args.add("-Dtest.wedge.enqueue=1");
        try (JvmProcess victim = JvmProcess.start(dir, args, SharedPoolMain.class, "wedge", pool)) {
            victim.awaitLine("wedged", 60); // killed holding the store's enqueue side, and 64 objects
            victim.kill();
        }
        final long[] objs = new long[16];
        assertTrue(mp.getBulk(objs, 0, 16), "the side the dead process did not hold still works");
        mp.putBulk(objs, 0, 16);
        assertTrue(assertThrows(IllegalStateException.class, mp::audit).getMessage().contains("64 objects"));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> mp.close(true),
            "close flushed into a store nobody else holds, and waited for the dead process's lock");
        assertEquals(List.of(), zoneFiles());
    }

    @Test
    void theCreatorsCloseRefusesWhileAnotherProcessIsAttached() throws Exception {
        final String pool = newName();
        final Mempool mp = Mempool.builder(pool).size(SharedPoolMain.SIZE).elementSize(64).shared(true).create();
        try (JvmProcess holder = JvmProcess.start(dir, jvmArgs(), SharedPoolMain.class, "hold", pool, "0")) {
            holder.awaitLine("holding", 60);
            final IllegalStateException refused = assertThrows(IllegalStateException.class, mp::close);
            assertTrue(refused.getMessage().contains("(alive)] are attached"), refused.getMessage());
            assertTrue(!mp.isClosed() && mp.availCount() > 0, "a refused close changed nothing");
        }
        mp.close(true);
    }

    @Test
    void staleFilesOfAKilledCreatorGoAtTheNextCreate() throws Exception {
        final String pool = newName();
        try (JvmProcess creator = JvmProcess.start(dir, jvmArgs(), SharedPoolMain.class, "create", pool)) {
            creator.awaitLine("ready", 60);
            creator.kill();
        }
        assertTrue(zoneFiles().size() >= 3, "the killed creator left its files: " + zoneFiles());
        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Mempool.attach(pool));
        assertTrue(missing.getMessage().contains("there are []"), "a stale pool is not live: " + missing.getMessage());
        final Mempool again = Mempool.builder(pool).size(16).elementSize(64).shared(true).create();
        assertEquals(16, again.availCount());
        again.close();
        assertEquals(List.of(), zoneFiles());
    }

    @Test
    void attachRefusesAnotherVersionOrLayoutAndListsWhatExists() throws Exception {
        final String pool = newName();
        try (Mempool mp = Mempool.builder(pool).size(SharedPoolMain.SIZE).elementSize(64).shared(true).create()) {
            final OffHeapRegion header = Memzone.lookup("MP_" + pool).orElseThrow().region();
            assertEquals("attached " + SharedPoolMain.SIZE + " ring_mp_mc", attach(pool));
            final int version = header.getInt(8);
            header.putInt(8, version + 1);
            assertTrue(attach(pool).contains("layout version: " + (version + 1) + " (expected: " + version), attach(pool));
            header.putInt(8, version);
            final int stride = header.getInt(32);
            header.putInt(32, stride + 64);
            assertTrue(attach(pool).contains("total element size: " + (stride + 64) + " (expected: " + stride), attach(pool));
            header.putInt(32, stride);
            final int size = header.getInt(24);
            header.putInt(24, 6000); // more objects than the elements zone holds, the same ring size
            assertTrue(attach(pool).contains("elements zone length"), attach(pool));
            header.putInt(24, size * 4); // a ring of another size too: the store's length differs first
            assertTrue(attach(pool).contains("store zone length"), attach(pool));
            header.putInt(24, size);
            final String missing = attach("nope");
            assertTrue(missing.startsWith("refused pool: \"nope\"") && missing.contains("[" + pool + "]"), missing);
            assertEquals("attached " + SharedPoolMain.SIZE + " ring_mp_mc", attach(pool));
        }
    }

    private String attach(final String pool) throws Exception {
        try (JvmProcess child = JvmProcess.start(dir, jvmArgs(), SharedPoolMain.class, "attach", pool)) {
            child.awaitSuccess(60);
            return child.output().lines().filter(l -> l.startsWith("attached") || l.startsWith("refused")).findFirst()
                .orElse(child.output());
        }
    }

    private List<String> zoneFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.endsWith(".lock")).sorted().toList();
        }
    }
}
