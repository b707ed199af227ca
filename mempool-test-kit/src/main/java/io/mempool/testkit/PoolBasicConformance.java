package io.mempool.testkit;

import io.mempool.core.Mempool;
import io.mempool.core.MempoolCache;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.nio.ByteBuffer;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * DPDK's test_mempool_basic ({@link MempoolOpsConformanceRules.PoolBasic}) for one {@link CacheMode},
 * on test_mempool.c's pool (1055 objects of 2048 bytes) over the ops under test. Each rule replays
 * the steps of the DPDK test up to the check it names. Single-threaded.
 */
abstract class PoolBasicConformance extends ConformanceGroup implements MempoolOpsConformanceRules.PoolBasic {
    private final CacheMode mode;

    PoolBasicConformance(final MempoolOpsConformance kit, final CacheMode mode) {
        super(kit);
        this.mode = mode;
    }

    /** The pool of one rule, reached the way {@link #mode} says. */
    private final class Basic {
        final Mempool mp;
        final MempoolCache cache;
        private final long[] one = new long[1];

        Basic() {
            mp = track(dpdkBuilder("basic", mode.poolCacheSize()).create());
            cache = mode == CacheMode.USER_CACHE ? mp.createCache(Mempool.CACHE_MAX_SIZE) : null;
            if (mode == CacheMode.DEFAULT_CACHE) {
                final MempoolCache own = mp.defaultCache();
                assertNotNull(own, "defaultCache() of a pool with cache " + mp.cacheSize());
                assertEquals(Mempool.CACHE_MAX_SIZE, own.size(), "default cache size");
            } else {
                assertNull(mp.defaultCache(), "defaultCache() of a pool with cache 0");
            }
        }

        long get() {
            if (cache == null) {
                return mp.get();
            }
            return mp.genericGet(one, 0, 1, cache) ? one[0] : Mempool.NULL;
        }

        void put(final long obj) {
            if (cache == null) {
                mp.put(obj);
            } else {
                one[0] = obj;
                mp.genericPut(one, 0, 1, cache);
            }
        }

        /** Gets objects until a get fails, at most size + 1 attempts; returns them. */
        long[] getUntilEmpty() {
            final long[] objs = new long[mp.size() + 1];
            int n = 0;
            while (n <= mp.size()) {
                final long obj = get();
                if (obj == Mempool.NULL) {
                    break;
                }
                objs[n++] = obj;
            }
            assertTrue(n <= mp.size(), mode + ": " + n + " gets succeeded from a pool of " + mp.size());
            return Arrays.copyOf(objs, n);
        }

        void putAll(final long[] objs) {
            for (final long obj : objs) {
                put(obj);
            }
        }

        /** 8.8's end: flush the cache in use, close a user cache, then the pool must close cleanly. */
        void finish() {
            if (cache != null) {
                cache.flush();
                assertEquals(0, cache.length(), mode + ": user cache length after flush");
                cache.close();
            } else if (mode == CacheMode.DEFAULT_CACHE) {
                mp.defaultCache().flush();
                assertEquals(0, mp.defaultCache().length(), mode + ": default cache length after flush");
            }
            assertTrue(mp.isFull(), mode + ": pool full once everything is back");
            mp.close();
        }
    }

    private long checkedGet(final Basic b) {
        final long obj = b.get();
        assertNotEquals(Mempool.NULL, obj, mode + ": get from a full pool returned NULL");
        final int index = b.mp.indexOf(obj);
        assertTrue(index >= 0 && index < b.mp.size(), mode + ": indexOf " + index + " (expected: 0.." + (b.mp.size() - 1) + ")");
        return obj;
    }

    @Test
    @Override
    public void required_dpdk_testMempoolBasic_getOne() {
        final Basic b = new Basic();
        final long obj = checkedGet(b);
        b.put(obj);
        b.finish();
    }

    @Test
    @Override
    public void required_dpdk_testMempoolBasic_availCountAfterGetOne() {
        final Basic b = new Basic();
        final long obj = checkedGet(b);
        assertEquals(DPDK_SIZE - 1, b.mp.availCount(), mode + ": availCount after one get");
        assertEquals(1, b.mp.inUseCount(), mode + ": inUseCount after one get");
        if (b.cache != null) {
            assertTrue(b.cache.length() <= b.cache.size(), mode + ": user cache holds " + b.cache.length());
        }
        b.put(obj);
        assertEquals(DPDK_SIZE, b.mp.availCount(), mode + ": availCount after the put");
        b.finish();
    }

    @Test
    @Override
    public void required_dpdk_testMempoolBasic_putBackThenGetTwo() {
        final Basic b = new Basic();
        b.put(checkedGet(b));
        final long first = checkedGet(b);
        final long second = checkedGet(b);
        assertNotEquals(first, second, mode + ": two gets returned the same object");
        assertEquals(DPDK_SIZE - 2, b.mp.availCount(), mode + ": availCount after two gets");
        b.put(first);
        b.put(second);
        assertEquals(DPDK_SIZE, b.mp.availCount(), mode + ": availCount after putting both back");
        b.finish();
    }

    @Test
    @Override
    public void required_dpdk_testMempoolBasic_getUntilEmpty() {
        final Basic b = new Basic();
        final long[] objs = b.getUntilEmpty();
        assertEquals(DPDK_SIZE, objs.length, mode + ": objects got before a get failed"
            + " (no other thread holds a cache of this pool)");
        assertEquals(Mempool.NULL, b.get(), mode + ": get from an empty pool");
        assertEquals(0, b.mp.availCount(), mode + ": availCount of an empty pool");
        assertTrue(b.mp.isEmpty(), mode + ": isEmpty once every object is out");
        b.putAll(objs);
        b.finish();
    }

    @Test
    @Override
    public void required_dpdk_testMempoolBasic_objectBytesUntouched() {
        final Basic b = new Basic();
        final long[] objs = b.getUntilEmpty();
        final BitSet indexes = new BitSet(DPDK_SIZE);
        final BitSet written = new BitSet(DPDK_SIZE);
        for (final long obj : objs) {
            final int index = b.mp.indexOf(obj);
            assertTrue(index >= 0 && index < DPDK_SIZE, mode + ": indexOf " + index);
            assertFalse(indexes.get(index), mode + ": object " + index + " got twice");
            indexes.set(index);
            final ByteBuffer fw = b.mp.byteBuffer(obj);
            assertEquals(DPDK_ELT, fw.capacity(), mode + ": byteBuffer capacity");
            final int stamp = fw.getInt(0);
            assertTrue(stamp >= 0 && stamp < DPDK_SIZE && !written.get(stamp),
                mode + ": bytes 0..3 of object " + index + " hold " + stamp + ", not a distinct objectInit index");
            written.set(stamp);
            if (fw.getInt(4) != 0) {
                fail(mode + ": bytes 4..7 of object " + index + " were written");
            }
            for (int at = 8; at < DPDK_ELT; at += 8) {
                if (fw.getLong(at) != 0) {
                    fail(mode + ": bytes " + at + ".." + (at + 7) + " of object " + index + " were written");
                }
            }
        }
        b.putAll(objs);
        b.finish();
    }

    @Test
    @Override
    public void required_dpdk_testMempoolBasic_putAllBackAndFlush() {
        final Basic b = new Basic();
        final long[] objs = b.getUntilEmpty();
        b.putAll(objs);
        assertEquals(DPDK_SIZE, b.mp.availCount(), mode + ": availCount once everything is back");
        assertEquals(0, b.mp.inUseCount(), mode + ": inUseCount once everything is back");
        b.finish();
        assertTrue(b.mp.isClosed(), mode + ": isClosed after close");
    }
}
