package io.mempool.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DPDK 26.07's cache algorithm (DPDK-FACTS §1.4 gen C), observed through a recording store. */
class CacheAlgorithmTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final int CACHE = 8;
    private Mempool mp;
    private RecordingOps.Store store;
    private MempoolCache cache;

    @BeforeEach
    void setUp() {
        RecordingOps.ensureRegistered();
        mp = Mempool.builder("cache_alg_" + NAMES.incrementAndGet()).size(64).elementSize(64)
            .ops(RecordingOps.NAME).create();
        store = RecordingOps.storeOf(mp);
        cache = mp.createCache(CACHE);
        store.calls.clear();
    }

    @AfterEach
    void tearDown() {
        mp.close(true);
    }

    private long[] get(final int n) {
        final long[] objs = new long[n];
        assertTrue(mp.genericGet(objs, 0, n, cache));
        return objs;
    }

    @Test
    void putsWithinSizeStayInTheCache() {
        final long[] objs = get(CACHE);
        store.calls.clear();
        mp.genericPut(objs, 0, CACHE, cache);
        assertEquals(List.of(), store.calls);
        assertEquals(CACHE, cache.length());
    }

    @Test
    void anOverflowingPutFlushesTheOldestHalf() {
        final long[] objs = new long[CACHE + 1];
        assertTrue(mp.genericGet(objs, 0, CACHE + 1, null));
        for (int i = 0; i < CACHE; i++) {
            mp.genericPut(objs, i, 1, cache); // one at a time: objs[CACHE - 1] is the hottest
        }
        store.calls.clear();
        mp.genericPut(objs, CACHE, 1, cache);
        assertEquals(List.of("enqueue " + CACHE / 2), store.calls);
        assertEquals(CACHE / 2 + 1, cache.length());
        // the newest comes out first, and the oldest half (objs[0 .. CACHE/2)) is gone
        final long[] back = get(CACHE / 2 + 1);
        assertEquals(objs[CACHE], back[0]);
        assertEquals(objs[CACHE - 1], back[1]);
        assertEquals(objs[CACHE / 2], back[CACHE / 2]);
    }

    @Test
    void aPutOfMoreThanHalfThatOverflowsGoesStraightToTheStore() {
        final long[] objs = new long[CACHE + CACHE / 2 + 1];
        assertTrue(mp.genericGet(objs, 0, objs.length, null));
        mp.genericPut(objs, 0, CACHE / 2, cache);
        store.calls.clear();
        mp.genericPut(objs, CACHE / 2, CACHE / 2 + 1, cache);
        assertEquals(List.of("enqueue " + (CACHE / 2 + 1)), store.calls);
        assertEquals(CACHE / 2, cache.length());
    }

    @Test
    void separatePutsComeBackLifoAndABulkKeepsItsOrder() {
        final long[] objs = new long[6];
        assertTrue(mp.genericGet(objs, 0, 6, null));
        mp.genericPut(objs, 0, 1, cache);
        mp.genericPut(objs, 1, 1, cache);
        mp.genericPut(objs, 2, 1, cache);
        mp.genericPut(objs, 3, 3, cache);
        store.calls.clear();
        assertArrayEquals(new long[] {objs[3], objs[4], objs[5], objs[2], objs[1], objs[0]}, get(6));
        assertEquals(List.of(), store.calls);
    }

    @Test
    void aShortCacheRefillsExactlyHalfAndKeepsTheRest() {
        final long[] held = new long[2];
        assertTrue(mp.genericGet(held, 0, 2, null));
        mp.genericPut(held, 0, 2, cache);
        store.calls.clear();
        final long[] objs = get(3); // 2 held + 1 remaining <= half
        assertEquals(List.of("dequeue " + CACHE / 2), store.calls);
        assertEquals(held[0], objs[0], "the held objects first, in their order");
        assertEquals(held[1], objs[1]);
        assertEquals(CACHE / 2 - 1, cache.length());
    }

    @Test
    void aGetBeyondHalfBypassesTheCache() {
        store.calls.clear();
        get(CACHE / 2 + 1);
        assertEquals(List.of("dequeue " + (CACHE / 2 + 1)), store.calls);
        assertEquals(0, cache.length());
    }

    @Test
    void aFailedRefillFallsBackToADirectGet() {
        final long[] all = new long[64];
        assertTrue(mp.genericGet(all, 0, 62, null)); // the store keeps 2 < half
        store.calls.clear();
        get(2);
        assertEquals(List.of("dequeue " + CACHE / 2, "dequeue 2"), store.calls);
        assertEquals(0, cache.length());
    }

    @Test
    void aFailedGetChangesNothingAndWritesNothing() {
        final long[] held = new long[2];
        assertTrue(mp.genericGet(held, 0, 2, null));
        mp.genericPut(held, 0, 2, cache);
        store.failDequeues = true;
        final long[] objs = new long[5];
        Arrays.fill(objs, -7);
        assertFalse(mp.genericGet(objs, 0, 5, cache));
        assertArrayEquals(new long[] {-7, -7, -7, -7, -7}, objs);
        assertEquals(2, cache.length());
        store.failDequeues = false;
        final long[] back = get(2);
        assertArrayEquals(held, back);
    }

    @Test
    void theCacheNeverHoldsMoreThanItsSize() {
        final long[] objs = new long[64];
        assertTrue(mp.genericGet(objs, 0, 64, null));
        for (int i = 0; i < 64; i++) {
            mp.genericPut(objs, i, 1, cache);
            assertTrue(cache.length() <= CACHE);
        }
        assertEquals(64, mp.availCount());
    }

    @Test
    void singleGetAndPutThroughTheDefaultCacheFollowTheSameRules() {
        try (Mempool cached = Mempool.builder("cache_alg_single_" + NAMES.incrementAndGet()).size(64).elementSize(64)
            .cacheSize(CACHE).ops(RecordingOps.NAME).create()) {
            final RecordingOps.Store cachedStore = RecordingOps.storeOf(cached);
            cachedStore.calls.clear();
            final long obj = cached.get();
            assertEquals(List.of("dequeue " + CACHE / 2), cachedStore.calls);
            assertEquals(CACHE / 2 - 1, cached.defaultCache().length());
            cached.put(obj);
            assertEquals(obj, cached.get(), "the default cache returns the hottest object");
            cached.put(obj);
            assertEquals(64, cached.availCount());
        }
    }
}
