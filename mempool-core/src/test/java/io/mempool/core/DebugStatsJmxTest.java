package io.mempool.core;

import io.mempool.api.MempoolCorruptionException;
import io.mempool.api.MempoolFlag;
import io.mempool.api.OffHeapRegion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DebugStatsJmxTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void registerStore() {
        RecordingOps.ensureRegistered();
    }

    private static MempoolBuilder builder(final MempoolFlag... flags) {
        return Mempool.builder("dbg_" + NAMES.incrementAndGet()).size(16).elementSize(60).cacheSize(4)
            .ops(RecordingOps.NAME).flags(flags);
    }

    private static String hex(final long obj) {
        return "0x" + Long.toHexString(obj);
    }

    @Test
    void aDoublePutIsRejectedWholeAndNamesPoolHandleAndFault() {
        try (Mempool mp = builder(MempoolFlag.DEBUG).create()) {
            final long[] objs = new long[3];
            assertTrue(mp.getBulk(objs, 0, 3));
            mp.put(objs[1]);
            final int avail = mp.availCount();
            final MempoolCorruptionException ex = assertThrows(MempoolCorruptionException.class,
                () -> mp.putBulk(objs, 0, 3));
            assertEquals("pool " + mp.name() + ": object " + hex(objs[1])
                + ": double put: the object is already free; nothing of this put was enqueued", ex.getMessage());
            assertEquals(avail, mp.availCount());
            mp.put(objs[0]);
            mp.put(objs[2]);
            assertTrue(mp.isFull());
            mp.audit();
        }
    }

    @Test
    void theSameHandleTwiceInOneCallIsADoublePut() {
        try (Mempool mp = builder(MempoolFlag.DEBUG).create()) {
            final long obj = mp.get();
            assertThrows(MempoolCorruptionException.class, () -> mp.putBulk(new long[] {obj, obj}, 0, 2));
            mp.put(obj);
            assertTrue(mp.isFull());
        }
    }

    @Test
    void aForeignHandleIsCorruptionWithDebug() {
        try (Mempool mp = builder(MempoolFlag.DEBUG).create(); Mempool other = builder().create()) {
            final long foreign = other.get();
            final MempoolCorruptionException ex = assertThrows(MempoolCorruptionException.class, () -> mp.put(foreign));
            assertTrue(ex.getMessage().startsWith("pool " + mp.name() + ": object " + hex(foreign) + ": foreign object"),
                ex.getMessage());
            other.put(foreign);
        }
    }

    @Test
    void anOverrunTrailerIsCaughtAtPut() {
        try (Mempool mp = builder(MempoolFlag.DEBUG).create()) {
            final long obj = mp.get();
            final OffHeapRegion past = OffHeapRegion.containing(obj, 64 + 8);
            past.putLong(64, 0); // 60 bytes rounded to 64: the trailer follows
            final MempoolCorruptionException ex = assertThrows(MempoolCorruptionException.class, () -> mp.put(obj));
            assertTrue(ex.getMessage().contains("trailer overwritten"), ex.getMessage());
            assertEquals(15, mp.availCount());
            assertThrows(MempoolCorruptionException.class, mp::audit);
            mp.close(true);
        }
    }

    @Test
    void aCorruptedFreeObjectIsCaughtAtGetAndTheRestGoBack() {
        try (Mempool mp = builder(MempoolFlag.DEBUG).cacheSize(0).create()) {
            final long[] all = new long[16];
            assertTrue(mp.getBulk(all, 0, 16));
            mp.putBulk(all, 0, 16);
            OffHeapRegion.containing(all[0] - 8, 8).putLong(0, 0x1234); // scribble over a free object's cookie
            final long[] objs = new long[4];
            final MempoolCorruptionException ex = assertThrows(MempoolCorruptionException.class,
                () -> mp.getBulk(objs, 0, 4));
            assertTrue(ex.getMessage().startsWith("pool " + mp.name() + ": object " + hex(all[0])
                + ": corrupted free object: cookie 0x1234"), ex.getMessage());
            assertEquals(15, mp.availCount(), "the sound objects went back, the corrupted one is out");
            mp.close(true);
        }
    }

    @Test
    void statsCountDpdksCountersPerCacheAndWithout() {
        try (Mempool mp = builder(MempoolFlag.STATS).create()) {
            final long[] objs = new long[8];
            assertTrue(mp.getBulk(objs, 0, 3));           // cache empty: 3 > half = 2, bypass
            mp.putBulk(objs, 0, 3);                         // into the cache
            assertTrue(mp.genericGet(objs, 0, 2, null));   // no cache
            mp.genericPut(objs, 0, 2, null);
            assertFalse(mp.genericGet(new long[17], 0, 17, null));
            final MempoolStats s = mp.stats();
            assertEquals(2, s.getSuccessBulk());
            assertEquals(2, s.putBulk());
            assertEquals(5, s.putObjs());
            assertEquals(1, s.getFailBulk());
            assertEquals(17, s.getFailObjs());
            assertEquals(2, s.getCommonPoolBulk());
            assertEquals(5, s.getCommonPoolObjs());
            assertEquals(1, s.putCommonPoolBulk());
            assertEquals(2, s.putCommonPoolObjs());
            final StringWriter dump = new StringWriter();
            mp.dump(dump);
            assertTrue(dump.toString().contains("put_objs=5"), dump.toString());
            mp.resetStats();
            assertEquals(MempoolStats.of(new long[MempoolStats.COUNTERS]), mp.stats());
        }
    }

    @Test
    void statsOfAClosedUserCacheAreKept() {
        try (Mempool mp = builder(MempoolFlag.STATS).create()) {
            final MempoolCache cache = mp.createCache(4);
            final long[] objs = new long[2];
            assertTrue(mp.genericGet(objs, 0, 2, cache));
            mp.genericPut(objs, 0, 2, cache);
            cache.close();
            assertEquals(1, mp.stats().putBulk());
            assertEquals(2, mp.stats().getSuccessObjs());
        }
    }

    @Test
    void withoutStatsEveryCounterIsZero() {
        try (Mempool mp = builder().create()) {
            mp.put(mp.get());
            assertEquals(MempoolStats.of(new long[MempoolStats.COUNTERS]), mp.stats());
        }
    }

    @Test
    void eachPoolIsAnMXBeanWhileOpen() throws Exception {
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        final Mempool mp = builder(MempoolFlag.STATS).create();
        final ObjectName name = new ObjectName("io.mempool:type=Mempool,name=" + mp.name());
        assertTrue(server.isRegistered(name));
        assertEquals(mp.name(), server.getAttribute(name, "Name"));
        assertEquals(RecordingOps.NAME, server.getAttribute(name, "OpsName"));
        assertEquals(16, server.getAttribute(name, "Size"));
        final long obj = mp.get();
        assertEquals(15, server.getAttribute(name, "AvailCount"));
        assertEquals(1, server.getAttribute(name, "InUseCount"));
        assertEquals(true, server.getAttribute(name, "StatsEnabled"));
        final TabularData stats = (TabularData) server.getAttribute(name, "Stats");
        final CompositeData row = stats.get(new Object[] {"get_success_objs"});
        assertEquals(1L, row.get("value"));
        server.invoke(name, "resetStats", null, null);
        assertEquals(0, mp.stats().getSuccessObjs());
        assertTrue(((String) server.invoke(name, "dump", null, null)).contains("mempool <" + mp.name() + ">"));
        mp.put(obj);
        mp.close();
        assertFalse(server.isRegistered(name));
    }
}
