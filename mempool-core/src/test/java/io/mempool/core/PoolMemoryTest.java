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
}
