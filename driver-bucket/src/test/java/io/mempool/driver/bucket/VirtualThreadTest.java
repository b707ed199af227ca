package io.mempool.driver.bucket;

import static io.mempool.driver.bucket.Fixtures.QUARTERS;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Virtual threads use the shared state only, and mixed with platform threads they conserve every handle.
 * Compiled for 17, so virtual threads are made by reflection; skipped where the JDK has none.
 */
// a separate thread: a store bug that spins forever fails the test instead of hanging the build
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtualThreadTest {
    private static Method ofVirtual;
    private static Method unstarted;

    @BeforeAll
    static void findVirtualThreads() throws ReflectiveOperationException {
        assumeTrue(Runtime.version().feature() >= 21,
            "JDK " + Runtime.version().feature() + " has no virtual threads (Thread.isVirtual arrives in 21)");
        ofVirtual = Thread.class.getMethod("ofVirtual");
        unstarted = Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class);
    }

    @Test
    void aVirtualThreadGetsNoSlot() throws Exception {
        final ThreadTable table = new ThreadTable(4, 4, dead -> { });
        final AtomicReference<Object> seen = new AtomicReference<>("not run");
        final Thread thread = virtual(() -> seen.set(table.current()));
        thread.start();
        thread.join(10_000);
        assertFalse(thread.isAlive());
        assertTrue(VirtualThreads.isVirtual(thread));
        assertFalse(VirtualThreads.isVirtual(Thread.currentThread()));
        assertNull(seen.get(), "a virtual thread uses the shared state only");
    }

    @Test
    void virtualAndPlatformThreadsConserveEveryHandle() throws Exception {
        final Fixtures.Populated p = Fixtures.populated(BucketConcurrencyTest.HANDLES, 1, 4, QUARTERS);
        final BucketConcurrencyTest.Exchange exchange = new BucketConcurrencyTest.Exchange(QUARTERS.totalSize());
        final Thread[] workers = new Thread[6];
        for (int t = 0; t < workers.length; t++) {
            final Runnable work = exchange.worker(p.store, 0xfeedL + t);
            workers[t] = t % 2 == 0 ? virtual(work) : new Thread(work, "bucket-platform-" + t);
            workers[t].setDaemon(true);
        }
        exchange.run(workers);
        exchange.settle(p);
    }

    private static Thread virtual(final Runnable body) throws ReflectiveOperationException {
        return (Thread) unstarted.invoke(ofVirtual.invoke(null), body);
    }
}
