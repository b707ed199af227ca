package io.mempool.core;

import io.mempool.api.MempoolFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pool on a store that places its objects itself ({@link PlacingOps}: runs of 4 at the start of each
 * aligned block): the memory its calcMemSize asks for, its handles as the pool's objects with the pool's
 * headers and objectInit, exact indices and checks, and what a store that places badly gets.
 */
class PlacementHooksTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void registerStore() {
        PlacingOps.ensureRegistered();
    }

    private static MempoolBuilder builder(final int size) {
        return Mempool.builder("plc_" + NAMES.incrementAndGet()).size(size).elementSize(100).cacheSize(0)
            .ops(PlacingOps.NAME);
    }

    /** The store's layout: object i at block i / 4, slot i % 4, each block 1024 bytes (4 x 192 rounded up). */
    private static void assertPlacedAsTheStoreSays(final Mempool mp, final long chunkAddress, final int from, final int to) {
        for (int i = from; i < to; i++) {
            final int local = i - from;
            assertEquals(chunkAddress + local / 4 * 1024L + local % 4 * 192L + 64, mp.objectAt(i), "object " + i);
        }
    }

    @Test
    void theStoresHandlesAreThePoolsObjectsWithItsHeadersAndObjectInit() {
        final List<Integer> initialised = new ArrayList<>();
        try (Mempool mp = builder(10).flags(MempoolFlag.DEBUG)
                .objectInit((pool, obj, index) -> {
                    assertEquals(index, pool.indexOf(obj), "indexOf inside objectInit");
                    pool.byteBuffer(obj).putInt(0, index);
                    initialised.add(index);
                }).create()) {
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), initialised);
            final List<MemoryChunk> chunks = new ArrayList<>();
            mp.memIter((pool, chunk, k) -> chunks.add(chunk));
            assertEquals(1, chunks.size());
            assertEquals(3 * 1024, chunks.get(0).length(), "calcMemSize: 3 blocks for 10 objects");
            assertEquals(0, chunks.get(0).address() % 1024, "aligned as calcMemSize asked");
            assertPlacedAsTheStoreSays(mp, chunks.get(0).address(), 0, 10);
            mp.objIter((pool, obj, index) -> {
                assertEquals(index, pool.indexOf(obj));
                assertEquals(index, pool.byteBuffer(obj).getInt(0));
            });
            mp.audit();
            final long gap = mp.objectAt(3) + 192; // past the first run, before the second block
            assertThrows(IllegalArgumentException.class, () -> mp.indexOf(gap));
            assertThrows(IllegalArgumentException.class, () -> mp.byteBuffer(gap));
            final long[] all = new long[10];
            assertTrue(mp.getBulk(all, 0, 10));
            assertEquals(10, Arrays.stream(all).distinct().count());
            mp.putBulk(all, 0, 10);
            assertTrue(mp.isFull());
        }
    }

    @Test
    void withoutDebugAPutOutsideThePoolsChunksIsRejected() {
        try (Mempool mp = builder(8).create(); Mempool other = builder(8).create()) {
            final long foreign = other.get();
            assertThrows(IllegalArgumentException.class, () -> mp.put(foreign));
            assertEquals(8, mp.availCount());
            other.put(foreign);
        }
    }

    @Test
    void aPoolBeyondOneChunkGetsChunkAfterChunkAsTheMissingObjectsNeed() {
        try (Mempool mp = builder(10).maxChunkBytes(2048).create()) {
            final List<MemoryChunk> chunks = new ArrayList<>();
            mp.memIter((pool, chunk, k) -> chunks.add(chunk));
            assertEquals(2, chunks.size(), "2 blocks, then the 1 the last 2 objects need");
            assertEquals(2048, chunks.get(0).length());
            assertEquals(1024, chunks.get(1).length());
            assertPlacedAsTheStoreSays(mp, chunks.get(0).address(), 0, 8);
            assertPlacedAsTheStoreSays(mp, chunks.get(1).address(), 8, 10);
            for (int i = 0; i < 10; i++) {
                assertEquals(i, mp.indexOf(mp.objectAt(i)));
            }
            mp.audit();
        }
    }

    @Test
    void aStoreThatLeavesTheLayoutToThePoolGetsTheMemoryItAskedFor() {
        try (Mempool mp = builder(10).opsParam("layout", "pool").create()) {
            final List<MemoryChunk> chunks = new ArrayList<>();
            mp.memIter((pool, chunk, k) -> chunks.add(chunk));
            assertEquals(1, chunks.size());
            assertEquals(0, chunks.get(0).address() % 1024);
            for (int i = 0; i < 10; i++) {
                assertEquals(chunks.get(0).address() + 64 + 192L * i, mp.objectAt(i), "object " + i + " one after another");
            }
        }
    }

    @Test
    void aStoreThatPlacesBadlyFailsTheCreationNamingTheObjectAndLeavesNothing() {
        final int zones = Memzone.reserved().size();
        for (final String fault : new String[] {"overlap", "irregular", "outside"}) {
            final MempoolBuilder b = builder(12).opsParam("fault", fault);
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, b::create, fault);
            assertTrue(ex.getMessage().startsWith("obj: 0x"), fault + ": " + ex.getMessage());
            assertEquals(zones, Memzone.reserved().size(), fault + ": the chunks were freed");
        }
        final IllegalStateException miscount = assertThrows(IllegalStateException.class,
            () -> builder(12).opsParam("fault", "miscount").create());
        assertTrue(miscount.getMessage().contains("populate returned 13 for a chunk of 3072 bytes"), miscount.getMessage());
        assertEquals(zones, Memzone.reserved().size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStoreThatPlacesItsObjectsCannotBackASharedPool() {
        final ElementLayout layout = ElementLayout.of(100, false, true, true);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> StoreBoundary.checkLeavesLayoutToThePool((io.mempool.api.MempoolOps<Object>) (Object) new PlacingOps(),
                io.mempool.api.OpsConfig.of("plc_shared", 8), layout.geometry()));
        assertTrue(ex.getMessage().startsWith("ops: " + PlacingOps.NAME + " (expected: one that leaves the layout to the pool"),
            ex.getMessage());
    }

    @Test
    void indicesAndHandlesAgreeWithTheStoresOwnRecord() {
        try (Mempool mp = builder(9).create()) {
            final long[] byIndex = new long[9];
            mp.objIter((pool, obj, index) -> byIndex[index] = obj);
            final long[] sorted = byIndex.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, byIndex, "index order is address order in this store's layout");
        }
    }
}
