package io.mempool.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The floor's cache moves objects as DPDK 26.07's does (DPDK-FACTS §1.4): counts, bypasses, all or none. */
class FloorCacheTest {
    private static final int SIZE = 8;
    private static final int HALF = SIZE / 2;

    private final FloorStack store = new FloorStack(100);
    private final FloorCache cache = new FloorCache(store, SIZE);

    FloorCacheTest() {
        final long[] handles = new long[20];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = i + 1;
        }
        store.push(handles, 0, handles.length);
    }

    @Test
    void aShortGetRefillsHalfAndServesTheHottest() {
        final long[] got = new long[3];
        assertTrue(cache.get(got, 0, 3));
        assertEquals(16, store.count(), "one refill of size/2");
        assertEquals(HALF - 3, cache.length());
        assertArrayEquals(new long[] {18, 19, 20}, got, "the store's top, in order");
        assertTrue(cache.get(got, 0, 1));
        assertEquals(17, got[0]);
        assertEquals(0, cache.length());
    }

    @Test
    void aShortfallOverHalfGoesStraightToTheStore() {
        final long[] got = new long[HALF + 1];
        assertTrue(cache.get(got, 0, got.length));
        assertEquals(20 - got.length, store.count());
        assertEquals(0, cache.length(), "nothing refilled");
    }

    @Test
    void aFullCacheFlushesItsOldestHalf() {
        final long[] objs = {101, 102, 103, 104, 105, 106, 107, 108};
        cache.put(objs, 0, SIZE);
        assertEquals(SIZE, cache.length());
        cache.put(new long[] {109}, 0, 1);
        assertEquals(20 + HALF, store.count(), "the oldest half went to the store");
        assertEquals(SIZE - HALF + 1, cache.length());
        final long[] top = new long[HALF];
        assertTrue(store.pop(top, 0, HALF));
        assertArrayEquals(new long[] {101, 102, 103, 104}, top);
        final long[] got = new long[SIZE - HALF + 1];
        assertTrue(cache.get(got, 0, got.length));
        assertArrayEquals(new long[] {105, 106, 107, 108, 109}, got);
    }

    @Test
    void aPutOverHalfThatDoesNotFitBypassesTheCache() {
        cache.put(new long[] {1, 2, 3}, 0, 3);
        cache.put(new long[] {4, 5, 6, 7, 8, 9}, 0, 6);
        assertEquals(3, cache.length());
        assertEquals(26, store.count());
    }

    @Test
    void aGetThatTheStoreCannotServeTakesNothing() {
        final long[] all = new long[20];
        assertTrue(store.pop(all, 0, 20));
        cache.put(new long[] {7, 8}, 0, 2);
        final long[] got = new long[5];
        assertFalse(cache.get(got, 0, 5));
        assertEquals(2, cache.length(), "the cache unchanged");
        assertArrayEquals(new long[5], got);
        cache.flush();
        assertEquals(0, cache.length());
        assertEquals(2, store.count());
    }
}
