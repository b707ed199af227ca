package io.mempool.driver.bucket;

import static io.mempool.driver.bucket.Fixtures.QUARTERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bounded per-thread table: slots per platform thread, dead threads' state adopted, overflow to shared state. */
// a separate thread: a store bug that spins forever fails the test instead of hanging the build
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadTableTest {
    private static final long JOIN_MILLIS = 10_000;

    @Test
    void aDeadThreadsSlotIsAdoptedByTheNextThreadThatNeedsOne() throws InterruptedException {
        final List<ThreadSlot> reclaimed = new ArrayList<>();
        final ThreadTable table = new ThreadTable(1, 4, reclaimed::add);
        final AtomicReference<ThreadSlot> first = new AtomicReference<>();
        run(() -> first.set(table.current()));
        assertNotNull(first.get());
        final int oldTag = first.get().tag();
        final AtomicReference<ThreadSlot> second = new AtomicReference<>();
        run(() -> second.set(table.current()));
        assertSame(first.get(), second.get(), "the one entry, adopted and claimed again");
        assertEquals(List.of(first.get()), reclaimed);
        assertTrue(oldTag != second.get().tag(), "the old owner's buckets count as shared now");
        assertNull(table.ownerOf(oldTag));
    }

    @Test
    void aLiveThreadKeepsItsSlotAndThreadsBeyondTheTableGetNone() throws InterruptedException {
        final ThreadTable table = new ThreadTable(1, 4, dead -> {
            throw new AssertionError("nobody is dead");
        });
        final ThreadSlot mine = table.current();
        assertNotNull(mine);
        assertSame(mine, table.current());
        assertSame(mine, table.ownerOf(mine.tag()));
        final AtomicReference<ThreadSlot> other = new AtomicReference<>(mine);
        run(() -> other.set(table.current()));
        assertNull(other.get(), "a platform thread beyond the table uses shared state");
    }

    @Test
    void aDeadThreadsBucketsAndAdoptionsGoBackWhenADequeueComesUpShort() throws InterruptedException {
        final Fixtures.Populated p = Fixtures.populated(16, 1, 2, QUARTERS);
        final long[] held = new long[8];
        run(() -> {
            // opens two buckets, owned by this thread; four objects go back: one bucket whole, on its own stack
            assertTrue(p.store.dequeue(held, 0, 8));
            assertTrue(p.store.enqueue(held, 0, 4));
        });
        // the owner is dead but not yet adopted: these go to its adoption ring
        assertTrue(p.store.enqueue(held, 4, 4));
        assertEquals(16, p.store.count(), "its stack and its ring are counted");
        final long[] all = new long[16];
        assertTrue(p.store.dequeue(all, 0, 16), "short: adopts the dead thread's ring, steals its bucket");
        assertEquals(0, p.store.count());
        assertTrue(p.store.enqueue(all, 0, 16));
        Fixtures.assertHoldsExactly(p.store, p.handles);
    }

    @Test
    void aNewThreadAdoptsADeadThreadsStateBeforeUsingItsEntry() throws InterruptedException {
        // populated by a thread that then dies, so the main thread never holds the table's one entry
        final AtomicReference<Fixtures.Populated> made = new AtomicReference<>();
        run(() -> made.set(Fixtures.populated(16, 1, 1, QUARTERS)));
        final Fixtures.Populated p = made.get();
        final long[] held = new long[4];
        final CountDownLatch taken = new CountDownLatch(1);
        final CountDownLatch returned = new CountDownLatch(1);
        final Thread owner = new Thread(() -> {
            // adopts the populating thread's entry, the only one; the whole bucket it takes is owned by it
            if (p.store.dequeue(held, 0, 4)) {
                taken.countDown();
            }
            await(returned);
        }, "bucket-owner");
        owner.setDaemon(true);
        owner.start();
        assertTrue(taken.await(JOIN_MILLIS, TimeUnit.MILLISECONDS));
        // the main thread finds no free entry: a shared put, into the live owner's adoption ring
        assertTrue(p.store.enqueue(held, 0, 4));
        assertEquals(16, p.store.count());
        returned.countDown();
        owner.join(JOIN_MILLIS);
        assertFalse(owner.isAlive());
        // a new thread takes the dead owner's entry, and its pending adoptions go back first
        run(() -> Fixtures.assertHoldsExactly(p.store, p.handles));
    }

    private static void await(final CountDownLatch latch) {
        try {
            assertTrue(latch.await(JOIN_MILLIS, TimeUnit.MILLISECONDS));
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Runs {@code body} on a new platform thread and waits until it is dead; rethrows its failure. */
    static void run(final Runnable body) throws InterruptedException {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CountDownLatch done = new CountDownLatch(1);
        final Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (final Throwable ex) {
                failure.set(ex);
            } finally {
                done.countDown();
            }
        }, "bucket-table-test");
        thread.setDaemon(true);
        thread.start();
        assertTrue(done.await(JOIN_MILLIS, TimeUnit.MILLISECONDS), "the thread did not finish");
        thread.join(JOIN_MILLIS);
        assertFalse(thread.isAlive());
        if (failure.get() != null) {
            throw new AssertionError("the thread failed", failure.get());
        }
    }
}
