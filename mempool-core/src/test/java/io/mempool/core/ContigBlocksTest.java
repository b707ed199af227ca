package io.mempool.core;

import io.mempool.api.MempoolCorruptionException;
import io.mempool.api.MempoolFlag;
import io.mempool.api.OffHeapRegion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code getContigBlocks} end to end (DPDK's {@code rte_mempool_get_contig_blocks}) on {@link PlacingOps}:
 * blocks of adjacent objects, DEBUG cookies of every object, STATS, the objects back one by one, bad input.
 */
class ContigBlocksTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final int SIZE = 16;

    @BeforeAll
    static void registerStores() {
        PlacingOps.ensureRegistered();
        RecordingOps.ensureRegistered();
    }

    private static Mempool pool(final MempoolFlag... flags) {
        return Mempool.builder("cb_" + NAMES.incrementAndGet()).size(SIZE).elementSize(100).cacheSize(8)
            .ops(PlacingOps.NAME).flags(flags).create();
    }

    /** Every object of the blocks, one by one. */
    private static long[] objectsOf(final Mempool mp, final long[] firsts, final int from, final int to) {
        final int blockSize = mp.contigBlockSize();
        final long[] objs = new long[(to - from) * blockSize];
        for (int b = from; b < to; b++) {
            for (int k = 0; k < blockSize; k++) {
                objs[(b - from) * blockSize + k] = firsts[b] + (long) k * mp.totalElementSize();
            }
        }
        return objs;
    }

    @Test
    void blocksAreAdjacentObjectsThatGoBackOneByOne() {
        try (Mempool mp = pool(MempoolFlag.DEBUG, MempoolFlag.STATS)) {
            assertEquals(4, mp.contigBlockSize(), "the store's get_info");
            final long[] firsts = new long[5];
            assertTrue(mp.getContigBlocks(firsts, 1, 3));
            final long[] objs = objectsOf(mp, firsts, 1, 4);
            for (int i = 0; i < objs.length; i++) {
                assertEquals(mp.indexOf(objs[i - i % 4]) + i % 4, mp.indexOf(objs[i]), "object " + i + " of its block");
            }
            assertEquals(SIZE - 12, mp.availCount());
            assertEquals(12, Arrays.stream(objs).distinct().count());
            assertEquals(1, mp.stats().getSuccessBulk());
            assertEquals(3, mp.stats().getSuccessBlks());
            mp.putBulk(objs, 0, 6); // in any pieces, through the cache
            mp.put(objs[6]);
            mp.putBulk(objs, 7, 5);
            assertTrue(mp.isFull());
            mp.audit();
        }
    }

    @Test
    void withDebugEveryObjectOfABlockIsHandedOutSoASecondPutIsADoublePut() {
        try (Mempool mp = pool(MempoolFlag.DEBUG)) {
            final long[] firsts = new long[1];
            assertTrue(mp.getContigBlocks(firsts, 0, 1));
            final long[] objs = objectsOf(mp, firsts, 0, 1);
            mp.putBulk(objs, 0, 4);
            final MempoolCorruptionException ex = assertThrows(MempoolCorruptionException.class, () -> mp.put(objs[3]));
            assertTrue(ex.getMessage().contains("double put"), ex.getMessage());
            assertTrue(mp.isFull());
        }
    }

    @Test
    void withDebugACorruptedObjectInABlockFailsTheWholeCall() {
        try (Mempool mp = pool(MempoolFlag.DEBUG)) {
            final long victim = mp.objectAt(2); // in the first block
            OffHeapRegion.containing(victim - 8, 8).putLong(0, 0x1234); // scribble over a free object's cookie
            final long[] firsts = {-1, -1, -1, -1};
            final MempoolCorruptionException ex = assertThrows(MempoolCorruptionException.class,
                () -> mp.getContigBlocks(firsts, 0, 4));
            assertEquals("pool " + mp.name() + ": object 0x" + Long.toHexString(victim) + ": corrupted free object: cookie"
                + " 0x1234 (expected 0xf2eef2eedadd2e55, free); getContigBlocks handed out nothing, 1 object(s) were taken"
                + " out of circulation", ex.getMessage());
            assertArrayEquals(new long[4], firsts, "nothing handed out");
            assertEquals(SIZE - 1, mp.availCount(), "the sound objects went back");
            mp.close(true);
        }
    }

    @Test
    void statsCountAFailedCallAndNothingChanges() {
        try (Mempool mp = pool(MempoolFlag.STATS)) {
            final long[] firsts = {7, 7, 7, 7, 7};
            assertFalse(mp.getContigBlocks(firsts, 0, 5), "5 blocks of 4 from 16 objects");
            assertArrayEquals(new long[] {7, 7, 7, 7, 7}, firsts);
            assertTrue(mp.isFull());
            final long obj = mp.get(); // through the cache: the cache takes half its size from the store
            assertFalse(mp.getContigBlocks(firsts, 0, 4), "a block is broken while its objects are in a cache");
            assertEquals(2, mp.stats().getFailBulk());
            assertEquals(9, mp.stats().getFailBlks());
            mp.put(obj);
        }
    }

    @Test
    void badInputNamesTheValueAndRangeAndChangesNothing() {
        try (Mempool mp = pool(MempoolFlag.STATS)) {
            assertEquals("objs: null (expected: a long[] table)",
                assertThrows(IllegalArgumentException.class, () -> mp.getContigBlocks(null, 0, 1)).getMessage());
            assertEquals("n: -1 (expected: >= 0)",
                assertThrows(IllegalArgumentException.class, () -> mp.getContigBlocks(new long[2], 0, -1)).getMessage());
            assertEquals("offset: 1 (expected: 0..0 for n 2 in a table of length 2)",
                assertThrows(IndexOutOfBoundsException.class, () -> mp.getContigBlocks(new long[2], 1, 2)).getMessage());
            assertEquals("n: 3 (expected: 0..2, the table's length)",
                assertThrows(IndexOutOfBoundsException.class, () -> mp.getContigBlocks(new long[2], 0, 3)).getMessage());
            assertTrue(mp.isFull());
            assertEquals(0, mp.stats().getFailBulk() + mp.stats().getSuccessBulk(), "a rejected call counts nothing");
        }
    }

    @Test
    void aStoreWithoutBlocksRefusesAndAClosedPoolThrows() {
        final Mempool mp = Mempool.builder("cb_" + NAMES.incrementAndGet()).size(8).elementSize(64).ops(RecordingOps.NAME)
            .create();
        assertEquals(0, mp.contigBlockSize());
        final UnsupportedOperationException ex = assertThrows(UnsupportedOperationException.class,
            () -> mp.getContigBlocks(new long[1], 0, 1));
        assertEquals("pool " + mp.name() + ": ops " + RecordingOps.NAME + " has no contiguous blocks (contigBlockSize() is 0)",
            ex.getMessage());
        mp.close();
        assertThrows(IllegalStateException.class, () -> mp.getContigBlocks(new long[1], 0, 1));
        assertThrows(IllegalStateException.class, mp::contigBlockSize);
    }
}
