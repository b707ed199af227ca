package io.mempool.testkit;

import io.mempool.api.MempoolFlag;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolCache;
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
 * and {@link MempoolCache} rejects bad input with the documented exception and changes nothing. An
 * argument error's message must have the {@code name: value (expected: range)} shape and name the value;
 * a state error's must name the pool. The exact wording is core's, tested in core.
 */
abstract class PoolBadInputConformance extends ConformanceGroup implements MempoolOpsConformanceRules.BadInput {
    private static final long SENTINEL = -7L;

    PoolBadInputConformance(final MempoolOpsConformance kit) {
        super(kit);
    }

    private Mempool pool(final String tag, final int cacheSize) {
        return track(builder(tag).size(64).elementSize(64).cacheSize(cacheSize).create());
    }

    /**
     * Asserts the call throws exactly {@code type}, whose message names {@code value} (in the checks shape
     * for an argument error; null: not looked at), and the pool's counts did not change.
     */
    private static <T extends Throwable> void assertRejected(
        final Mempool mp, final Class<T> type, final String value, final Executable call) {
        final int avail = mp.availCount();
        final T thrown = assertThrows(type, call);
        assertEquals(type, thrown.getClass(), "exception type");
        assertMessage(thrown, value);
        assertEquals(avail, mp.availCount(), "availCount after a rejected call");
    }

    /** An argument error names the value in the checks shape; a state error names it anywhere. */
    private static void assertMessage(final Throwable thrown, final String value) {
        if (value == null) {
            return;
        }
        if (thrown instanceof IllegalStateException) {
            assertTrue(thrown.getMessage() != null && thrown.getMessage().contains(value),
                thrown + ": the message does not name " + value);
        } else {
            MessageShape.assertNamesValue(thrown.getMessage(), value, thrown.getClass().getSimpleName());
        }
    }

    /** Asserts an argument error thrown by a call that has no pool to count on. */
    private static void assertArgumentRejected(final String value, final Executable call) {
        assertMessage(assertThrows(IllegalArgumentException.class, call), value);
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
        assertArgumentRejected(tooLong, () -> Mempool.builder(tooLong));
        assertArgumentRejected("null", () -> Mempool.builder(null));
        assertArgumentRejected("0", () -> builder("bad").size(0));
        assertArgumentRejected("0", () -> builder("bad").elementSize(0));
        assertArgumentRejected("513", () -> builder("bad").cacheSize(513));
        assertArgumentRejected("-1", () -> builder("bad").cacheSize(-1));
        assertArgumentRejected("-1", () -> builder("bad").privateDataSize(-1));
        assertArgumentRejected("null", () -> builder("bad").flags((MempoolFlag) null));
        assertArgumentRejected("null", () -> builder("bad").opsParam(null, "1"));
        assertArgumentRejected("no_such_ops", () -> builder("bad").ops("no_such_ops"));
        final String name = uniqueName("bad");
        assertArgumentRejected("9", () -> builderNamed(name).size(8).elementSize(8).cacheSize(9).create());
        assertTrue(Mempool.lookup(name).isEmpty(), "a rejected create registers nothing");
    }

    @Test
    @Override
    public void required_badInput_getsRejectBadTables() {
        for (final CacheMode mode : CacheMode.values()) {
            final Mempool mp = pool("badget", mode == CacheMode.DEFAULT_CACHE ? 16 : 0);
            final MempoolCache cache = mode == CacheMode.USER_CACHE ? mp.createCache(16) : null;
            final long[] three = sentinels(3);
            assertRejected(mp, IllegalArgumentException.class, "null", () -> get(mp, null, 0, 1, cache));
            assertRejected(mp, IllegalArgumentException.class, "-1", () -> get(mp, three, 0, -1, cache));
            assertRejected(mp, IndexOutOfBoundsException.class, "4", () -> get(mp, three, 0, 4, cache));
            assertRejected(mp, IndexOutOfBoundsException.class, "3", () -> get(mp, three, 3, 1, cache));
            assertRejected(mp, IndexOutOfBoundsException.class, "-1", () -> get(mp, three, -1, 1, cache));
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
            assertRejected(mp, IllegalArgumentException.class, "null", () -> put(mp, null, 0, 1, cache));
            assertRejected(mp, IllegalArgumentException.class, "-2", () -> put(mp, objs, 0, -2, cache));
            assertRejected(mp, IndexOutOfBoundsException.class, "1", () -> put(mp, objs, 1, 2, cache));
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
        for (final long bad : new long[] {Mempool.NULL, theirs, mine + 8, mine - 1, mine + mp.totalElementSize() * 1000L}) {
            final String message = "0x" + Long.toHexString(bad);
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
        final String message = other.name();
        assertRejected(mp, IllegalArgumentException.class, message, () -> mp.genericGet(new long[1], 0, 1, foreign));
        final long obj = mp.get();
        assertRejected(mp, IllegalArgumentException.class, message, () -> mp.genericPut(new long[] {obj}, 0, 1, foreign));
        final MempoolCache closed = mp.createCache(8);
        closed.close();
        final String closedMessage = mp.name();
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
        assertRejected(mp, IllegalArgumentException.class, "0", () -> mp.createCache(0));
        assertRejected(mp, IllegalArgumentException.class, "513", () -> mp.createCache(513));
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
        final String message = "0x" + Long.toHexString(obj + 8);
        assertRejected(mp, IllegalArgumentException.class, message, () -> mp.indexOf(obj + 8));
        assertRejected(mp, IllegalArgumentException.class, message, () -> mp.address(obj + 8));
        assertRejected(mp, IllegalArgumentException.class, message, () -> mp.byteBuffer(obj + 8));
        mp.put(obj);
        mp.close();
    }

    @Test
    @Override
    public void required_badInput_setOpsRejectsUnknownNamesAndPopulatedPools() {
        final Mempool empty = track(builder("setops").size(8).elementSize(8).createEmpty());
        assertArgumentRejected("no_such_ops", () -> empty.setOps("no_such_ops"));
        assertArgumentRejected("null", () -> empty.setOps(opsName(), null));
        empty.setOps(opsName(), kit.opsParams());
        empty.populateDefault();
        assertRejected(empty, IllegalStateException.class, empty.name(), () -> empty.setOps(opsName()));
        assertRejected(empty, IllegalStateException.class, null, empty::populateDefault);
        empty.close();
    }

    @Test
    @Override
    public void required_badInput_nullCallbacksAndSinksAreRejected() {
        final Mempool mp = pool("nulls", 0);
        assertRejected(mp, IllegalArgumentException.class, "null", () -> mp.objIter(null));
        assertRejected(mp, IllegalArgumentException.class, "null", () -> mp.memIter(null));
        assertRejected(mp, IllegalArgumentException.class, "null", () -> mp.dump(null));
        assertRejected(mp, IllegalArgumentException.class, "null", () -> Mempool.listDump(null));
        assertRejected(mp, IllegalArgumentException.class, "null", () -> Mempool.walk(null));
        assertRejected(mp, IllegalArgumentException.class, "null", () -> Mempool.lookup(null));
        assertRejected(mp, IllegalArgumentException.class, "null",
            () -> Mempool.addEventListener(null));
        assertRejected(mp, IllegalArgumentException.class, "null",
            () -> Mempool.removeEventListener(null));
        mp.close();
    }

    @Test
    @Override
    public void required_badInput_contigBlocksRejectBadTablesFirst() {
        final Mempool mp = pool("contig", 0);
        assertRejected(mp, IllegalArgumentException.class, "null", () -> mp.getContigBlocks(null, 0, 1));
        assertRejected(mp, IndexOutOfBoundsException.class, "2", () -> mp.getContigBlocks(new long[1], 0, 2));
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
        final Executable[] calls = {
            mp::get, () -> mp.put(obj), () -> mp.getBulk(new long[1], 0, 1), () -> mp.putBulk(new long[] {obj}, 0, 1),
            () -> mp.genericGet(new long[1], 0, 1, null), () -> mp.genericPut(new long[] {obj}, 0, 1, null),
            () -> mp.getContigBlocks(new long[1], 0, 1), mp::contigBlockSize, mp::defaultCache,
            () -> mp.createCache(4), mp::availCount, mp::inUseCount, mp::isFull, mp::isEmpty,
            () -> mp.byteBuffer(obj), () -> mp.address(obj), () -> mp.indexOf(obj),
            mp::privateData, mp::privateDataAddress, () -> mp.objIter((p, o, i) -> { }),
            () -> mp.memIter((p, c, i) -> { }), () -> mp.dump(new StringBuilder()), mp::audit,
            () -> mp.setOps(opsName()), () -> mp.setOps(opsName(), Map.of()), mp::populateDefault,
            mp::stats, mp::resetStats, cache::flush,
        };
        for (int i = 0; i < calls.length; i++) {
            final IllegalStateException ex = assertThrows(IllegalStateException.class, calls[i], "call #" + i);
            assertTrue(ex.getMessage() != null && ex.getMessage().contains(mp.name()),
                "call #" + i + ": the message does not name the pool: " + ex.getMessage());
        }
        assertEquals(mp.name(), mp.name(), "configuration getters stay readable");
        assertTrue(mp.isClosed());
    }
}
