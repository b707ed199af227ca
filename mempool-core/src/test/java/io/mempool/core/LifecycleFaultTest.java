package io.mempool.core;

import io.mempool.api.MempoolFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creation is all-or-nothing and close is one sequence, shown with faults injected where a real one is
 * hard to make: a JMX registration refused, memory that runs out part-way through the chunks, a store
 * call that does not return. Memory is counted through {@link Memzone#reserved()}.
 */
class LifecycleFaultTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @BeforeAll
    static void registerStore() {
        RecordingOps.ensureRegistered();
    }

    @AfterEach
    void restoreHooks() {
        Memzone.injectFaults(null);
        PoolLifecycle.quiescenceTimeoutNanos = TimeUnit.SECONDS.toNanos(10);
    }

    private static String newName() {
        return "fault" + IDS.incrementAndGet();
    }

    private static MempoolBuilder builder(final String name) {
        return Mempool.builder(name).size(16).elementSize(64).privateDataSize(100).ops(RecordingOps.NAME);
    }

    @Test
    void aDuplicateNameLeavesNoMemoryBehind() {
        final String name = newName();
        try (Mempool first = builder(name).create()) {
            final int zones = Memzone.reserved().size();
            assertThrows(IllegalArgumentException.class, () -> builder(name).create());
            assertThrows(IllegalArgumentException.class, () -> builder(name).createEmpty());
            assertEquals(zones, Memzone.reserved().size());
            assertEquals(16, first.availCount(), "the live pool of that name is untouched");
        }
    }

    @Test
    void aRefusedJmxRegistrationLeavesNoNameOrMemory() throws Exception {
        final String name = newName();
        final ObjectName taken = MempoolJmx.objectName(name);
        final Runnable squatter = () -> { };
        SERVER.registerMBean(new StandardMBean(squatter, Runnable.class), taken);
        try {
            final int zones = Memzone.reserved().size();
            final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> builder(name).create());
            assertTrue(ex.getMessage().contains("JMX registration failed"), ex.getMessage());
            assertTrue(Mempool.lookup(name).isEmpty());
            assertEquals(zones, Memzone.reserved().size());
        } finally {
            SERVER.unregisterMBean(taken);
        }
        builder(name).create().close();
    }

    @Test
    void memoryRunningOutPartWayThroughTheChunksLeavesNothing() {
        final String name = newName();
        final int zones = Memzone.reserved().size();
        Memzone.injectFaults(zone -> zone.equals("MP_" + name + "_2"));
        final ElementLayout layout = ElementLayout.of(64, false, true, true);
        assertThrows(OutOfMemoryError.class, () -> builder(name).maxChunkBytes(4L * layout.totalSize).create());
        assertEquals(zones, Memzone.reserved().size(), "the private area and chunks 0 and 1 were freed");
        assertTrue(Mempool.lookup(name).isEmpty());
        assertFalse(SERVER.isRegistered(MempoolJmx.objectName(name)));
    }

    @Test
    void noPrivateAreaLeavesNothing() {
        final String name = newName();
        final int zones = Memzone.reserved().size();
        Memzone.injectFaults(zone -> zone.equals("MP_" + name));
        assertThrows(OutOfMemoryError.class, () -> builder(name).createEmpty());
        assertEquals(zones, Memzone.reserved().size());
        assertTrue(Mempool.lookup(name).isEmpty());
        assertFalse(SERVER.isRegistered(MempoolJmx.objectName(name)));
    }

    @Test
    void aClosedPoolFreesEveryMemzone() {
        final String name = newName();
        final int zones = Memzone.reserved().size();
        final Mempool mp = builder(name).create();
        assertTrue(Memzone.lookup("MP_" + name).isPresent(), "the private area");
        assertTrue(Memzone.lookup("MP_" + name + "_0").isPresent(), "the elements");
        mp.close();
        assertEquals(zones, Memzone.reserved().size());
    }

    @Test
    void anMBeanUnregisteredBehindThePoolsBackDoesNotStopTheClose() throws Exception {
        final String name = newName();
        final int zones = Memzone.reserved().size();
        final Mempool mp = builder(name).create();
        SERVER.unregisterMBean(MempoolJmx.objectName(name));
        final IllegalStateException ex = assertThrows(IllegalStateException.class, mp::close);
        assertTrue(ex.getMessage().contains("JMX unregistration failed"), ex.getMessage());
        assertTrue(mp.isClosed());
        assertEquals(zones, Memzone.reserved().size());
        assertTrue(Mempool.lookup(name).isEmpty());
        mp.close();
    }

    @Test
    void aDeadThreadsObjectsGoBackIntoAMultiProducerStore() throws Exception {
        try (Mempool mp = builder(newName()).cacheSize(8).create()) {
            final RecordingOps.Store store = RecordingOps.storeOf(mp);
            leaveTwoInADeadThreadsCache(mp);
            final int enqueues = store.enqueuers.size();
            final long[] all = new long[16];
            assertTrue(mp.genericGet(all, 0, 16, null));
            assertEquals(List.of("main"), store.enqueuers.subList(enqueues, store.enqueuers.size()),
                "the sweeping thread put the dead cache's objects back into the store");
            assertTrue(dumpOf(mp).contains("orphan_count=0"), dumpOf(mp));
            mp.genericPut(all, 0, 16, null);
        }
    }

    @Test
    void aSingleProducerStoreHoldsADeadThreadsObjectsForTheGetter() throws Exception {
        try (Mempool mp = builder(newName()).cacheSize(8).flags(MempoolFlag.SP_PUT).create()) {
            final RecordingOps.Store store = RecordingOps.storeOf(mp);
            leaveTwoInADeadThreadsCache(mp);
            final int enqueues = store.enqueuers.size();
            final long[] all = new long[16];
            assertTrue(mp.genericGet(all, 0, 16, null));
            assertEquals(enqueues, store.enqueuers.size(), "the getter enqueued " + store.enqueuers);
            assertTrue(dumpOf(mp).contains("orphan_count=0"), "the get took them all: " + dumpOf(mp));
            mp.genericPut(all, 0, 16, null);
        }
    }

    private static String dumpOf(final Mempool mp) {
        final StringBuilder sb = new StringBuilder();
        mp.dump(sb);
        return sb.toString();
    }

    private static void leaveTwoInADeadThreadsCache(final Mempool mp) throws InterruptedException {
        final Thread user = new Thread(() -> {
            final long[] objs = new long[2];
            mp.getBulk(objs, 0, 2); // a refill of 4 leaves 2 in the cache
            mp.putBulk(objs, 0, 2);
        }, "short-lived");
        user.start();
        user.join();
    }

    @Test
    void closeWaitsForACallInsideTheStore() throws Exception {
        final Mempool mp = builder(newName()).create();
        final RecordingOps.Store store = RecordingOps.storeOf(mp);
        final CountDownLatch gate = new CountDownLatch(1);
        store.gate = gate;
        final AtomicReference<Throwable> getter = new AtomicReference<>();
        final Thread inside = new Thread(() -> {
            try {
                mp.genericGet(new long[1], 0, 1, null);
            } catch (final Throwable ex) {
                getter.set(ex);
            }
        });
        inside.start();
        store.atGate.await();
        final Thread closer = new Thread(() -> mp.close(true));
        closer.start();
        closer.join(300);
        assertTrue(closer.isAlive(), "close returned while a call was inside the store");
        assertTrue(mp.isClosed(), "but it already refuses new calls");
        assertThrows(IllegalStateException.class, () -> mp.genericGet(new long[1], 0, 1, null));
        assertFalse(store.calls.contains("free"));
        gate.countDown();
        closer.join();
        inside.join();
        assertNull(getter.get(), "the call inside completed");
        assertEquals("free", store.calls.get(store.calls.size() - 1));
    }

    @Test
    void aCallThatNeverLeavesTheStoreLeaksRatherThanCrashes() throws Exception {
        PoolLifecycle.quiescenceTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(200);
        final String name = newName();
        final Mempool mp = builder(name).create();
        final RecordingOps.Store store = RecordingOps.storeOf(mp);
        final CountDownLatch gate = new CountDownLatch(1);
        store.gate = gate;
        final Thread inside = new Thread(() -> mp.genericGet(new long[1], 0, 1, null));
        inside.start();
        store.atGate.await();
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> mp.close(true));
        assertTrue(ex.getMessage().contains("left unfreed"), ex.getMessage());
        assertTrue(mp.isClosed());
        assertTrue(Mempool.lookup(name).isEmpty(), "the name is free");
        assertFalse(store.calls.contains("free"), "the store a call is inside was not freed");
        assertTrue(Memzone.lookup("MP_" + name + "_0").isPresent(), "nor the elements");
        gate.countDown();
        inside.join();
        Memzone.lookup("MP_" + name + "_0").ifPresent(zone -> zone.release(false)); // what close left, by design
    }

    @Test
    void aClosedPoolStillHeldKeepsNoStore() throws Exception {
        final Mempool mp = builder(newName()).create();
        final WeakReference<RecordingOps.Store> store = new WeakReference<>(RecordingOps.storeOf(mp));
        mp.close();
        for (int i = 0; i < 50 && store.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(store.get(), "the closed pool still references its store");
        assertThrows(IllegalStateException.class, () -> mp.get()); // mp is held up to here
    }

    @Test
    void aPoolsMemzonesCannotBeFreedBehindItsBack() {
        final String name = newName();
        try (Mempool mp = builder(name).cacheSize(4).create()) {
            for (final String zone : new String[] {"MP_" + name, "MP_" + name + "_0"}) {
                final IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Memzone.lookup(zone).orElseThrow().free());
                assertTrue(refused.getMessage().contains("belongs to pool " + name), refused.getMessage());
            }
            mp.put(mp.get());
            mp.audit();
        }
        assertTrue(Memzone.lookup("MP_" + name + "_0").isEmpty(), "closing the pool freed them");
    }

    @Test
    void closeFromInsideObjIterEndsTheIteration() {
        final Mempool mp = builder(newName()).create();
        final AtomicInteger visited = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> mp.objIter((pool, obj, index) -> {
            visited.incrementAndGet();
            pool.close();
        }));
        assertEquals(1, visited.get(), "no freed object was handed to the visitor");
        assertTrue(mp.isClosed());
    }

    @Test
    void objectInitClosingThePoolFailsThePopulate() {
        final String name = newName();
        final int zones = Memzone.reserved().size();
        assertThrows(IllegalStateException.class, () -> builder(name).objectInit((pool, obj, index) -> {
            if (index == 3) {
                pool.close(true);
            }
        }).create());
        assertEquals(zones, Memzone.reserved().size());
        assertEquals(List.of(), Memzone.reserved().stream().filter(z -> z.name().contains(name)).toList());
    }
}
