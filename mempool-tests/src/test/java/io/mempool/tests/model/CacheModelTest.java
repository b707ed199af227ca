package io.mempool.tests.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The model itself against DPDK-FACTS §1.4, worked by hand, so the properties compare the pool with gen C
 * and not with a copy of {@code MempoolCache}'s own mistakes.
 */
class CacheModelTest {

    private static CacheModel fifoCache(final int size, final long... storeHandles) {
        final StoreModel store = new StoreModel(StoreModel.Order.FIFO, 64);
        store.enqueue(storeHandles, 0, storeHandles.length);
        return new CacheModel(store, size);
    }

    @Test
    void putOverflowingFlushesTheOldestHalfThenPushes() {
        final CacheModel cache = fifoCache(4);
        cache.put(new long[] {1, 2, 3, 4}, 0, 4);
        cache.put(new long[] {5}, 0, 1);
        // a bulk keeps its order, its first object the hottest: 3 and 4 (the oldest half) went to the
        // store; the cache holds 5, 1, 2 and gives 5 first
        assertEquals(3, cache.length());
        assertEquals(2, cache.storeCount());
        final long[] out = new long[3];
        assertTrue(cache.get(out, 0, 3));
        assertArrayEquals(new long[] {5, 1, 2}, out);
    }

    @Test
    void putOfMoreThanHalfThatDoesNotFitGoesStraightToTheStore() {
        final CacheModel cache = fifoCache(4);
        cache.put(new long[] {1, 2}, 0, 2);
        cache.put(new long[] {3, 4, 5}, 0, 3);
        assertEquals(2, cache.length());
        assertEquals(3, cache.storeCount());
    }

    @Test
    void getBeyondHeldRefillsHalfAndServesFromItsStart() {
        final CacheModel cache = fifoCache(4, 10, 11, 12);
        cache.put(new long[] {1}, 0, 1);
        final long[] out = new long[2];
        assertTrue(cache.get(out, 0, 2));
        // held 1 first, then the start of the refill {10, 11}: 10; 11 stays cached
        assertArrayEquals(new long[] {1, 10}, out);
        assertEquals(1, cache.length());
        assertEquals(1, cache.storeCount());
    }

    @Test
    void failedRefillFallsBackToADirectGet() {
        final CacheModel cache = fifoCache(8, 10);
        final long[] out = new long[1];
        assertTrue(cache.get(out, 0, 1)); // refill of 4 fails, the direct get of 1 succeeds
        assertArrayEquals(new long[] {10}, out);
        assertEquals(0, cache.length());
    }

    @Test
    void failedGetChangesNothingAndWritesNothing() {
        final CacheModel cache = fifoCache(4, 10);
        cache.put(new long[] {1}, 0, 1);
        final long[] out = {-1, -1, -1, -1};
        assertFalse(cache.get(out, 0, 4));
        assertArrayEquals(new long[] {-1, -1, -1, -1}, out);
        assertEquals(1, cache.length());
        assertEquals(1, cache.storeCount());
    }

    @Test
    void lifoStoreReturnsTheNewestFirst() {
        final StoreModel store = new StoreModel(StoreModel.Order.LIFO, 8);
        store.enqueue(new long[] {1, 2, 3}, 0, 3);
        final long[] out = new long[2];
        assertTrue(store.dequeue(out, 0, 2));
        assertArrayEquals(new long[] {3, 2}, out);
    }
}
