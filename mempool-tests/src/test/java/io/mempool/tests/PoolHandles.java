package io.mempool.tests;

import io.mempool.core.Mempool;

/**
 * Handles of real pool memory, for a kit's {@code handles(int)} hook when the driver under test
 * translates handles: the objects of one pool of {@value #SIZE} 64-byte elements, made on first use and
 * closed by {@link #close()}. Thread-safe.
 */
final class PoolHandles {
    /** More than the SPI rules ask for (about 5,500). */
    static final int SIZE = 8192;

    private static Mempool pool;
    private static long[] objects;

    private PoolHandles() {
    }

    /**
     * @param n how many, {@code 1..SIZE}.
     * @return the first {@code n} objects of the pool, in index order.
     * @throws IllegalArgumentException if {@code n} is beyond the pool.
     */
    static synchronized long[] first(final int n) {
        if (n < 1 || n > SIZE) {
            throw new IllegalArgumentException("n: " + n + " (expected: 1.." + SIZE + ")");
        }
        if (pool == null) {
            pool = Mempool.builder("pool_handles").size(SIZE).elementSize(64).create();
            objects = new long[SIZE];
            pool.objIter((mp, obj, index) -> objects[index] = obj);
        }
        final long[] objs = new long[n];
        System.arraycopy(objects, 0, objs, 0, n);
        return objs;
    }

    /** Closes the pool; a later {@link #first} makes a new one. */
    static synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
