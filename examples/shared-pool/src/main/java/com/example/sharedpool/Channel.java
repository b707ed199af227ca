package com.example.sharedpool;

/**
 * What the producer and the consumer agree on: the pool's name and the ring of object indices between
 * them. A handle is an address in its own process; an index means the same in both.
 */
final class Channel {
    /** The shared pool. */
    static final String POOL = "seq_pool";
    /** The shared memzone holding the ring of indices, producer to consumer. */
    static final String RING = "seq_ring";
    /** Indices in flight at most. */
    static final int RING_CAPACITY = 1024;
    /** Objects per bulk. */
    static final int BULK = 32;
    /** The index that ends the stream. */
    static final long END = -1;
    /** How long either side waits for the other before giving up. */
    static final long PATIENCE_NANOS = 60_000_000_000L;

    private Channel() {
    }

    static void waitFor(final long deadline, final String what) {
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("gave up waiting for " + what);
        }
        Thread.onSpinWait();
    }
}
