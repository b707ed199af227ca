package io.mempool.core;

/**
 * Pool life-cycle events, DPDK's {@code rte_mempool_event}.
 */
public enum MempoolEvent {
    /** The pool has been fully populated. */
    READY,
    /** The pool is being closed; its memory is still readable during the call. */
    DESTROY
}
