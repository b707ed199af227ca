package io.mempool.core;

import io.mempool.api.MempoolCorruptionException;
import io.mempool.api.MempoolFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache's fast path ({@link MempoolCache#tryGet}, {@link MempoolCache#tryPut}) agrees with the full
 * path: the same handles pass, the same are refused with nothing changed, and a closed, unpopulated or
 * instrumented pool never serves a call from it.
 */
class FastPathTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void registerStore() {
        RecordingOps.ensureRegistered();
    }

    private static MempoolBuilder builder() {
        return Mempool.builder("fast" + NAMES.incrementAndGet()).size(64).elementSize(100).cacheSize(32)
            .ops(RecordingOps.NAME);
    }

    @Test
    void withoutDebugEveryPutRangeChecksAndRefusesWithNothingChanged() {
        try (Mempool mp = builder().create()) {
            final long[] objs = new long[4];
            assertTrue(mp.getBulk(objs, 0, 4));
            final long got = objs[2];
            final long first = mp.objectAt(0);
            final long last = mp.objectAt(63);
            final int held = mp.defaultCache().length();
            for (final long bad : new long[] {Mempool.NULL, first - mp.totalElementSize(), first + 8, last + 64,
                last + mp.totalElementSize(), -first, Long.MIN_VALUE}) {
                objs[2] = bad;
                final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> mp.putBulk(objs, 0, 4));
                assertTrue(ex.getMessage().contains("0x" + Long.toHexString(bad)), ex.getMessage());
                assertThrows(IllegalArgumentException.class, () -> mp.put(bad));
                assertThrows(IllegalArgumentException.class, () -> mp.genericPut(objs, 0, 4, null));
                assertEquals(held, mp.defaultCache().length(), "a refused put moved nothing into the cache");
            }
            objs[2] = got;
            mp.putBulk(objs, 0, 4);
            assertTrue(mp.isFull());
        }
    }

    @Test
    void withoutDebugTheRangeCheckPassesAlignedAddressesInsideThePoolsMemory() {
        try (Mempool mp = builder().create()) {
            final long inside = mp.objectAt(3) + 64; // 64-aligned, inside object 3: not an object, not foreign
            final long obj = mp.get();
            mp.put(inside);
            assertEquals(inside, mp.get(), "the range check is documented not to be exact");
            mp.put(obj);
            mp.close(true);
        }
    }

    @Test
    void aMultiChunkPoolChecksEveryPutAgainstEachChunk() {
        final ElementLayout layout = ElementLayout.of(100, false, true, true);
        try (Mempool mp = builder().maxChunkBytes(8L * layout.totalSize).create()) {
            final long[] objs = new long[8];
            for (int round = 0; round < 3; round++) { // through the cache, refills and flushes included
                assertTrue(mp.getBulk(objs, 0, 8));
                mp.putBulk(objs, 0, 8);
            }
            for (final int index : new int[] {0, 7, 8, 63}) {
                final long obj = mp.objectAt(index);
                assertEquals(index, mp.indexOf(obj));
            }
            final long pastChunk0 = mp.objectAt(7) + layout.totalSize; // the chunk's end: not the next chunk
            assertTrue(pastChunk0 != mp.objectAt(8), "chunk 1 happens to follow chunk 0 in memory; rerun");
            assertThrows(IllegalArgumentException.class, () -> mp.put(pastChunk0));
            assertThrows(IllegalArgumentException.class, () -> mp.putBulk(new long[] {pastChunk0}, 0, 1));
            assertTrue(mp.isFull());
        }
    }

    @Test
    void withDebugTheCheckIsExact() {
        try (Mempool mp = builder().flags(MempoolFlag.DEBUG).create()) {
            final long obj = mp.get();
            final long inside = obj + 64;
            assertThrows(MempoolCorruptionException.class, () -> mp.put(inside));
            assertThrows(MempoolCorruptionException.class, () -> mp.putBulk(new long[] {obj, inside}, 0, 2));
            mp.put(obj);
            assertTrue(mp.isFull());
        }
    }

    @Test
    void aCacheMadeBeforePopulateServesItsThreadAfterIt() {
        final Mempool mp = builder().createEmpty();
        final MempoolCache early = mp.createCache(16);
        final MempoolCache mine = mp.defaultCache();
        assertThrows(IllegalStateException.class, () -> mp.getBulk(new long[1], 0, 1));
        assertThrows(IllegalStateException.class, () -> mp.genericGet(new long[1], 0, 1, early));
        mp.populateDefault();
        final long[] objs = new long[8];
        assertTrue(mp.genericGet(objs, 0, 8, early));
        mp.genericPut(objs, 0, 8, early);
        assertEquals(8, early.length(), "a refill of 8 handed out, then 8 put back into the user cache");
        assertTrue(mp.getBulk(objs, 0, 8));
        mp.putBulk(objs, 0, 8);
        assertTrue(mine.length() > 0);
        early.close();
        mp.close();
    }

    @Test
    void aClosedPoolServesNoHitEvenFromAFullCache() {
        final Mempool mp = builder().create();
        final MempoolCache user = mp.createCache(16);
        final long[] objs = new long[8];
        assertTrue(mp.getBulk(objs, 0, 8));
        mp.putBulk(objs, 0, 8);
        assertTrue(mp.genericGet(objs, 0, 8, user));
        mp.genericPut(objs, 0, 8, user);
        assertTrue(mp.defaultCache().length() > 0 && user.length() > 0);
        mp.close();
        assertThrows(IllegalStateException.class, () -> mp.getBulk(objs, 0, 1));
        assertThrows(IllegalStateException.class, mp::get);
        assertThrows(IllegalStateException.class, () -> mp.genericGet(objs, 0, 1, user));
        assertTrue(user.isClosed());
    }

    @Test
    void instrumentedPoolsNeverTakeTheFastPath() {
        try (Mempool mp = builder().flags(MempoolFlag.STATS).create()) {
            final long[] objs = new long[4];
            for (int i = 0; i < 10; i++) {
                assertTrue(mp.getBulk(objs, 0, 4));
                mp.putBulk(objs, 0, 4);
                mp.put(mp.get());
            }
            final MempoolStats stats = mp.stats();
            assertEquals(20, stats.getSuccessBulk(), "every get was counted");
            assertEquals(20, stats.putBulk());
            assertFalse(stats.putObjs() < 50);
        }
    }
}
