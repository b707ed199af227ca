package io.mempool.api;

/**
 * A pool detected a broken element: a double put, a handle of another pool, an overwritten
 * trailer, or a free element whose header was changed. DPDK panics in these cases; jmempool
 * rejects the whole call instead, so nothing of it reaches a cache or the store.
 */
public class MempoolCorruptionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the pool, the handle (hex) and the fault.
     */
    public MempoolCorruptionException(final String message) {
        super(message);
    }
}
