package io.mempool.tests;

import io.mempool.api.MempoolFlag;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolBuilder;
import io.mempool.core.MempoolCache;
import io.mempool.core.MempoolEvent;
import io.mempool.core.MempoolEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lifecycle promises (docs/architecture.md) that a single JVM can show: nothing retained after close,
 * dead threads' caches swept, listeners that throw, a refused close that changes nothing, objects of
 * dead threads back for every flag and ops name, and default caches that stay their owner's.
 */
class LifecycleTest {
    private static final AtomicInteger IDS = new AtomicInteger();

    private static MempoolBuilder builder() {
        return Mempool.builder("life" + IDS.incrementAndGet()).size(64).elementSize(64);
    }

    @Test
    void aClosedPoolIsCollectableWhileTheThreadsThatUsedItLive() throws Exception {
        final ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            final WeakReference<Mempool> ref = useAndClose(threads);
            assertTrue(collected(() -> ref.get() != null), "a closed pool stayed reachable from its threads' state");
        } finally {
            threads.shutdown();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    /** In its own frame, so no local of the test method keeps the pool. */
    private static WeakReference<Mempool> useAndClose(final ExecutorService threads) throws Exception {
        final Mempool mp = builder().cacheSize(16).create();
        for (int i = 0; i < 4; i++) {
            threads.submit(() -> mp.put(mp.get())).get();
        }
        threads.submit(() -> mp.genericPut(new long[] {mp.get()}, 0, 1, null)).get();
        mp.close();
        return new WeakReference<>(mp);
    }

    @Test
    void deadThreadsLeaveNothingBehindOnceAnotherThreadRegisters() throws Exception {
        try (Mempool mp = Mempool.builder("life" + IDS.incrementAndGet()).size(65_535).elementSize(64)
            .cacheSize(16).create()) {
            final List<WeakReference<Thread>> dead = new ArrayList<>();
            for (int batch = 0; batch < 625; batch++) {
                final Thread[] started = new Thread[8];
                for (int t = 0; t < started.length; t++) {
                    started[t] = new Thread(() -> {
                        final long[] objs = new long[4];
                        assertTrue(mp.getBulk(objs, 0, 4)); // a roomy pool: no get ever fails
                        mp.putBulk(objs, 0, 4);
                    });
                    started[t].start();
                    dead.add(new WeakReference<>(started[t]));
                }
                for (final Thread thread : started) {
                    thread.join();
                }
            }
            final Thread late = new Thread(() -> mp.put(mp.get())); // registers: sweeps the 5,000 dead caches
            late.start();
            late.join();
            final StringBuilder dump = new StringBuilder();
            mp.dump(dump);
            final long caches = dump.toString().lines().filter(l -> l.trim().startsWith("cache[")).count();
            assertTrue(caches <= 1, "caches of dead threads are still listed: " + caches);
            assertTrue(collected(() -> dead.stream().anyMatch(w -> w.get() != null)),
                "the pool still holds terminated Thread objects");
            assertEquals(mp.size(), mp.availCount(), "every object of the dead caches is available");
            final long[] all = new long[mp.size()];
            assertTrue(mp.genericGet(all, 0, all.length, null), "and can be got");
            mp.genericPut(all, 0, all.length, null);
        }
    }

    @Test
    void aDestroyListenerThatThrowsDoesNotStopTheClose() throws Exception {
        final Mempool mp = builder().cacheSize(8).create();
        final String name = mp.name();
        final IllegalStateException boom = new IllegalStateException("listener failed");
        final MempoolEventListener listener = (event, pool) -> {
            if (pool == mp && event == MempoolEvent.DESTROY) {
                throw boom;
            }
        };
        Mempool.addEventListener(listener);
        try {
            mp.put(mp.get());
            final IllegalStateException thrown = assertThrows(IllegalStateException.class, mp::close);
            assertSame(boom, thrown, "the listener's exception is reported after the close");
        } finally {
            Mempool.removeEventListener(listener);
        }
        assertClosedAndGone(mp, name);
        mp.close(); // a no-op now
    }

    @Test
    void aReadyListenerThatThrowsFailsCreateAndLeavesNothing() throws Exception {
        final String name = "life" + IDS.incrementAndGet();
        final IllegalArgumentException boom = new IllegalArgumentException("listener failed");
        final AtomicReference<Mempool> seen = new AtomicReference<>();
        final AtomicInteger destroys = new AtomicInteger();
        final MempoolEventListener listener = (event, pool) -> {
            if (pool.name().equals(name)) {
                if (event == MempoolEvent.READY) {
                    seen.set(pool);
                    throw boom;
                }
                destroys.incrementAndGet();
                throw new IllegalStateException("and again at DESTROY");
            }
        };
        Mempool.addEventListener(listener);
        try {
            final IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Mempool.builder(name).size(64).elementSize(64).create());
            assertSame(boom, thrown);
            assertEquals(1, destroys.get(), "the undone pool was destroyed once");
        } finally {
            Mempool.removeEventListener(listener);
        }
        assertClosedAndGone(seen.get(), name);
        Mempool.builder(name).size(64).elementSize(64).create().close();
    }

    @Test
    void aReadyListenerThatThrowsInPopulateLeavesAPopulatedPool() {
        final Mempool mp = builder().createEmpty();
        final IllegalStateException boom = new IllegalStateException("listener failed");
        final MempoolEventListener listener = (event, pool) -> {
            if (pool == mp) {
                throw boom;
            }
        };
        Mempool.addEventListener(listener);
        try {
            assertSame(boom, assertThrows(IllegalStateException.class, mp::populateDefault));
            assertEquals(64, mp.populatedSize(), "the pool is populated; only the listener failed");
            assertEquals(64, mp.availCount());
            assertSame(mp, Mempool.lookup(mp.name()).orElseThrow());
        } finally {
            Mempool.removeEventListener(listener);
        }
        mp.close();
        assertTrue(mp.isClosed());
    }

    @Test
    void aRefusedCloseLeavesEveryCacheAsItWas() throws Exception {
        final Mempool mp = builder().cacheSize(32).create();
        final CountDownLatch filled = new CountDownLatch(1);
        final CountDownLatch checked = new CountDownLatch(1);
        final AtomicInteger before = new AtomicInteger(-1);
        final AtomicInteger after = new AtomicInteger(-1);
        final Thread owner = new Thread(() -> {
            final long[] objs = new long[8];
            assertTrue(mp.getBulk(objs, 0, 8));
            mp.putBulk(objs, 0, 8);
            before.set(mp.defaultCache().length());
            filled.countDown();
            try {
                checked.await();
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            after.set(mp.defaultCache().length());
        });
        owner.start();
        filled.await();
        final long out = mp.get();
        final int avail = mp.availCount();
        assertThrows(IllegalStateException.class, mp::close);
        checked.countDown();
        owner.join();
        assertTrue(before.get() > 0);
        assertEquals(before.get(), after.get(), "a refused close flushed a live thread's cache");
        assertEquals(avail, mp.availCount());
        assertFalse(mp.isClosed());
        mp.put(out);
        mp.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SP_PUT", "ring_sp_sc", "ring_sp_mc", "SP_PUT+SC_GET", "ring_mp_mc"})
    void theObjectsOfADeadThreadComeBackForEveryFlagAndOpsName(final String how) throws Exception {
        final MempoolBuilder builder = builder().cacheSize(16);
        if (how.startsWith("SP_PUT")) {
            builder.flags(MempoolFlag.SP_PUT);
            if (how.endsWith("SC_GET")) {
                builder.flags(MempoolFlag.SC_GET);
            }
        } else {
            builder.ops(how);
        }
        try (Mempool mp = builder.create()) {
            final Thread user = new Thread(() -> {
                final long[] objs = new long[8];
                assertTrue(mp.getBulk(objs, 0, 8));
                mp.putBulk(objs, 0, 8);
            });
            user.start();
            user.join();
            assertEquals(64, mp.availCount());
            final long[] all = new long[64];
            assertTrue(mp.genericGet(all, 0, 64, null), "the dead thread's objects came back to the get");
            mp.genericPut(all, 0, 64, null);
            assertTrue(mp.isFull());
        }
    }

    @Test
    void aDefaultCacheServesOnlyItsOwnThread() throws Exception {
        try (Mempool mp = builder().cacheSize(16).create()) {
            final AtomicReference<MempoolCache> theirs = new AtomicReference<>();
            final CountDownLatch done = new CountDownLatch(1);
            final Thread other = new Thread(() -> {
                mp.put(mp.get());
                theirs.set(mp.defaultCache());
                try {
                    done.await();
                } catch (final InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            other.start();
            while (theirs.get() == null) {
                Thread.onSpinWait();
            }
            final int held = theirs.get().length();
            final long[] objs = new long[4];
            final IllegalArgumentException get = assertThrows(IllegalArgumentException.class,
                () -> mp.genericGet(objs, 0, 4, theirs.get()));
            assertTrue(get.getMessage().contains(other.getName()), get.getMessage());
            assertTrue(mp.genericGet(objs, 0, 4, null));
            assertThrows(IllegalArgumentException.class, () -> mp.genericPut(objs, 0, 4, theirs.get()));
            assertEquals(held, theirs.get().length(), "the other thread's cache is untouched");
            mp.genericPut(objs, 0, 4, null);
            done.countDown();
            other.join();
        }
    }

    private static void assertClosedAndGone(final Mempool mp, final String name) throws Exception {
        assertTrue(mp.isClosed());
        assertTrue(Mempool.lookup(name).isEmpty(), "the name is free again");
        assertFalse(ManagementFactory.getPlatformMBeanServer()
            .isRegistered(new ObjectName("io.mempool:type=Mempool,name=" + name)), "the MBean is gone");
        assertThrows(IllegalStateException.class, mp::availCount);
    }

    /** Runs the GC until {@code stillThere} turns false; at most about 5 s. */
    private static boolean collected(final BooleanSupplier stillThere) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (!stillThere.getAsBoolean()) {
                return true;
            }
            System.gc();
            Thread.sleep(100);
        }
        return !stillThere.getAsBoolean();
    }
}
