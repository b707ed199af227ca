package io.mempool.core;

import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.api.OffHeapRegion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool's own rules, on a recording store so no driver is needed. */
class MempoolCoreTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void registerStore() {
        RecordingOps.ensureRegistered();
    }

    private static String uniqueName() {
        return "core_" + NAMES.incrementAndGet();
    }

    private static MempoolBuilder builder() {
        return Mempool.builder(uniqueName()).size(16).elementSize(64).ops(RecordingOps.NAME);
    }

    @Test
    void builderRejectsValuesOutOfRangeWithTheValueInTheMessage() {
        assertEquals("size: 0 (expected: >= 1)",
            assertThrows(IllegalArgumentException.class, () -> builder().size(0)).getMessage());
        assertEquals("elementSize: -1 (expected: >= 1)",
            assertThrows(IllegalArgumentException.class, () -> builder().elementSize(-1)).getMessage());
        assertEquals("cacheSize: 544 (expected: 0..512)",
            assertThrows(IllegalArgumentException.class, () -> builder().cacheSize(512 + 32)).getMessage());
        assertEquals("cacheSize: 17 (expected: 0..512, <= size 16)",
            assertThrows(IllegalArgumentException.class, () -> builder().cacheSize(17).create()).getMessage());
        assertEquals("privateDataSize: -5 (expected: >= 0)",
            assertThrows(IllegalArgumentException.class, () -> builder().privateDataSize(-5)).getMessage());
        assertEquals("size: unset (expected: >= 1)",
            assertThrows(IllegalArgumentException.class,
                () -> Mempool.builder(uniqueName()).elementSize(8).create()).getMessage());
    }

    @Test
    void namesFollowDpdksRules() {
        final String longest = "a".repeat(Mempool.NAME_MAX_LENGTH);
        builder().name(longest).create().close();
        final IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
            () -> Mempool.builder(longest + "a"));
        assertTrue(tooLong.getMessage().startsWith("name: \"" + longest + "a\" (expected: [A-Za-z0-9_.-]{1,25})"));
        assertThrows(IllegalArgumentException.class, () -> Mempool.builder(""));
        assertThrows(IllegalArgumentException.class, () -> Mempool.builder("has space"));
        assertThrows(IllegalArgumentException.class, () -> Mempool.builder(null));
        try (Mempool mp = builder().create()) {
            final IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> Mempool.builder(mp.name()).size(4).elementSize(8).ops(RecordingOps.NAME).create());
            assertEquals("name: \"" + mp.name() + "\" (expected: unique among live pools)", dup.getMessage());
        }
    }

    @Test
    void aClosedPoolsNameCanBeUsedAgain() {
        final Mempool first = builder().create();
        final String name = first.name();
        first.close();
        assertTrue(Mempool.lookup(name).isEmpty());
        try (Mempool second = Mempool.builder(name).size(4).elementSize(8).ops(RecordingOps.NAME).create()) {
            assertSame(second, Mempool.lookup(name).orElseThrow());
        }
    }

    @Test
    void unknownOpsListsTheRegisteredNames() {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> builder().ops("nope"));
        assertEquals("ops: nope (expected: one of " + MempoolOpsRegistry.names() + ")", ex.getMessage());
        assertTrue(ex.getMessage().contains(RecordingOps.NAME));
    }

    @Test
    void registryRejectsMalformedAndDuplicateNames() {
        final IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
            () -> MempoolOpsRegistry.register(new RecordingOps()));
        assertTrue(dup.getMessage().startsWith("ops name: \"" + RecordingOps.NAME + "\" (expected: unique"),
            dup.getMessage());
        for (final String bad : new String[] {"", "Upper", "has-dash", "x".repeat(32)}) {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> MempoolOpsRegistry.register(named(bad)));
            assertTrue(ex.getMessage().contains("(expected: [a-z0-9_]{1,31}"), ex.getMessage());
        }
        MempoolOpsRegistry.register(named("x".repeat(31)));
        assertTrue(MempoolOpsRegistry.names().contains("x".repeat(31)));
    }

    private static MempoolOps<Object> named(final String name) {
        return new MempoolOps<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object alloc(final OpsConfig config) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean enqueue(final Object store, final long[] objs, final int offset, final int n) {
                return false;
            }

            @Override
            public boolean dequeue(final Object store, final long[] objs, final int offset, final int n) {
                return false;
            }

            @Override
            public int count(final Object store) {
                return 0;
            }

            @Override
            public void free(final Object store) {
            }
        };
    }

    @Test
    void defaultOpsFollowTheFlagsAsDpdk() {
        assertEquals("ring_mp_mc", MempoolBuilder.defaultOps(java.util.Set.of()));
        assertEquals("ring_sp_mc", MempoolBuilder.defaultOps(java.util.Set.of(MempoolFlag.SP_PUT)));
        assertEquals("ring_mp_sc", MempoolBuilder.defaultOps(java.util.Set.of(MempoolFlag.SC_GET)));
        assertEquals("ring_sp_sc",
            MempoolBuilder.defaultOps(java.util.Set.of(MempoolFlag.SP_PUT, MempoolFlag.SC_GET)));
        final String before = System.getProperty("mempool.ops");
        System.setProperty("mempool.ops", RecordingOps.NAME);
        try {
            assertEquals(RecordingOps.NAME, MempoolBuilder.defaultOps(java.util.Set.of(MempoolFlag.SP_PUT)));
            try (Mempool mp = Mempool.builder(uniqueName()).size(4).elementSize(8).create()) {
                assertEquals(RecordingOps.NAME, mp.opsName());
            }
        } finally {
            if (before == null) {
                System.clearProperty("mempool.ops");
            } else {
                System.setProperty("mempool.ops", before);
            }
        }
    }

    @Test
    void createRunsPoolInitThenObjectInitInOrder() {
        final List<String> calls = new ArrayList<>();
        try (Mempool mp = builder().size(3)
            .poolInit(p -> calls.add("pool " + p.populatedSize()))
            .objectInit((p, obj, index) -> calls.add("obj " + index + " " + p.indexOf(obj)))
            .create()) {
            assertEquals(List.of("pool 0", "obj 0 0", "obj 1 1", "obj 2 2"), calls);
            assertEquals(3, mp.populatedSize());
            assertTrue(mp.isFull());
        }
    }

    @Test
    void createEmptyThenSetOpsThenPopulate() {
        try (Mempool mp = builder().createEmpty()) {
            assertEquals(0, mp.populatedSize());
            assertEquals(0, mp.availCount());
            assertEquals(0, mp.memIter((p, c, i) -> { }));
            assertThrows(IllegalStateException.class, mp::get);
            assertThrows(IllegalArgumentException.class, () -> mp.setOps("nope"));
            mp.setOps(RecordingOps.NAME, java.util.Map.of("k", "v"));
            assertEquals(16, mp.populateDefault());
            assertTrue(mp.isFull());
            assertThrows(IllegalStateException.class, mp::populateDefault);
            final IllegalStateException frozen = assertThrows(IllegalStateException.class,
                () -> mp.setOps(RecordingOps.NAME));
            assertTrue(frozen.getMessage().contains("frozen"), frozen.getMessage());
        }
    }

    @Test
    void aFailingObjectInitLeavesNothingBehind() {
        final String name = uniqueName();
        final RuntimeException boom = new RuntimeException("boom");
        assertSame(boom, assertThrows(RuntimeException.class, () -> Mempool.builder(name).size(4).elementSize(8)
            .ops(RecordingOps.NAME).objectInit((p, o, i) -> {
                if (i == 2) {
                    throw boom;
                }
            }).create()));
        assertTrue(Mempool.lookup(name).isEmpty());
    }

    @Test
    void putsRejectForeignHandlesAndEnqueueNothing() {
        try (Mempool mp = builder().cacheSize(4).create(); Mempool other = builder().create()) {
            final long[] objs = new long[3];
            assertTrue(mp.getBulk(objs, 0, 2));
            objs[2] = other.get();
            final int avail = mp.availCount();
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> mp.putBulk(objs, 0, 3));
            assertEquals("obj: 0x" + Long.toHexString(objs[2]) + " (expected: an object of pool " + mp.name()
                + ", nothing was put)", ex.getMessage());
            assertEquals(avail, mp.availCount());
            for (final long bad : new long[] {Mempool.NULL, objs[0] + 8, objs[0] - mp.headerSize(), -1L}) {
                assertThrows(IllegalArgumentException.class, () -> mp.put(bad));
                assertThrows(IllegalArgumentException.class, () -> mp.genericPut(new long[] {bad}, 0, 1, null));
            }
            assertEquals(avail, mp.availCount());
            mp.putBulk(objs, 0, 2);
            other.put(objs[2]);
            assertTrue(mp.isFull());
        }
    }

    @Test
    void badTablesAreRejectedBeforeAnythingChanges() {
        try (Mempool mp = builder().cacheSize(4).create()) {
            assertThrows(IllegalArgumentException.class, () -> mp.getBulk(null, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> mp.getBulk(new long[2], 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> mp.getBulk(new long[2], 1, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> mp.putBulk(new long[2], -1, 1));
            assertTrue(mp.getBulk(new long[0], 0, 0));
            assertTrue(mp.isFull());
        }
    }

    @Test
    void cachesBelongToTheirPool() {
        try (Mempool mp = builder().create(); Mempool other = builder().create()) {
            final MempoolCache foreign = other.createCache(4);
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> mp.genericGet(new long[1], 0, 1, foreign));
            assertEquals("cache: of pool " + other.name() + " (expected: a cache of pool " + mp.name() + ")",
                ex.getMessage());
            foreign.close();
            foreign.close();
            assertThrows(IllegalStateException.class, () -> other.genericGet(new long[1], 0, 1, foreign));
            assertThrows(IllegalArgumentException.class, () -> mp.createCache(0));
            assertThrows(IllegalArgumentException.class, () -> mp.createCache(513));
            assertNull(mp.defaultCache(), "cacheSize 0 means no default cache");
        }
    }

    @Test
    void availCountIncludesUserAndDefaultCaches() {
        try (Mempool mp = builder().cacheSize(8).create()) {
            final MempoolCache user = mp.createCache(8);
            final long[] objs = new long[6];
            assertTrue(mp.genericGet(objs, 0, 3, user));
            mp.genericPut(objs, 0, 3, user);
            assertTrue(mp.getBulk(objs, 3, 3));
            mp.putBulk(objs, 3, 3);
            assertTrue(user.length() > 0);
            assertTrue(mp.defaultCache().length() > 0);
            assertEquals(16, mp.availCount());
            assertTrue(mp.isFull());
            assertEquals(0, mp.inUseCount());
            user.close();
            assertEquals(16, mp.availCount());
        }
    }

    @Test
    void theCachesOfTerminatedThreadsAreReturnedBeforeAGetFails() throws Exception {
        try (Mempool mp = builder().size(64).cacheSize(16).create()) {
            final Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    final long[] objs = new long[8];
                    assertTrue(mp.getBulk(objs, 0, 8));
                    mp.putBulk(objs, 0, 8);
                });
                threads[t].start();
            }
            for (final Thread thread : threads) {
                thread.join();
            }
            final long[] all = new long[64];
            assertTrue(mp.genericGet(all, 0, 64, null), "the dead threads' caches were reclaimed");
            mp.genericPut(all, 0, 64, null);
            assertTrue(mp.isFull());
        }
    }

    @Test
    void withSpPutTheObjectsOfTerminatedThreadsComeBackWithoutAPutFromTheGetter() throws Exception {
        try (Mempool mp = builder().size(8).cacheSize(8).flags(MempoolFlag.SP_PUT).create()) {
            final RecordingOps.Store store = RecordingOps.storeOf(mp);
            final Thread t = new Thread(() -> {
                final long[] objs = new long[2];
                assertTrue(mp.getBulk(objs, 0, 2)); // the refill of 4 leaves 2 in the thread's cache
                mp.putBulk(objs, 0, 2);
            });
            t.start();
            t.join();
            final int enqueues = store.enqueuers.size();
            final long[] all = new long[8];
            assertTrue(mp.genericGet(all, 0, 8, null), "the dead thread's 4 objects went to this get");
            assertEquals(enqueues, store.enqueuers.size(), "no put into a single-producer store from the getter");
            mp.genericPut(all, 0, 8, null);
            assertTrue(mp.isFull());
        }
    }

    @Test
    void everyThreadGetsItsOwnDefaultCacheEvenWhenTheirIdsShareASlot() throws Exception {
        try (Mempool mp = builder().size(512).cacheSize(2).create()) {
            final int threads = 150; // more than the 64 slots of CacheRegistry: ids collide
            final MempoolCache[] seen = new MempoolCache[threads];
            final Thread[] all = new Thread[threads];
            final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(threads);
            final java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
            final java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                final int me = t;
                all[t] = new Thread(() -> {
                    try {
                        mp.put(mp.get());
                        seen[me] = mp.defaultCache();
                        started.countDown();
                        finish.await();
                        assertSame(seen[me], mp.defaultCache(), "still the same cache");
                    } catch (final Throwable ex) {
                        failure.compareAndSet(null, ex);
                        started.countDown();
                    }
                });
                all[t].start();
            }
            started.await();
            finish.countDown();
            for (final Thread thread : all) {
                thread.join();
            }
            assertNull(failure.get(), () -> "a thread failed: " + failure.get());
            assertEquals(threads, java.util.Arrays.stream(seen).distinct().count(), "one cache per thread");
            for (int t = 0; t < threads; t++) {
                assertSame(all[t], seen[t].owner());
            }
            final long[] everything = new long[512];
            assertTrue(mp.genericGet(everything, 0, 512, null), "dead threads' caches reclaimed");
            mp.genericPut(everything, 0, 512, null);
            final MempoolCache[] lateCache = new MempoolCache[1];
            final Thread late = new Thread(() -> {
                mp.put(mp.get());
                lateCache[0] = mp.defaultCache();
            });
            late.start();
            late.join();
            assertSame(late, lateCache[0].owner(), "a thread started after the others gets its own cache");
        }
    }

    @Test
    void closeRefusesWhileObjectsAreOutAndForceFreesAnyway() {
        final Mempool mp = builder().cacheSize(4).create();
        final long obj = mp.get();
        final IllegalStateException ex = assertThrows(IllegalStateException.class, mp::close);
        assertEquals("pool " + mp.name() + ": 1 of 16 objects are still in use; put them back, or close(true)"
            + " to free anyway", ex.getMessage());
        assertFalse(mp.isClosed());
        mp.close(true);
        assertTrue(mp.isClosed());
        assertThrows(IllegalStateException.class, () -> mp.put(obj));
        assertThrows(IllegalStateException.class, mp::get);
        assertThrows(IllegalStateException.class, mp::availCount);
        assertThrows(IllegalStateException.class, () -> mp.createCache(4));
        assertThrows(IllegalStateException.class, () -> mp.objIter((p, o, i) -> { }));
        assertEquals(16, mp.size(), "configuration stays readable");
        mp.close();
    }

    @Test
    void closeFlushesCachesAndFreesTheStore() {
        final Mempool mp = builder().cacheSize(8).create();
        final RecordingOps.Store store = RecordingOps.storeOf(mp);
        final long[] objs = new long[4];
        assertTrue(mp.getBulk(objs, 0, 4));
        mp.putBulk(objs, 0, 4);
        mp.close();
        assertEquals(16, store.count);
        assertEquals("free", store.calls.get(store.calls.size() - 1));
    }

    @Test
    void multiChunkPoolsIterateEveryChunk() {
        final ElementLayout layout = ElementLayout.of(2048, false, true, true);
        try (Mempool mp = builder().size(10).elementSize(2048).maxChunkBytes(4L * layout.totalSize).create()) {
            final List<MemoryChunk> chunks = new ArrayList<>();
            assertEquals(3, mp.memIter((p, c, i) -> chunks.add(c)));
            final long[] objs = new long[10];
            assertEquals(10, mp.objIter((p, obj, i) -> objs[i] = obj));
            for (int i = 0; i < 10; i++) {
                assertEquals(i, mp.indexOf(objs[i]));
                assertEquals(0, objs[i] % 64);
            }
            final long[] got = new long[10];
            assertTrue(mp.getBulk(got, 0, 10));
            mp.putBulk(got, 0, 10);
            mp.audit();
        }
    }

    @Test
    void byteBufferViewsExactlyOneObject() {
        try (Mempool mp = builder().elementSize(100).privateDataSize(10).create()) {
            final long obj = mp.get();
            final java.nio.ByteBuffer view = mp.byteBuffer(obj);
            assertEquals(100, view.capacity());
            assertEquals(100, view.limit());
            assertEquals(0, view.position());
            assertTrue(view.isDirect());
            assertEquals(java.nio.ByteOrder.nativeOrder(), view.order());
            view.putLong(92, 0x0102030405060708L);
            assertEquals(0x0102030405060708L, OffHeapRegion.containing(obj, 100).getLong(92), "the view is the object's memory");
            assertThrows(IndexOutOfBoundsException.class, () -> view.get(100));
            assertEquals(obj, mp.address(obj));
            assertEquals(10, mp.privateData().capacity());
            assertEquals(0, mp.privateDataAddress() % 64);
            assertNotEquals(0, mp.privateDataAddress());
            mp.put(obj);
        }
    }

    @Test
    void auditCatchesAnOverwrittenHeader() {
        try (Mempool mp = builder().create()) {
            mp.audit();
            final long obj = mp.get();
            final OffHeapRegion header = OffHeapRegion.containing(obj - 8, 8);
            header.putLong(0, 42);
            final IllegalStateException ex = assertThrows(IllegalStateException.class, mp::audit);
            assertTrue(ex.getMessage().contains("0x" + Long.toHexString(obj)), ex.getMessage());
            header.putLong(0, mp.id());
            mp.put(obj);
        }
    }

    @Test
    void dumpWritesConfigurationAndCounts() {
        try (Mempool mp = builder().cacheSize(4).create()) {
            final StringWriter out = new StringWriter();
            mp.dump(out);
            assertTrue(out.toString().startsWith("mempool <" + mp.name() + ">@"), out.toString());
            assertTrue(out.toString().contains("common_pool_count=16"), out.toString());
            final StringWriter all = new StringWriter();
            Mempool.listDump(all);
            assertTrue(all.toString().contains("mempool <" + mp.name() + ">"));
        }
    }

    @Test
    void eventsReachListenersInOrder() {
        final List<String> seen = new ArrayList<>();
        final MempoolEventListener listener = (event, mp) -> seen.add(event + " " + mp.name());
        assertTrue(Mempool.addEventListener(listener));
        assertFalse(Mempool.addEventListener(listener));
        try {
            final Mempool mp = builder().createEmpty();
            assertEquals(List.of(), seen);
            mp.populateDefault();
            mp.close();
            assertEquals(List.of("READY " + mp.name(), "DESTROY " + mp.name()), seen);
        } finally {
            assertTrue(Mempool.removeEventListener(listener));
            assertFalse(Mempool.removeEventListener(listener));
        }
    }

    @Test
    void handlesAreCacheAligned() {
        try (Mempool mp = builder().elementSize(13).create();
             Mempool packed = builder().elementSize(13).flags(MempoolFlag.NO_CACHE_ALIGN).create()) {
            assertEquals(64, mp.objectAlignment());
            assertEquals(8, packed.objectAlignment());
            assertTrue(packed.flags().contains(MempoolFlag.NO_SPREAD), "NO_CACHE_ALIGN implies NO_SPREAD");
            final long[] objs = new long[16];
            assertTrue(packed.getBulk(objs, 0, 16));
            for (final long obj : objs) {
                assertEquals(0, obj % 8);
            }
            packed.putBulk(objs, 0, 16);
            assertArrayEquals(new long[0], new long[0]);
        }
    }
}
