package io.mempool.core;

import java.util.Arrays;

/**
 * The objects of terminated threads' caches, held for the gets that need them. They are not put into
 * the store: the thread that sweeps a dead cache may not be the one a single-producer store
 * ({@code SP_PUT}, or an ops that requires it) allows to put, so objects go from here straight into a
 * get's table (or a cache's refill), which only the getting thread writes.
 *
 * <p>Thread-safe: every method holds this object's lock.
 */
final class Orphans {
    private long[] objs = new long[0];
    private int count;

    synchronized void add(final long[] from, final int offset, final int n) {
        if (count + n > objs.length) {
            objs = Arrays.copyOf(objs, Math.max(count + n, 2 * objs.length));
        }
        System.arraycopy(from, offset, objs, count, n);
        count += n;
    }

    synchronized int count() {
        return count;
    }

    /**
     * Fills {@code objs[offset, offset + n)} from the orphans and, for what they lack, from the store;
     * all or none.
     *
     * @return true if all {@code n} were got; false if not, and then nothing was taken and the table was
     *     not written.
     */
    synchronized boolean takeWithStore(final StoreBoundary store, final long[] into, final int offset, final int n) {
        final int mine = Math.min(n, count);
        if (mine == 0) {
            return false;
        }
        if (mine < n && !store.dequeue(into, offset + mine, n - mine)) {
            return false;
        }
        System.arraycopy(objs, count - mine, into, offset, mine);
        count -= mine;
        return true;
    }

    /** Moves every orphan into {@code into} (the closing pool's store) and forgets them. */
    synchronized void drainTo(final StoreBoundary into) {
        if (count > 0) {
            into.enqueue(objs, 0, count);
            count = 0;
        }
    }
}
