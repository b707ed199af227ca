package io.mempool.core;

import io.mempool.api.MempoolFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The pool's exact error texts, each {@code name: value (expected: range)} (STYLE 5). They live here,
 * not in the conformance kit, so that rewording one changes one test rather than every driver's run; the
 * kit checks only their shape and that they name the value.
 */
class BadInputMessagesTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void registerStore() {
        RecordingOps.ensureRegistered();
    }

    private static MempoolBuilder builder() {
        return Mempool.builder("msg_" + NAMES.incrementAndGet()).ops(RecordingOps.NAME);
    }

    private static Mempool pool(final int cacheSize) {
        return builder().size(64).elementSize(64).cacheSize(cacheSize).create();
    }

    private static void assertMessage(final Class<? extends Throwable> type, final String message, final Executable call) {
        final Throwable thrown = assertThrows(type, call);
        assertEquals(type, thrown.getClass(), "exception type");
        assertEquals(message, thrown.getMessage());
    }

    @Test
    void builderValues() {
        final String tooLong = "n".repeat(Mempool.NAME_MAX_LENGTH + 1);
        assertMessage(IllegalArgumentException.class, "name: \"" + tooLong + "\" (expected: [A-Za-z0-9_.-]{1,25})",
            () -> Mempool.builder(tooLong));
        assertMessage(IllegalArgumentException.class, "name: null (expected: non-null)", () -> Mempool.builder(null));
        assertMessage(IllegalArgumentException.class, "size: 0 (expected: >= 1)", () -> builder().size(0));
        assertMessage(IllegalArgumentException.class, "elementSize: 0 (expected: >= 1)", () -> builder().elementSize(0));
        assertMessage(IllegalArgumentException.class, "cacheSize: 513 (expected: 0..512)", () -> builder().cacheSize(513));
        assertMessage(IllegalArgumentException.class, "cacheSize: -1 (expected: 0..512)", () -> builder().cacheSize(-1));
        assertMessage(IllegalArgumentException.class, "privateDataSize: -1 (expected: >= 0)",
            () -> builder().privateDataSize(-1));
        assertMessage(IllegalArgumentException.class, "flag: null (expected: non-null)",
            () -> builder().flags((MempoolFlag) null));
        assertMessage(IllegalArgumentException.class, "key: null (expected: non-null)", () -> builder().opsParam(null, "1"));
        assertMessage(IllegalArgumentException.class, "ops: no_such_ops (expected: one of " + MempoolOpsRegistry.names() + ")",
            () -> builder().ops("no_such_ops"));
        assertMessage(IllegalArgumentException.class, "cacheSize: 9 (expected: 0..512, <= size 8)",
            () -> builder().size(8).elementSize(8).cacheSize(9).create());
    }

    @Test
    void tables() {
        try (Mempool mp = pool(0)) {
            final long[] three = new long[3];
            assertMessage(IllegalArgumentException.class, "objs: null (expected: a long[] table)", () -> mp.getBulk(null, 0, 1));
            assertMessage(IllegalArgumentException.class, "n: -1 (expected: >= 0)", () -> mp.getBulk(three, 0, -1));
            assertMessage(IndexOutOfBoundsException.class, "n: 4 (expected: 0..3, the table's length)",
                () -> mp.getBulk(three, 0, 4));
            assertMessage(IndexOutOfBoundsException.class, "offset: 3 (expected: 0..2 for n 1 in a table of length 3)",
                () -> mp.getBulk(three, 3, 1));
            assertMessage(IndexOutOfBoundsException.class, "offset: -1 (expected: 0..2 for n 1 in a table of length 3)",
                () -> mp.genericGet(three, -1, 1, null));
            assertMessage(IllegalArgumentException.class, "n: -2 (expected: >= 0)", () -> mp.putBulk(three, 0, -2));
            assertMessage(IndexOutOfBoundsException.class, "offset: 2 (expected: 0..1 for n 2 in a table of length 3)",
                () -> mp.genericPut(three, 2, 2, null));
            assertMessage(IllegalArgumentException.class, "objs: null (expected: a long[] table)",
                () -> mp.getContigBlocks(null, 0, 1));
            assertMessage(IndexOutOfBoundsException.class, "n: 2 (expected: 0..1, the table's length)",
                () -> mp.getContigBlocks(new long[1], 0, 2));
        }
    }

    @Test
    void handlesAndCaches() {
        try (Mempool mp = pool(8); Mempool other = pool(0)) {
            final long mine = mp.get();
            final long theirs = other.get();
            assertMessage(IllegalArgumentException.class, "obj: 0x" + Long.toHexString(theirs)
                + " (expected: an object of pool " + mp.name() + ", nothing was put)", () -> mp.put(theirs));
            assertMessage(IllegalArgumentException.class, "obj: 0x" + Long.toHexString(mine + 8)
                + " (expected: an object of pool " + mp.name() + ")", () -> mp.indexOf(mine + 8));
            assertMessage(IllegalArgumentException.class, "obj: 0x" + Long.toHexString(mine + 64)
                + " (expected: an object of pool " + mp.name() + ")", () -> mp.byteBuffer(mine + 64));
            final MempoolCache foreign = other.createCache(8);
            assertMessage(IllegalArgumentException.class, "cache: of pool " + other.name() + " (expected: a cache of pool "
                + mp.name() + ")", () -> mp.genericGet(new long[1], 0, 1, foreign));
            final MempoolCache closed = mp.createCache(8);
            closed.close();
            assertMessage(IllegalStateException.class, "cache of pool " + mp.name() + " is closed", closed::flush);
            assertMessage(IllegalArgumentException.class, "cache size: 0 (expected: 1..512)", () -> mp.createCache(0));
            assertMessage(IllegalArgumentException.class, "cache size: 513 (expected: 1..512)", () -> mp.createCache(513));
            mp.put(mine);
            other.put(theirs);
            foreign.close();
        }
    }

    @Test
    void lifecycleAndCallbacks() {
        final Mempool empty = builder().size(8).elementSize(8).createEmpty();
        assertMessage(IllegalArgumentException.class, "ops: no_such_ops (expected: one of " + MempoolOpsRegistry.names() + ")",
            () -> empty.setOps("no_such_ops"));
        assertMessage(IllegalArgumentException.class, "params: null (expected: non-null)",
            () -> empty.setOps(RecordingOps.NAME, null));
        empty.setOps(RecordingOps.NAME, Map.of());
        empty.populateDefault();
        assertMessage(IllegalStateException.class, "pool " + empty.name() + ": ops are frozen once populated (ops "
            + RecordingOps.NAME + ")", () -> empty.setOps(RecordingOps.NAME));
        assertMessage(IllegalArgumentException.class, "visitor: null (expected: non-null)", () -> empty.objIter(null));
        assertMessage(IllegalArgumentException.class, "visitor: null (expected: non-null)", () -> empty.memIter(null));
        assertMessage(IllegalArgumentException.class, "out: null (expected: non-null)", () -> empty.dump(null));
        assertMessage(IllegalArgumentException.class, "out: null (expected: non-null)", () -> Mempool.listDump(null));
        assertMessage(IllegalArgumentException.class, "action: null (expected: non-null)", () -> Mempool.walk(null));
        assertMessage(IllegalArgumentException.class, "name: null (expected: non-null)", () -> Mempool.lookup(null));
        assertMessage(IllegalArgumentException.class, "listener: null (expected: non-null)",
            () -> Mempool.addEventListener(null));
        assertMessage(IllegalArgumentException.class, "listener: null (expected: non-null)",
            () -> Mempool.removeEventListener(null));
        empty.close();
        assertMessage(IllegalStateException.class, "pool " + empty.name() + " is closed", empty::get);
        assertMessage(IllegalStateException.class, "pool " + empty.name() + " is closed", () -> empty.byteBuffer(64));
    }
}
