package io.mempool.driver.bucket;

import io.mempool.api.ElementGeometry;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stores populated at made-up addresses: the store only computes handles, it never touches the memory,
 * so a range nobody mapped is enough.
 */
final class Fixtures {
    /** A made-up chunk address, aligned to any bucket size. */
    static final long BASE = 0x7f12_3400_0000L;
    /** 1 KiB buckets of four 256-byte elements with a 64-byte header each. */
    static final ElementGeometry QUARTERS = new ElementGeometry(64, 256, 64);

    private Fixtures() {
    }

    /**
     * @param capacity the store's capacity; all of it is populated in one chunk at {@link #BASE}.
     * @param kb       the bucket size in KiB.
     * @param threads  the thread table's size.
     * @param geometry the element layout.
     * @return the store, every object in it.
     */
    static Populated populated(final int capacity, final int kb, final int threads, final ElementGeometry geometry) {
        final BucketStore store = new BucketStore(capacity, kb, threads);
        final long[] handles = populate(store, capacity, BASE, 1L << 30, geometry);
        return new Populated(store, handles);
    }

    /**
     * Populates like the pool: each callback enqueues the object it is given.
     *
     * @return the handles, in callback order.
     */
    static long[] populate(final BucketStore store, final int max, final long address, final long length,
                           final ElementGeometry geometry) {
        final long[] seen = new long[max];
        final int[] count = {0};
        final int placed = store.populate(max, address, length, geometry, obj -> {
            seen[count[0]++] = obj;
            store.enqueue(new long[] {obj}, 0, 1);
        });
        if (placed != count[0]) {
            throw new AssertionError("populate returned " + placed + " but called back " + count[0] + " times");
        }
        return Arrays.copyOf(seen, placed);
    }

    /** Rethrows the first failure collected from worker threads, with the others suppressed. */
    static void rethrow(final ConcurrentLinkedQueue<Throwable> failures) {
        final Throwable first = failures.poll();
        if (first != null) {
            for (final Throwable other : failures) {
                first.addSuppressed(other);
            }
            throw new AssertionError("a worker failed", first);
        }
    }

    /**
     * Takes every object out of a quiescent store in one dequeue and checks it returns exactly {@code expected}.
     */
    static void assertHoldsExactly(final BucketStore store, final long[] expected) {
        if (store.count() != expected.length) {
            throw new AssertionError("count " + store.count() + ", expected " + expected.length);
        }
        final long[] all = new long[expected.length];
        if (!store.dequeue(all, 0, all.length)) {
            throw new AssertionError("a quiescent dequeue of count() = " + all.length + " failed");
        }
        final long[] sortedAll = all.clone();
        Arrays.sort(sortedAll);
        final long[] sortedExpected = expected.clone();
        Arrays.sort(sortedExpected);
        if (!Arrays.equals(sortedAll, sortedExpected)) {
            throw new AssertionError("the store gave back another set of handles (lost or duplicated ones)");
        }
        if (store.count() != 0) {
            throw new AssertionError("count " + store.count() + " after taking everything");
        }
        if (!store.enqueue(all, 0, all.length)) {
            throw new AssertionError("enqueue refused the store's own objects");
        }
    }

    /** A populated store and its handles in index order. */
    static final class Populated {
        final BucketStore store;
        final long[] handles;

        Populated(final BucketStore store, final long[] handles) {
            this.store = store;
            this.handles = handles;
        }
    }
}
