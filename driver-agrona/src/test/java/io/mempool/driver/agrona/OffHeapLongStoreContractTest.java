package io.mempool.driver.agrona;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The single-threaded contract both off-heap stores keep; each store's test adds its concurrency test.
 */
abstract class OffHeapLongStoreContractTest {
    /** What a table slot holds before a call, to prove a failed dequeue wrote nothing. */
    static final long SENTINEL = 0xDEAD_BEEFL;

    private final List<OffHeapLongStore> stores = new ArrayList<>();

    abstract OffHeapLongStore create(int capacity);

    /** A store freed after the test. */
    final OffHeapLongStore store(final int capacity) {
        final OffHeapLongStore store = create(capacity);
        stores.add(store);
        return store;
    }

    @AfterEach
    final void freeStores() {
        for (final OffHeapLongStore store : stores) {
            store.free();
        }
    }

    @Test
    void anEmptyStoreHasItsExactCapacityAndNothingToTake() {
        final OffHeapLongStore store = store(100);
        assertEquals(100, store.capacity());
        assertEquals(0, store.count());
        final long[] table = filled(1);
        assertFalse(store.dequeue(table, 0, 1));
        assertArrayEquals(filled(1), table);
    }

    @Test
    void fillAndEmptyCyclesKeepCountAndFifoOrder() {
        final int capacity = 100;
        final OffHeapLongStore store = store(capacity);
        final long[] one = new long[1];
        long next = 1;
        for (int cycle = 0; cycle < 5; cycle++) {
            final long first = next;
            for (int i = 0; i < capacity; i++) {
                one[0] = next++;
                assertTrue(store.enqueue(one, 0, 1), "room for " + (i + 1) + " of " + capacity);
                assertEquals(i + 1, store.count());
            }
            one[0] = -1L;
            assertFalse(store.enqueue(one, 0, 1), "full at exactly the capacity");
            assertEquals(capacity, store.count());
            for (int i = 0; i < capacity; i++) {
                assertTrue(store.dequeue(one, 0, 1));
                assertEquals(first + i, one[0], "FIFO");
                assertEquals(capacity - i - 1, store.count());
            }
            assertFalse(store.dequeue(one, 0, 1), "empty");
        }
    }

    @Test
    void anOversizedEnqueueAddsNothing() {
        final OffHeapLongStore store = store(100);
        assertTrue(store.enqueue(sequence(1, 90), 0, 90));
        assertFalse(store.enqueue(sequence(1000, 11), 0, 11));
        assertEquals(90, store.count());
        assertTrue(store.enqueue(sequence(91, 10), 0, 10), "exactly the room left fits");
        final long[] all = new long[100];
        assertTrue(store.dequeue(all, 0, 100));
        assertArrayEquals(sequence(1, 100), all, "nothing of the refused call got in");
        assertFalse(store.enqueue(sequence(1, 101), 0, 101), "more than the capacity never fits");
        assertEquals(0, store.count());
    }

    @Test
    void anOversizedDequeueTakesNothingAndWritesNothing() {
        final OffHeapLongStore store = store(10);
        assertTrue(store.enqueue(sequence(1, 5), 0, 5));
        final long[] table = filled(8);
        assertFalse(store.dequeue(table, 1, 6));
        assertArrayEquals(filled(8), table, "a failed dequeue leaves the table alone");
        assertEquals(5, store.count());
        assertTrue(store.dequeue(table, 1, 5));
        assertArrayEquals(new long[] {SENTINEL, 1, 2, 3, 4, 5, SENTINEL, SENTINEL}, table);
    }

    @Test
    void bulkCallsKeepFifoOrderAcrossTheWrap() {
        final OffHeapLongStore store = store(7);
        final long[] table = new long[7];
        assertTrue(store.enqueue(sequence(1, 5), 0, 5));
        assertTrue(store.dequeue(table, 0, 3));
        assertTrue(store.enqueue(sequence(6, 5), 0, 5), "wraps past the end of the slots");
        assertEquals(7, store.count());
        assertTrue(store.dequeue(table, 0, 7));
        assertArrayEquals(sequence(4, 7), table);
    }

    @Test
    void wraparoundOverManyCyclesKeepsEveryHandleInOrder() {
        final int capacity = 3;
        final OffHeapLongStore store = store(capacity);
        final SplittableRandom random = new SplittableRandom(42);
        final long[] in = new long[capacity];
        final long[] out = new long[capacity];
        long produced = 1;
        long consumed = 1;
        for (int round = 0; round < 20_000; round++) {
            final int room = capacity - store.count();
            final int put = random.nextInt(capacity) + 1;
            for (int i = 0; i < put; i++) {
                in[i] = produced + i;
            }
            final boolean added = store.enqueue(in, 0, put);
            assertEquals(put <= room, added, "all-or-nothing by room");
            if (added) {
                produced += put;
            }
            final int take = random.nextInt(capacity) + 1;
            final boolean taken = store.dequeue(out, 0, take);
            assertEquals(take <= produced - consumed, taken, "all-or-nothing by count");
            if (taken) {
                for (int i = 0; i < take; i++) {
                    assertEquals(consumed++, out[i]);
                }
            }
            assertEquals(produced - consumed, store.count());
        }
        assertTrue(produced > 10_000, "positions passed many laps of 4 slots");
    }

    @Test
    void aCapacityOfOneHoldsOne() {
        final OffHeapLongStore store = store(1);
        final long[] table = {7L, 8L};
        assertFalse(store.enqueue(table, 0, 2));
        for (int i = 0; i < 10; i++) {
            assertTrue(store.enqueue(table, i & 1, 1));
            assertFalse(store.enqueue(table, 0, 1));
            final long[] out = new long[1];
            assertTrue(store.dequeue(out, 0, 1));
            assertEquals(table[i & 1], out[0]);
        }
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingChanges() {
        final OffHeapLongStore store = store(10);
        assertTrue(store.enqueue(sequence(1, 3), 0, 3));
        final long[] table = filled(4);
        assertThrows(IllegalArgumentException.class, () -> store.enqueue(null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> store.dequeue(null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> store.enqueue(table, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> store.dequeue(table, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> store.enqueue(table, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> store.dequeue(table, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> store.enqueue(table, 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> store.dequeue(table, 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> store.dequeue(table, 5, 0));
        assertArrayEquals(filled(4), table, "no rejected dequeue wrote the table");
        assertEquals(3, store.count());
        final long[] out = new long[3];
        assertTrue(store.dequeue(out, 0, 3));
        assertArrayEquals(sequence(1, 3), out, "no rejected call changed the contents");
    }

    @Test
    void zeroHandlesSucceedAndChangeNothing() {
        final OffHeapLongStore store = store(2);
        final long[] table = filled(2);
        assertTrue(store.dequeue(table, 0, 0), "empty store, n == 0");
        assertTrue(store.dequeue(table, 2, 0), "offset == length with n == 0");
        assertTrue(store.enqueue(table, 0, 2));
        assertTrue(store.enqueue(table, 2, 0), "full store, n == 0");
        assertEquals(2, store.count());
        final long[] untouched = {1L, 2L};
        assertTrue(store.dequeue(untouched, 0, 0));
        assertArrayEquals(new long[] {1L, 2L}, untouched);
        assertEquals(2, store.count());
    }

    @Test
    void freeReleasesTheOffHeapMemory() {
        final BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> "direct".equals(pool.getName())).findFirst().orElseThrow();
        final OffHeapLongStore store = create(1 << 20);
        final long allocated = store.bufferLength() + AgronaStoreDescriptor.ALIGNMENT;
        final long live = direct.getTotalCapacity();
        store.free();
        final long released = live - direct.getTotalCapacity();
        // a margin for direct buffers the test JVM makes or drops meanwhile (megabytes against kilobytes)
        assertTrue(Math.abs(released - allocated) < (1 << 20),
            "released " + released + " bytes of " + allocated);
        assertTrue(store.isFreed());
        store.free(); // idempotent
    }

    @Test
    void aFreedStoreRefusesCallsWithoutTouchingItsMemory() {
        final OffHeapLongStore store = create(4);
        store.free();
        final long[] table = filled(1);
        assertThrows(IllegalStateException.class, () -> store.enqueue(table, 0, 1));
        assertThrows(IllegalStateException.class, () -> store.dequeue(table, 0, 1));
        assertThrows(IllegalStateException.class, store::count);
        assertArrayEquals(filled(1), table);
        assertEquals(4, store.capacity());
    }

    static long[] sequence(final long first, final int n) {
        final long[] table = new long[n];
        for (int i = 0; i < n; i++) {
            table[i] = first + i;
        }
        return table;
    }

    static long[] filled(final int n) {
        final long[] table = new long[n];
        Arrays.fill(table, SENTINEL);
        return table;
    }

    /** Starts the workers, joins them within a bound, and rethrows the first failure of any. */
    static void runAll(final long joinMillis, final Runnable... workers) throws InterruptedException {
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final Thread[] threads = new Thread[workers.length];
        for (int i = 0; i < workers.length; i++) {
            final Runnable worker = workers[i];
            threads[i] = new Thread(() -> {
                try {
                    worker.run();
                } catch (final Throwable t) {
                    failures.add(t);
                }
            }, "store-worker-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        final long deadline = System.nanoTime() + joinMillis * 1_000_000L;
        for (final Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            if (thread.isAlive()) {
                failures.add(new AssertionError(thread.getName() + " still running after " + joinMillis + " ms"));
            }
        }
        final Throwable first = failures.poll();
        if (first != null) {
            for (final Throwable other : failures) {
                first.addSuppressed(other);
            }
            if (first instanceof Error error) {
                throw error;
            }
            throw new AssertionError(first);
        }
    }
}
