package io.mempool.core;

/**
 * Receives {@link MempoolEvent}s of every pool in this JVM; see {@link Mempool#addEventListener}.
 * Called on the thread that populates or closes the pool, without any pool lock held, so a listener
 * may add or remove listeners (itself included); a listener added during an event does not receive
 * that event.
 */
@FunctionalInterface
public interface MempoolEventListener {
    /**
     * @param event what happened.
     * @param mp    the pool it happened to.
     */
    void onEvent(MempoolEvent event, Mempool mp);
}
