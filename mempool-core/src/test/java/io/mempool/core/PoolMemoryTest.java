package io.mempool.core;

import io.mempool.api.OffHeapRegion;
import io.mempool.core.memory.MemoryLayer;
import io.mempool.core.memory.MemoryScope;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolMemoryTest {
    /** Chunks' memory for every test; freed when the JVM exits. */
    private static final MemoryScope SCOPE = MemoryLayer.newScope();

    @Test
    void indexOfFindsEveryObjectAndRejectsEverythingElse() {
        for (final int elt : new int[] {8, 13, 64, 100, 1984, 2048, 3000}) {
            for (final boolean align : new boolean[] {true, false}) {
                final ElementLayout layout = ElementLayout.of(elt, false, align, align);
                final PoolMemory memory = PoolMemory.allocate("pm_index", layout, 37, PoolMemory.MAX_CHUNK_BYTES, SCOPE);
                try {
                    for (int i = 0; i < 37; i++) {
                        final long obj = memory.objectAt(i);
                        assertEquals(0, obj % layout.alignment);
                        assertEquals(i, memory.indexOf(obj));
                        assertEquals(-1, memory.indexOf(obj + 8), "inside object " + i);
                        assertEquals(-1, memory.indexOf(obj - 8), "header of object " + i);
                        assertEquals(-1, memory.indexOf(obj + 1));
                    }
                    assertEquals(-1, memory.indexOf(memory.objectAt(0) - layout.totalSize));
                    assertEquals(-1, memory.indexOf(memory.objectAt(36) + layout.totalSize));
                    assertEquals(-1, memory.indexOf(0));
                    assertEquals(-1, memory.indexOf(-1));
                    assertEquals(-1, memory.indexOf(Long.MIN_VALUE));
                } finally {
                    memory.free();
                }
            }
        }
    }

    @Test
    void chunksAreCappedAndIndexedAcrossChunks() {
        final ElementLayout layout = ElementLayout.of(2048, false, true, true);
        final PoolMemory memory = PoolMemory.allocate("pm_chunks", layout, 10, 3L * layout.totalSize, SCOPE);
        try {
            assertEquals(4, memory.chunkCount()); // 3 + 3 + 3 + 1
            for (int k = 0; k < memory.chunkCount(); k++) {
                assertTrue(memory.chunk(k).length() <= 3L * layout.totalSize);
                assertEquals(0, memory.chunk(k).address() % 64);
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(i, memory.indexOf(memory.objectAt(i)));
            }
            assertEquals(-1, memory.indexOf(memory.objectAt(9) + layout.totalSize));
        } finally {
            memory.free();
        }
    }

    @Test
    void memoryIsZeroed() {
        final ElementLayout layout = ElementLayout.of(256, false, true, true);
        final PoolMemory memory = PoolMemory.allocate("pm_zero", layout, 4, PoolMemory.MAX_CHUNK_BYTES, SCOPE);
        try {
            final MemoryChunk chunk = memory.chunk(0);
            final OffHeapRegion region = OffHeapRegion.containing(chunk.address(), chunk.length());
            for (long offset = 0; offset < chunk.length(); offset += 8) {
                assertEquals(0, region.getLong(offset));
            }
        } finally {
            memory.free();
        }
    }

    @Test
    void chunksAreNamedMemzonesFreedWithTheMemory() {
        final ElementLayout layout = ElementLayout.of(2048, false, true, true);
        final PoolMemory memory = PoolMemory.allocate("pm_named", layout, 10, 3L * layout.totalSize, SCOPE);
        for (int k = 0; k < 4; k++) {
            assertEquals(memory.chunk(k).address(), Memzone.lookup("MP_pm_named_" + k).orElseThrow().address());
        }
        memory.free();
        assertTrue(Memzone.lookup("MP_pm_named_0").isEmpty());
        memory.free(); // idempotent
    }

    @Test
    void anAllocationFailingPartWayFreesTheChunksBeforeIt() {
        final ElementLayout layout = ElementLayout.of(2048, false, true, true);
        final int before = Memzone.reserved().size();
        Memzone.injectFaults(name -> name.equals("MP_pm_fail_2"));
        try {
            assertThrows(OutOfMemoryError.class, () -> PoolMemory.allocate("pm_fail", layout, 10, 3L * layout.totalSize, SCOPE));
        } finally {
            Memzone.injectFaults(null);
        }
        assertEquals(before, Memzone.reserved().size(), "chunks 0 and 1 were freed");
    }

    @Test
    void objectsAStorePlacesInRunsAreIndexedExactly() {
        final ElementLayout layout = ElementLayout.of(100, false, true, true); // 64 + 104 -> 192: 3 lines
        final int stride = layout.totalSize;
        final PoolMemory memory = PoolMemory.forPlacement(layout);
        try {
            final long[] objs = new long[14];
            int n = 0;
            for (final int chunk : new int[] {0, 1}) {
                final long base = memory.addChunk("pm_runs", 4096, 1024, SCOPE).address();
                for (int i = 0; i < 7; i++) { // runs of 3 at the start of every 1 KiB block, 2 runs and 1 object
                    objs[n] = base + (i / 3) * 1024L + (long) (i % 3) * stride + layout.headerSize;
                    assertEquals(n, memory.record(objs[n]), "chunk " + chunk + " object " + i);
                    n++;
                }
            }
            assertEquals(14, memory.objectCount());
            assertEquals(2, memory.chunkCount());
            for (int i = 0; i < n; i++) {
                assertEquals(objs[i], memory.objectAt(i));
                assertEquals(i, memory.indexOf(objs[i]));
                assertTrue(memory.inChunks(objs[i]));
                assertEquals(-1, memory.indexOf(objs[i] + 64), "inside object " + i);
            }
            assertTrue(memory.allObjects(objs, 0, n));
            assertTrue(memory.allInChunks(objs, 0, n));
            final long gap = objs[2] + stride; // the 4th slot of the first run: in the gap before the next block
            assertEquals(-1, memory.indexOf(gap));
            assertEquals(-1, memory.indexOf(objs[6] + stride), "past the chunk's last object");
            assertEquals(-1, memory.indexOf(0));
            assertEquals(63, memory.alignmentMask(), "the range check keeps the stride's 64-byte alignment");
        } finally {
            memory.free();
        }
    }

    @Test
    void aPlacementThatBreaksTheRunsIsRefusedNamingTheHandle() {
        final ElementLayout layout = ElementLayout.of(100, false, true, true);
        final int stride = layout.totalSize;
        final PoolMemory memory = PoolMemory.forPlacement(layout);
        try {
            final long base = memory.addChunk("pm_bad", 4096, 1024, SCOPE).address();
            final long first = base + layout.headerSize;
            assertRefused(memory, base - stride, "inside chunk 0");
            assertRefused(memory, first + 8, "aligned to 64");
            assertRefused(memory, base + 4096 - stride + layout.headerSize + 64, "inside chunk 0");
            memory.record(first);
            memory.record(first + stride);
            assertRefused(memory, first, "0x" + Long.toHexString(first + 2L * stride) + ", object 2 of chunk 0 after a run of 2");
            memory.record(first + 1024); // a second run sets the distance
            memory.record(first + 1024 + stride);
            assertRefused(memory, first + 3000 - 3000 % 64, "in runs of 2 elements 1024 bytes apart");
            assertEquals(4, memory.objectCount(), "refused objects are not recorded");
        } finally {
            memory.free();
        }
    }

    private static void assertRefused(final PoolMemory memory, final long obj, final String expected) {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> memory.record(obj));
        assertTrue(ex.getMessage().startsWith("obj: 0x" + Long.toHexString(obj) + " (expected: "), ex.getMessage());
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
