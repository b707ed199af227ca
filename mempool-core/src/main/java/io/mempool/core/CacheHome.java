package io.mempool.core;

/**
 * What a cache needs from the registry that made it, without depending on it: the last resort of a get
 * and the leaving of a closed user cache. The registry implements it; caches only see this.
 */
interface CacheHome {
    /**
     * The last attempt before a get fails: the objects of terminated threads' caches, then the store.
     * The caller is inside its guard.
     *
     * @return true if all {@code n} were got; false if not, and then nothing was taken and {@code objs}
     *     was not written.
     */
    boolean reclaim(StoreBoundary store, long[] objs, int offset, int n);

    /** A user cache was closed by its owner: it leaves the pool's accounting, its counters kept. */
    void closed(MempoolCache cache);
}
