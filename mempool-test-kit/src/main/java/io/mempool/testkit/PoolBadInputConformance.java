package io.mempool.testkit;

import io.mempool.api.MempoolFlag;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolCache;
import io.mempool.core.MempoolOpsRegistry;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of {@link MempoolOpsConformanceRules.BadInput}: every public method of {@link Mempool}
 * and {@link MempoolCache} rejects bad input with the documented exception and a
 * {@code name: value (expected: range)} message, and changes nothing.
 */
abstract class PoolBadInputConformance extends ConformanceGroup implements MempoolOpsConformanceRules.BadInput {
    private static final long SENTINEL = -7L;

    PoolBadInputConformance(final MempoolOpsConformance kit) {
        super(kit);
    }

    private Mempool pool(final String tag, final int cacheSize) {
        return track(builder(tag).size(64).elementSize(64).cacheSize(cacheSize).create());
    }

    /** Asserts the call throws exactly {@code type} with {@code message}, and the pool's counts did not change. */
    private static <T extends Throwable> void assertRejected(
        final Mempool mp, final Class<T> type, final String message, final Executable call) {
        final int avail = mp.availCount();
        final T thrown = assertThrows(type, call);
        assertEquals(type, thrown.getClass(), "exception type");
        if (message != null) {
            assertEquals(message, thrown.getMessage());
        }
        assertEquals(avail, mp.availCount(), "availCount after a rejected call");
    }

    /** A get as the mode makes it: through the user cache, or getBulk (default cache or none). */
    private static boolean get(final Mempool mp, final long[] objs, final int off, final int n, final MempoolCache cache) {
        return cache != null ? mp.genericGet(objs, off, n, cache) : mp.getBulk(objs, off, n);
    }

    private static void put(final Mempool mp, final long[] objs, final int off, final int n, final MempoolCache cache) {
        if (cache != null) {
            mp.genericPut(objs, off, n, cache);
        } else {
            mp.putBulk(objs, off, n);
        }
    }

    private static long[] sentinels(final int n) {
        final long[] objs = new long[n];
        Arrays.fill(objs, SENTINEL);
        return objs;
    }

    @Test
    @Override
    public void required_badInput_builderRejectsValuesOutOfRange() {
        final String tooLong = "n".repeat(Mempool.NAME_MAX_LENGTH + 1);
        assertEquals("name: \"" + tooLong + "\" (expected: [A-Za-z0-9_.-]{1,25})",
            assertThrows(IllegalArgumentException.class, () -> Mempool.builder(tooLong)).getMessage());
        assertEquals("name: null (expected: non-null)",
            assertThrows(IllegalArgumentException.class, () -> Mempool.builder(null)).getMessage());
        assertEquals("size: 0 (expected: >= 1)",
            assertThrows(IllegalArgumentException.class, () -> builder("bad").size(0)).getMessage());
        assertEquals("elementSize: 0 (expected: >= 1)",
            assertThrows(IllegalArgumentException.class, () -> builder("bad").elementSize(0)).getMessage());
        assertEquals("cacheSize: 513 (expected: 0..512)",
            assertThrows(IllegalArgumentException.class, () -> builder("bad").cacheSize(513)).getMessage());
        assertEquals("cacheSize: -1 (expected: 0..512)",
            assertThrows(IllegalArgumentException.class, () -> builder("bad").cacheSize(-1)).getMessage());
        assertEquals("privateDataSize: -1 (expected: >= 0)",
            assertThrows(IllegalArgumentException.class, () -> builder("bad").privateDataSize(-1)).getMessage());
        assertEquals("flag: null (expected: non-null)", assertThrows(IllegalArgumentException.class,
            () -> builder("bad").flags((MempoolFlag) null)).getMessage());
        assertEquals("key: null (expected: non-null)",
            assertThrows(IllegalArgumentException.class, () -> builder("bad").opsParam(null, "1")).getMessage());
        assertEquals("ops: no_such_ops (expected: one of " + MempoolOpsRegistry.names() + ")",
            assertThrows(IllegalArgumentException.class, () -> builder("bad").ops("no_such_ops")).getMessage());
        final String name = uniqueName("bad");
        assertEquals("cacheSize: 9 (expected: 0..512, <= size 8)", assertThrows(IllegalArgumentException.class,
            () -> builderNamed(name).size(8).elementSize(8).cacheSize(9).create()).getMessage());
        assertTrue(Mempool.lookup(name).isEmpty(), "a rejected create registers nothing");
    }

    @Test
    @Override
    public void required_badInput_getsRejectBadTables() {
        for (final CacheMode mode : CacheMode.values()) {
            final Mempool mp = pool("badget", mode == CacheMode.DEFAULT_CACHE ? 16 : 0);
            final MempoolCache cache = mode == CacheMode.USER_CACHE ? mp.createCache(16) : null;
            final long[] three = sentinels(3);
            assertRejected(mp, IllegalArgumentException.class, "objs: null (expected: a long[] table)",
                () -> get(mp, null, 0, 1, cache));
            assertRejected(mp, IllegalArgumentException.class, "n: -1 (expected: >= 0)",
                () -> get(mp, three, 0, -1, cache));
            assertRejected(mp, IndexOutOfBoundsException.class, "n: 4 (expected: 0..3, the table's length)",
                () -> get(mp, three, 0, 4, cache));
            assertRejected(mp, IndexOutOfBoundsException.class,
                "offset: 3 (expected: 0..2 for n 1 in a table of length 3)", () -> get(mp, three, 3, 1, cache));
            assertRejected(mp, IndexOutOfBoundsException.class,
                "offset: -1 (expected: 0..2 for n 1 in a table of length 3)", () -> get(mp, three, -1, 1, cache));
            assertArrayEquals(sentinels(3), three, "a rejected get wrote the table (" + mode + ")");
            if (cache != null) {
                cache.close();
            }
            mp.close();
        }
    }

    @Test
    @Override
    public void required_badInput_putsRejectBadTables() {
        for (final CacheMode mode : CacheMode.values()) {
            final Mempool mp = pool("badput", mode == CacheMode.DEFAULT_CACHE ? 16 : 0);
            final MempoolCache cache = mode == CacheMode.USER_CACHE ? mp.createCache(16) : null;
            final long[] objs = new long[2];
            assertTrue(get(mp, objs, 0, 2, cache));
            assertRejected(mp, IllegalArgumentException.class, "objs: null (expected: a long[] table)",
                () -> put(mp, null, 0, 1, cache));
            assertRejected(mp, IllegalArgumentException.class, "n: -2 (expected: >= 0)",
                () -> put(mp, objs, 0, -2, cache));
            assertRejected(mp, IndexOutOfBoundsException.class,
                "offset: 1 (expected: 0..0 for n 2 in a table of length 2)", () -> put(mp, objs, 1, 2, cache));
            put(mp, objs, 0, 2, cache);
            if (cache != null) {
                cache.close();
            }
            assertTrue(mp.isFull(), "pool full after the good put (" + mode + ")");
            mp.close();
        }
    }

    @Test
    @Override
    public void required_badInput_putsRejectForeignHandles() {
        final Mempool mp = pool("foreign", 8);
        final Mempool other = pool("other", 0);
        final long mine = mp.get();
        final long theirs = other.get();
        final String expected = " (expected: an object of pool " + mp.name() + ", nothing was put)";
        for (final long bad : new long[] {Mempool.NULL, theirs, mine + 8, mine - 1, mine + mp.totalElementSize() * 1000L}) {
            final String message = "obj: 0x" + Long.toHexString(bad) + expected;
            assertRejected(mp, IllegalArgumentException.class, message, () -> mp.put(bad));
            assertRejected(mp, IllegalArgumentException.class, message, () -> mp.putBulk(new long[] {mine, bad}, 0, 2));
            assertRejected(mp, IllegalArgumentException.class, message,
                () -> mp.genericPut(new long[] {bad, mine}, 0, 2, null));
        }
        mp.put(mine);
        other.put(theirs);
        assertTrue(mp.isFull(), "nothing of a rejected put was enqueued");
        other.close();
        mp.close();
    }

    @Test
    @Override
    public void required_badInput_cachesMustBeOwnAndOpen() {
        final Mempool mp = pool("owncache", 0);
        final Mempool other = pool("othercache", 0);
        final MempoolCache foreign = other.createCache(8);
        final String message = "cache: of pool " + other.name() + " (expected: a cache of pool " + mp.name() + ")";
        assertRejected(mp, IllegalArgumentException.class, message, () -> mp.genericGet(new long[1], 0, 1, foreign));
        final long obj = mp.get();
        assertRejected(mp, IllegalArgumentException.class, message, () -> mp.genericPut(new long[] {obj}, 0, 1, foreign));
        final MempoolCache closed = mp.createCache(8);
        closed.close();
        final String closedMessage = "cache of pool " + mp.name() + " is closed";
        assertRejected(mp, IllegalStateException.class, closedMessage, () -> mp.genericGet(new long[1], 0, 1, closed));
        assertRejected(mp, IllegalStateException.class, closedMessage, () -> mp.genericPut(new long[] {obj}, 0, 1, closed));
        assertRejected(mp, IllegalStateException.class, closedMessage, closed::flush);
        mp.put(obj);
        foreign.close();
        other.close();
        mp.close();
    }

    @Test
    @Override
    public void required_badInput_createCacheRejectsSizesOutOfRange() {
        final Mempool mp = pool("cachesize", 0);
        assertRejected(mp, IllegalArgumentException.class, "cache size: 0 (expected: 1..512)", () -> mp.createCache(0));
        assertRejected(mp, IllegalArgumentException.class, "cache size: 513 (expected: 1..512)", () -> mp.createCache(513));
        mp.close();
    }

    @Test
    @Override
    public void required_badInput_defaultCacheIsNotClosedByHand() {
        final Mempool mp = pool("defcache", 8);
        final long obj = mp.get();
        mp.put(obj);
        final MempoolCache cache = mp.defaultCache();
        final int held = cache.length();
        assertThrows(IllegalStateException.class, cache::close);
        assertEquals(held, cache.length(), "the default cache kept its objects");
        mp.close();
    }

    @Test
    @Override
    public void required_badInput_handleQueriesRejectForeignHandles() {
        final Mempool mp = pool("query", 0);
        final long obj = mp.get();
        final String message = "obj: 0x" + Long.toHexString(obj + 8) + " (expected: an object of pool " + mp.name() + ")";
        assertRejected(mp, IllegalArgumentException.class, message, () -> mp.indexOf(obj + 8));
        assertRejected(mp, IllegalArgumentException.class, null, () -> mp.address(obj + 8));
        assertRejected(mp, IllegalArgumentException.class, null, () -> mp.wrap(new UnsafeBuffer(0, 0), obj + 8));
        assertRejected(mp, IllegalArgumentException.class, "flyweight: null (expected: non-null)",
            () -> mp.wrap(null, obj));
        mp.put(obj);
        mp.close();
    }

    @Test
    @Override
    public void required_badInput_setOpsRejectsUnknownNamesAndPopulatedPools() {
        final Mempool empty = track(builder("setops").size(8).elementSize(8).createEmpty());
        assertEquals("ops: no_such_ops (expected: one of " + MempoolOpsRegistry.names() + ")",
            assertThrows(IllegalArgumentException.class, () -> empty.setOps("no_such_ops")).getMessage());
        assertEquals("params: null (expected: non-null)",
            assertThrows(IllegalArgumentException.class, () -> empty.setOps(opsName(), null)).getMessage());
        empty.setOps(opsName(), kit.opsParams());
        empty.populateDefault();
        assertRejected(empty, IllegalStateException.class, "pool " + empty.name()
            + ": ops are frozen once populated (ops " + opsName() + ")", () -> empty.setOps(opsName()));
        assertRejected(empty, IllegalStateException.class, null, empty::populateDefault);
        empty.close();
    }

    @Test
    @Override
    public void required_badInput_nullCallbacksAndSinksAreRejected() {
        final Mempool mp = pool("nulls", 0);
        assertRejected(mp, IllegalArgumentException.class, "visitor: null (expected: non-null)", () -> mp.objIter(null));
        assertRejected(mp, IllegalArgumentException.class, "visitor: null (expected: non-null)", () -> mp.memIter(null));
        assertRejected(mp, IllegalArgumentException.class, "out: null (expected: non-null)", () -> mp.dump(null));
        assertRejected(mp, IllegalArgumentException.class, "out: null (expected: non-null)", () -> Mempool.listDump(null));
        assertRejected(mp, IllegalArgumentException.class, "action: null (expected: non-null)", () -> Mempool.walk(null));
        assertRejected(mp, IllegalArgumentException.class, "name: null (expected: non-null)", () -> Mempool.lookup(null));
        assertRejected(mp, IllegalArgumentException.class, "listener: null (expected: non-null)",
            () -> Mempool.addEventListener(null));
        assertRejected(mp, IllegalArgumentException.class, "listener: null (expected: non-null)",
            () -> Mempool.removeEventListener(null));
        mp.close();
    }

    @Test
    @Override
    public void required_badInput_contigBlocksRejectBadTablesFirst() {
        final Mempool mp = pool("contig", 0);
        assertRejected(mp, IllegalArgumentException.class, "objs: null (expected: a long[] table)",
            () -> mp.getContigBlocks(null, 0, 1));
        assertRejected(mp, IndexOutOfBoundsException.class, "n: 2 (expected: 0..1, the table's length)",
            () -> mp.getContigBlocks(new long[1], 0, 2));
        mp.close();
    }

    @Test
    @Override
    public void required_badInput_closedPoolRefusesEveryCall() {
        final Mempool mp = pool("closed", 8);
        final long obj = mp.get();
        final MempoolCache cache = mp.createCache(4);
        mp.put(obj);
        mp.close();
        final String message = "pool " + mp.name() + " is closed";
        final Executable[] calls = {
            mp::get, () -> mp.put(obj), () -> mp.getBulk(new long[1], 0, 1), () -> mp.putBulk(new long[] {obj}, 0, 1),
            () -> mp.genericGet(new long[1], 0, 1, null), () -> mp.genericPut(new long[] {obj}, 0, 1, null),
            () -> mp.getContigBlocks(new long[1], 0, 1), mp::contigBlockSize, mp::defaultCache,
            () -> mp.createCache(4), mp::availCount, mp::inUseCount, mp::isFull, mp::isEmpty,
            () -> mp.wrap(new UnsafeBuffer(0, 0), obj), () -> mp.address(obj), () -> mp.indexOf(obj),
            mp::privateData, mp::privateDataAddress, () -> mp.objIter((p, o, i) -> { }),
            () -> mp.memIter((p, c, i) -> { }), () -> mp.dump(new StringBuilder()), mp::audit,
            () -> mp.setOps(opsName()), () -> mp.setOps(opsName(), Map.of()), mp::populateDefault,
            mp::stats, mp::resetStats, cache::flush,
        };
        for (int i = 0; i < calls.length; i++) {
            final IllegalStateException ex = assertThrows(IllegalStateException.class, calls[i], "call #" + i);
            assertTrue(ex.getMessage().contains(" is closed"), "call #" + i + ": " + ex.getMessage());
        }
        assertEquals(message, assertThrows(IllegalStateException.class, mp::get).getMessage());
        assertEquals(mp.name(), mp.name(), "configuration getters stay readable");
        assertTrue(mp.isClosed());
    }
}
