package io.mempool.core;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Objects held apart from the store for the gets that need them: those of terminated threads' caches in a
 * pool whose store promises a single producer ({@code SP_PUT}, or an ops that requires it), and, when a get
 * would otherwise fail, those of stripes no thread holds. They cannot go into the store: the thread that
 * moves them may not be the one producer the store allows, so they go from here straight into a get's
 * table (or a cache's refill), which only the getting thread writes.
 *
 * <p>Memory is bounded by what the caches held: each cache's objects are kept as one array of exactly
 * them, never in a table grown by doubling.
 *
 * <p>Thread-safe: a {@link ReentrantLock}, which a virtual thread waits on without pinning its carrier.
 */
final class Orphans {
    private final ReentrantLock lock = new ReentrantLock();
    /** Each cache's objects, exactly; the last one partly taken keeps its count in {@link #lastCount}. */
    private final ArrayDeque<long[]> chunks = new ArrayDeque<>();
    private int lastCount;
    private volatile int count;

    /** Keeps a copy of {@code from[offset, offset + n)}. */
    void add(final long[] from, final int offset, final int n) {
        if (n == 0) {
            return;
        }
        final long[] chunk = new long[n];
        System.arraycopy(from, offset, chunk, 0, n);
        lock.lock();
        try {
            if (chunks.isEmpty()) {
                lastCount = n;
                chunks.add(chunk);
            } else {
                chunks.addFirst(chunk); // the partly taken chunk stays last
            }
            count += n;
        } finally {
            lock.unlock();
        }
    }

    /** @return the objects held; exact when no get is taking some. */
    int count() {
        return count;
    }

    /**
     * Fills {@code into[offset, offset + n)} from the orphans and, for what they lack, from the store;
     * all or none.
     *
     * @return true if all {@code n} were got; false if not, and then nothing was taken and the table was
     *     not written (the part the store would have given stays in the store).
     */
    boolean takeWithStore(final StoreBoundary store, final long[] into, final int offset, final int n) {
        if (count == 0) {
            return false; // volatile read: nothing here, no lock taken
        }
        lock.lock();
        try {
            final int mine = Math.min(n, count);
            if (mine == 0 || mine < n && !store.dequeue(into, offset + mine, n - mine)) {
                return false;
            }
            int filled = 0;
            while (filled < mine) {
                final long[] last = chunks.getLast();
                final int take = Math.min(mine - filled, lastCount);
                System.arraycopy(last, lastCount - take, into, offset + filled, take);
                filled += take;
                lastCount -= take;
                if (lastCount == 0) {
                    chunks.removeLast();
                    lastCount = chunks.isEmpty() ? 0 : chunks.getLast().length;
                }
            }
            count -= mine;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Moves every orphan into {@code into} (the closing pool's store) and forgets them. */
    void drainTo(final StoreBoundary into) {
        lock.lock();
        try {
            while (!chunks.isEmpty()) {
                final long[] last = chunks.getLast();
                into.enqueue(last, 0, lastCount);
                count -= lastCount;
                chunks.removeLast();
                lastCount = chunks.isEmpty() ? 0 : chunks.getLast().length;
            }
        } finally {
            lock.unlock();
        }
    }
}
