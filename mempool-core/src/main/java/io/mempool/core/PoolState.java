package io.mempool.core;

/**
 * What changes in a pool's life, in one place: its phase (empty, populated, closed), the store chosen,
 * and what population publishes, its memory and its store boundary. Only {@link PoolLifecycle} writes it,
 * holding its lock; every other part of the pool reads it.
 *
 * <p><b>Thread safety:</b> reads from any thread. The phase is volatile; the memory and the boundary are
 * published by the volatile write of {@code POPULATED} and dropped after {@code CLOSED}, so a reader
 * checks the phase first and still copes with null (close may have run since).
 */
final class PoolState {
    static final int EMPTY = 0;
    static final int POPULATED = 1;
    static final int CLOSED = 2;

    private final String name;
    private volatile int phase = EMPTY;
    private volatile OpsChoice ops;
    private PoolMemory memory;
    private StoreBoundary boundary;

    PoolState(final String name, final OpsChoice ops) {
        this.name = name;
        this.ops = ops;
    }

    String name() {
        return name;
    }

    int phase() {
        return phase;
    }

    boolean isClosed() {
        return phase == CLOSED;
    }

    OpsChoice ops() {
        return ops;
    }

    // ---------------------------------------------------------------- written by the lifecycle, under its lock

    void choose(final OpsChoice choice) {
        ops = choice;
    }

    /** The objects exist from the start of population, so {@code objectInit} may view and index them. */
    void placeMemory(final PoolMemory placed) {
        memory = placed;
    }

    /** The pool is usable from here on. */
    void publish(final PoolMemory placed, final StoreBoundary store) {
        memory = placed;
        boundary = store;
        phase = POPULATED; // volatile: publishes memory and boundary to every get and put
    }

    /** @return the phase before; from now on every check throws the closed exception. */
    int markClosed() {
        final int was = phase;
        phase = CLOSED;
        return was;
    }

    /** A closed pool a user still holds keeps neither the store nor the chunk table. */
    void drop() {
        memory = null;
        boundary = null;
    }

    // ---------------------------------------------------------------- read by anyone

    /** @throws IllegalStateException if the pool is closed. */
    void checkOpen() {
        if (phase == CLOSED) {
            throw closedException();
        }
    }

    /** @throws IllegalStateException if the pool is not populated, or closed. */
    void checkUsable() {
        final int now = phase;
        if (now != POPULATED) {
            throw now == CLOSED ? closedException() : notPopulated();
        }
    }

    /**
     * @return the store boundary of a populated pool.
     * @throws IllegalStateException if the pool is not populated, or closed (close drops it).
     */
    StoreBoundary boundary() {
        final StoreBoundary store = boundary;
        if (store == null) {
            checkUsable();
            throw closedException(); // populated when checked, closed since
        }
        return store;
    }

    /** @return the store boundary, or null before population and after close. */
    StoreBoundary boundaryOrNull() {
        return boundary;
    }

    /**
     * @return the objects' memory: during population (for {@code objectInit}) and once populated.
     * @throws IllegalStateException if the pool has no objects yet, or is closed.
     */
    PoolMemory memory() {
        checkOpen();
        final PoolMemory placed = memory;
        if (placed == null) {
            checkOpen(); // closed since the check above: close drops the memory
            throw notPopulated();
        }
        return placed;
    }

    /** @return the objects' memory, or null. */
    PoolMemory memoryOrNull() {
        return memory;
    }

    IllegalStateException closedException() {
        return closed(name);
    }

    private IllegalStateException notPopulated() {
        return new IllegalStateException("pool " + name + " is not populated: call populateDefault()");
    }

    /** @return the exception of any call on closed pool {@code name}. */
    static IllegalStateException closed(final String name) {
        return new IllegalStateException("pool " + name + " is closed");
    }
}
