package io.mempool.core;

import io.mempool.api.Checks;

import java.nio.ByteBuffer;

/**
 * A pool's objects seen from outside: handle checks (every put's), views, indices. Handle checks read only
 * the heap ({@link PoolMemory}'s bounds), never element memory, so they are safe after close; a view is
 * made only while the pool is open.
 *
 * <p><b>Thread safety:</b> every method may be called from any thread.
 */
final class PoolObjects {
    private final PoolState state;
    private final int elementSize;
    /** The DEBUG checks (exact handle check, corruption exceptions), or null without DEBUG. */
    private final DebugCookies debug;

    PoolObjects(final PoolState state, final int elementSize, final DebugCookies debug) {
        this.state = state;
        this.elementSize = elementSize;
        this.debug = debug;
    }

    /**
     * The check of every put: without DEBUG the range check (inside the pool's memory, on the objects'
     * alignment) unless {@code -Dmempool.checkHandles=false} turned it off ({@link HandleRange#ENABLED}),
     * with DEBUG the exact one (an object's first byte), always.
     *
     * @throws IllegalArgumentException (or, with DEBUG, a corruption exception) for a handle that fails it.
     */
    void checkHandle(final long obj) {
        if (debug == null && !HandleRange.ENABLED) {
            return;
        }
        final PoolMemory m = state.memory();
        if (debug != null ? m.indexOf(obj) < 0 : !m.inChunks(obj)) {
            throw foreignHandle(obj);
        }
    }

    /** As {@link #checkHandle} for a table; names the first handle that fails. */
    void checkHandles(final long[] objs, final int offset, final int n) {
        final boolean exact = debug != null;
        if (!exact && !HandleRange.ENABLED) {
            return;
        }
        final PoolMemory m = state.memory();
        if (exact ? !m.allObjects(objs, offset, offset + n) : !m.allInChunks(objs, offset, offset + n)) {
            for (int i = offset, end = offset + n; i < end; i++) {
                if (exact ? m.indexOf(objs[i]) < 0 : !m.inChunks(objs[i])) {
                    throw foreignHandle(objs[i]);
                }
            }
        }
    }

    /** With DEBUG a foreign handle is corruption, as DPDK's "owned by another mempool"; else a bad argument. */
    private RuntimeException foreignHandle(final long obj) {
        if (debug != null) {
            return debug.foreign(obj);
        }
        return new IllegalArgumentException(Checks.message(
            "obj", "0x" + Long.toHexString(obj), "an object of pool " + state.name() + ", nothing was put"));
    }

    ByteBuffer byteBuffer(final long obj) {
        final PoolMemory m = state.memory();
        return m.byteBuffer(exactly(m, obj), elementSize); // the exact check: a view spans exactly one object
    }

    int indexOf(final long obj) {
        final PoolMemory m = state.memory();
        final int index = m.indexOf(obj);
        if (index < 0) {
            throw notAnObject(obj);
        }
        return index;
    }

    /** @param index {@code 0..} the objects made so far - 1: all of them once populated, fewer while objectInit runs. */
    long objectAt(final int index) {
        final PoolMemory m = state.memory();
        return m.objectAt(Checks.inRange("index", index, 0, m.objectCount() - 1));
    }

    private long exactly(final PoolMemory m, final long obj) {
        if (m.indexOf(obj) < 0) {
            throw notAnObject(obj);
        }
        return obj;
    }

    private IllegalArgumentException notAnObject(final long obj) {
        return new IllegalArgumentException(Checks.message("obj", "0x" + Long.toHexString(obj), "an object of pool " + state.name()));
    }
}
