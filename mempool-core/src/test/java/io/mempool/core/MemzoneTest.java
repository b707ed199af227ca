package io.mempool.core;

import io.mempool.api.MempoolFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memzones in one process: names, arguments, alignment, zeroing, lookup and free, for both backings;
 * stale shared files; and the pool adding its ops' required flags. (Other processes: mempool-tests.)
 */
class MemzoneTest {
    @TempDir
    Path dir;

    @BeforeEach
    void ownRuntimeDirectory() {
        System.setProperty(ZoneDirectory.RUNTIME_DIR_PROPERTY, dir.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(ZoneDirectory.RUNTIME_DIR_PROPERTY);
        System.clearProperty(ZoneDirectory.PREFIX_PROPERTY);
    }

    @Test
    void privateAndSharedZonesAreAlignedZeroedNamedAndFreed() {
        final Memzone priv = Memzone.reserve("mz_private", 1000, 4096);
        final Memzone shared = Memzone.reserveShared("mz_shared", 1000, 64);
        try {
            for (final Memzone zone : new Memzone[] {priv, shared}) {
                assertEquals(0, zone.address() % (zone.isShared() ? 4096 : 4096));
                assertEquals(1000, zone.length());
                for (long offset = 0; offset < 1000; offset += 8) {
                    assertEquals(0, zone.region().getLong(offset));
                }
                assertSame(zone, Memzone.lookup(zone.name()).orElseThrow());
                assertThrows(IllegalArgumentException.class, () -> Memzone.reserve(zone.name(), 8, 8));
                assertThrows(IllegalArgumentException.class, () -> Memzone.reserveShared(zone.name(), 8, 8));
            }
            assertFalse(priv.isShared());
            assertTrue(shared.isShared());
            assertTrue(Files.exists(dir.resolve("jmempool.mz_shared")));
        } finally {
            priv.free();
            shared.free();
        }
        assertFalse(Files.exists(dir.resolve("jmempool.mz_shared")), "the last process out deletes the file");
        assertTrue(Memzone.lookup("mz_private").isEmpty());
        assertTrue(Memzone.lookup("mz_shared").isEmpty());
        assertThrows(IllegalStateException.class, priv::address);
        priv.free(); // idempotent
    }

    @Test
    void badArgumentsAreRefusedNamingTheValueAndReserveNothing() {
        final int before = Memzone.reserved().size();
        assertEquals("name: \"a b\" (expected: [A-Za-z0-9_.-]{1,63})",
            assertThrows(IllegalArgumentException.class, () -> Memzone.reserve("a b", 8, 8)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Memzone.reserve("x".repeat(64), 8, 8));
        assertThrows(IllegalArgumentException.class, () -> Memzone.reserve(null, 8, 8));
        assertEquals("length: 0 (expected: 1.." + Memzone.MAX_LENGTH + ")",
            assertThrows(IllegalArgumentException.class, () -> Memzone.reserve("mz_bad", 0, 8)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Memzone.reserve("mz_bad", 8, 12));
        assertThrows(IllegalArgumentException.class, () -> Memzone.reserve("mz_bad", 8, 4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Memzone.reserveShared("mz_bad", 8, 1 << 20))
            .getMessage().startsWith("align: 1048576 (expected: a power of two in 8..4096 for a shared zone"));
        assertThrows(IllegalArgumentException.class, () -> Memzone.reserveShared("mz_bad", 1L << 32, 64));
        // lengths whose rounding up to the alignment or page would overflow are refused as out of range
        assertEquals("length: 9223372036854775807 (expected: 1.." + Memzone.MAX_LENGTH + " for a shared zone)",
            assertThrows(IllegalArgumentException.class, () -> Memzone.reserveShared("mz_bad", Long.MAX_VALUE, 64))
                .getMessage());
        assertEquals("length: 9223372036854775807 (expected: 1.." + Memzone.MAX_LENGTH + ")",
            assertThrows(IllegalArgumentException.class, () -> Memzone.reserve("mz_bad", Long.MAX_VALUE, 64)).getMessage());
        assertEquals(before, Memzone.reserved().size());
        assertEquals(0, dir.toFile().list((d, name) -> name.contains("mz_bad")).length);
    }

    @Test
    void aStaleFileIsReplacedAndIsNotLookedUp() throws Exception {
        final Path stale = dir.resolve("jmempool.mz_stale");
        Files.write(stale, new byte[8192]);
        Files.write(stale, new byte[] {42}, java.nio.file.StandardOpenOption.WRITE);
        assertTrue(Memzone.lookup("mz_stale").isEmpty(), "nobody holds it: nothing in it is maintained");
        final Memzone zone = Memzone.reserveShared("mz_stale", 64, 64);
        try {
            assertEquals(0, zone.region().getByte(0), "a new, zeroed file replaced the stale one");
        } finally {
            zone.free();
        }
    }

    @Test
    void thePrefixNamesTheFiles() {
        System.setProperty(ZoneDirectory.PREFIX_PROPERTY, "other");
        final Memzone zone = Memzone.reserveShared("mz_prefixed", 64, 64);
        try {
            assertTrue(Files.exists(dir.resolve("other.mz_prefixed")));
        } finally {
            zone.free();
        }
        System.setProperty(ZoneDirectory.PREFIX_PROPERTY, "../escape");
        assertThrows(IllegalStateException.class, () -> Memzone.reserveShared("mz_escape", 64, 64));
    }

    @Test
    void aSharedPoolOfOpsThatCannotLiveInAMemzoneIsRefusedAndLeavesNoFile() throws Exception {
        RecordingOps.ensureRegistered();
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> Mempool.builder("mz_notshared").size(8).elementSize(8).ops(RecordingOps.NAME).shared(true).create());
        assertTrue(refused.getMessage().startsWith("ops: " + RecordingOps.NAME + " (expected: one whose store can live in"
            + " shared memory: ["), refused.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(), files.map(f -> f.getFileName().toString()).filter(f -> !f.endsWith(".lock")).toList());
        }
        assertTrue(Mempool.lookup("mz_notshared").isEmpty());
    }

    @Test
    void aPoolTakesItsOpsRequiredFlagsAndOnlyPromises() {
        RecordingOps.ensureRegistered();
        if (!MempoolOpsRegistry.names().contains("test_promising")) {
            MempoolOpsRegistry.register(new DelegatingOps("test_promising", java.util.Set.of(MempoolFlag.SP_PUT, MempoolFlag.SC_GET)));
            MempoolOpsRegistry.register(new DelegatingOps("test_overreaching", java.util.Set.of(MempoolFlag.DEBUG)));
        }
        try (Mempool mp = Mempool.builder("mz_flags").size(8).elementSize(8).ops("test_promising").create()) {
            assertTrue(mp.flags().containsAll(java.util.Set.of(MempoolFlag.SP_PUT, MempoolFlag.SC_GET)), mp.flags().toString());
        }
        final Mempool empty = Mempool.builder("mz_flags2").size(8).elementSize(8).ops(RecordingOps.NAME).createEmpty();
        assertFalse(empty.flags().contains(MempoolFlag.SP_PUT));
        empty.setOps("test_promising");
        assertTrue(empty.flags().contains(MempoolFlag.SP_PUT), "setOps brings the new ops' promises");
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> empty.setOps("test_overreaching"));
        assertEquals("ops test_overreaching requiredFlags(): [DEBUG] (expected: a subset of [SP_PUT, SC_GET], the"
            + " single-thread promises)", refused.getMessage());
        assertEquals("test_promising", empty.opsName(), "a refused setOps changed nothing");
        empty.close();
    }

    /** The recording store under another name, with required flags of its choosing. */
    private static final class DelegatingOps implements io.mempool.api.MempoolOps<RecordingOps.Store> {
        private final String name;
        private final java.util.Set<MempoolFlag> required;

        DelegatingOps(final String name, final java.util.Set<MempoolFlag> required) {
            this.name = name;
            this.required = required;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public java.util.Set<MempoolFlag> requiredFlags() {
            return required;
        }

        @Override
        public RecordingOps.Store alloc(final io.mempool.api.OpsConfig config) {
            return RecordingOps.INSTANCE.alloc(config);
        }

        @Override
        public boolean enqueue(final RecordingOps.Store store, final long[] objs, final int offset, final int n) {
            return RecordingOps.INSTANCE.enqueue(store, objs, offset, n);
        }

        @Override
        public boolean dequeue(final RecordingOps.Store store, final long[] objs, final int offset, final int n) {
            return RecordingOps.INSTANCE.dequeue(store, objs, offset, n);
        }

        @Override
        public int count(final RecordingOps.Store store) {
            return RecordingOps.INSTANCE.count(store);
        }

        @Override
        public void free(final RecordingOps.Store store) {
            RecordingOps.INSTANCE.free(store);
        }
    }
}
