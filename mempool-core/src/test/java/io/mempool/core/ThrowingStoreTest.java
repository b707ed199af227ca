package io.mempool.core;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third party's store that throws (a bug, or memory running out inside it) costs the caller that
 * call, never the pool's promises: create stays all-or-nothing, a failed put leaves the handles with
 * the caller, and close completes (closed, name free, no memzone left) before it rethrows.
 */
class ThrowingStoreTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    /** The SPI method that throws next; empty for none. */
    private static volatile String failIn = "";

    @BeforeAll
    static void register() {
        MempoolOpsRegistry.register(new ThrowingOps());
    }

    @AfterEach
    void stopFailing() {
        failIn = "";
    }

    private static Mempool create(final String name) {
        return Mempool.builder(name).size(64).elementSize(64).cacheSize(8).ops(ThrowingOps.NAME).create();
    }

    @Test
    void anAllocThatThrowsLeavesNoNameOrMemory() {
        final String name = "throwing" + IDS.incrementAndGet();
        final int zones = Memzone.reserved().size();
        failIn = "alloc";
        assertSame(Broken.class, assertThrows(RuntimeException.class, () -> create(name)).getClass());
        assertTrue(Mempool.lookup(name).isEmpty());
        assertEquals(zones, Memzone.reserved().size());
        failIn = "";
        create(name).close();
    }

    @Test
    void aFlushThatThrowsLeavesTheHandlesWithTheCaller() {
        try (Mempool mp = create("throwing" + IDS.incrementAndGet())) {
            final long[] got = new long[40];
            for (int i = 0; i < got.length; i++) {
                got[i] = mp.get();
            }
            failIn = "enqueue";
            int refused = 0;
            for (final long obj : got) {
                try {
                    mp.put(obj);
                } catch (final Broken ex) {
                    got[refused++] = obj;
                }
            }
            failIn = "";
            assertTrue(refused > 0, "puts beyond the cache flush into the store");
            assertEquals(64 - refused, mp.availCount(), "what was refused is still out, nothing was lost");
            assertEquals(refused, mp.inUseCount());
            mp.audit();
            mp.putBulk(got, 0, refused);
            assertEquals(64, mp.availCount());
        }
    }

    @Test
    void closeCompletesWhenTheStoreThrowsAndRethrows() {
        for (final String where : new String[] {"enqueue", "free"}) {
            final String name = "throwing" + IDS.incrementAndGet();
            final int zones = Memzone.reserved().size();
            final Mempool mp = create(name);
            final long[] objs = new long[4];
            assertTrue(mp.getBulk(objs, 0, 4));
            mp.putBulk(objs, 0, 4); // in the cache: close flushes them into the throwing store
            failIn = where;
            assertThrows(Broken.class, mp::close, where);
            failIn = "";
            assertTrue(mp.isClosed(), where);
            assertTrue(Mempool.lookup(name).isEmpty(), where);
            assertEquals(zones, Memzone.reserved().size(), where);
            // the objects the failed flush left in the cache are not handed out from a closed pool
            assertThrows(IllegalStateException.class, () -> mp.getBulk(objs, 0, 4), where);
            assertThrows(IllegalStateException.class, mp::get, where);
            assertThrows(IllegalStateException.class, mp::availCount, where);
            mp.close(); // a no-op now
            create(name).close();
        }
    }

    /** What the store throws: nothing core makes, so a test sees it came through. */
    static final class Broken extends RuntimeException {
        Broken(final String where) {
            super("the store broke in " + where);
        }
    }

    /** A locked deque that throws from the method {@link #failIn} names. */
    static final class ThrowingOps implements MempoolOps<ArrayDeque<Long>> {
        static final String NAME = "test_throwing";

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public ArrayDeque<Long> alloc(final OpsConfig config) {
            fail("alloc");
            return new ArrayDeque<>(config.capacity());
        }

        @Override
        public synchronized boolean enqueue(final ArrayDeque<Long> store, final long[] objs, final int offset, final int n) {
            fail("enqueue");
            for (int i = 0; i < n; i++) {
                store.push(objs[offset + i]);
            }
            return true;
        }

        @Override
        public synchronized boolean dequeue(final ArrayDeque<Long> store, final long[] objs, final int offset, final int n) {
            fail("dequeue");
            if (store.size() < n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                objs[offset + i] = store.pop();
            }
            return true;
        }

        @Override
        public synchronized int count(final ArrayDeque<Long> store) {
            fail("count");
            return store.size();
        }

        @Override
        public void free(final ArrayDeque<Long> store) {
            fail("free");
        }

        private static void fail(final String where) {
            if (failIn.equals(where)) {
                throw new Broken(where);
            }
        }
    }
}
