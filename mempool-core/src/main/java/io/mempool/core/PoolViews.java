package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;

import java.nio.ByteBuffer;

/**
 * The pool's memory seen from outside: handles checked, wrapped and indexed, and the introspection —
 * counts, iteration, dump and audit. Every introspection method holds the lifecycle's lock and checks
 * that the pool is open under it, so close never frees memory a reader is still reading; handle checks
 * read only the heap ({@link PoolMemory}'s bounds), never the freed memory.
 *
 * <p><b>Thread safety:</b> every method may be called from any thread.
 */
final class PoolViews {
    private final Mempool mp;

    PoolViews(final Mempool mp) {
        this.mp = mp;
    }

    // ---------------------------------------------------------------- handles

    /**
     * The check of every put: without DEBUG the range check (inside the pool's memory, on the objects'
     * alignment), with DEBUG the exact one (an object's first byte).
     *
     * @throws IllegalArgumentException (or, with DEBUG, a corruption exception) for a handle that fails it.
     */
    void checkHandle(final long obj) {
        final PoolMemory m = memory();
        if (mp.debug() != null ? m.indexOf(obj) < 0 : !m.inChunks(obj)) {
            throw foreignHandle(obj);
        }
    }

    /** As {@link #checkHandle} for a table; names the first handle that fails. */
    void checkHandles(final long[] objs, final int offset, final int n) {
        final PoolMemory m = memory();
        final boolean exact = mp.debug() != null;
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
        if (mp.debug() != null) {
            return mp.debug().foreign(obj);
        }
        return new IllegalArgumentException(Checks.message(
            "obj", "0x" + Long.toHexString(obj), "an object of pool " + mp.name() + ", nothing was put"));
    }

    ByteBuffer byteBuffer(final long obj) {
        final PoolMemory m = memory();
        if (m.indexOf(obj) < 0) { // the exact check: a view spans exactly one object
            throw new IllegalArgumentException(
                Checks.message("obj", "0x" + Long.toHexString(obj), "an object of pool " + mp.name()));
        }
        return m.byteBuffer(obj, mp.elementSize());
    }

    int indexOf(final long obj) {
        final int index = memory().indexOf(obj);
        if (index < 0) {
            throw new IllegalArgumentException(
                Checks.message("obj", "0x" + Long.toHexString(obj), "an object of pool " + mp.name()));
        }
        return index;
    }

    long objectAt(final int index) {
        final PoolMemory m = memory();
        return m.objectAt(Checks.inRange("index", index, 0, mp.size() - 1));
    }

    /** Objects exist from the start of populate, so objectInit may wrap and index them. */
    private PoolMemory memory() {
        final PoolLifecycle lifecycle = mp.lifecycle();
        lifecycle.checkOpen();
        final PoolMemory memory = lifecycle.memory();
        if (memory == null) {
            lifecycle.checkOpen(); // closed since the check above: close drops the memory
            throw new IllegalStateException("pool " + mp.name() + " is not populated: call populateDefault()");
        }
        return memory;
    }

    // ---------------------------------------------------------------- introspection, under the lock

    int availCount() {
        synchronized (mp.lifecycle().lock()) {
            return availLocked();
        }
    }

    int inUseCount() {
        synchronized (mp.lifecycle().lock()) {
            return mp.lifecycle().populatedSize() - availLocked();
        }
    }

    private int availLocked() {
        final PoolLifecycle lifecycle = mp.lifecycle();
        lifecycle.checkOpen();
        if (lifecycle.state() != PoolLifecycle.POPULATED) {
            return 0;
        }
        return (int) Math.max(0, Math.min(mp.size(), lifecycle.available()));
    }

    int objIter(final ObjectVisitor visitor) {
        Checks.notNull("visitor", visitor);
        synchronized (mp.lifecycle().lock()) {
            final PoolLifecycle lifecycle = mp.lifecycle();
            lifecycle.checkOpen();
            final int populated = lifecycle.populatedSize();
            for (int index = 0; index < populated; index++) {
                lifecycle.checkOpen(); // the visitor may have closed the pool: hand out no freed object
                visitor.visit(mp, lifecycle.memory().objectAt(index), index);
            }
            return populated;
        }
    }

    int memIter(final ChunkVisitor visitor) {
        Checks.notNull("visitor", visitor);
        synchronized (mp.lifecycle().lock()) {
            final PoolLifecycle lifecycle = mp.lifecycle();
            lifecycle.checkOpen();
            if (lifecycle.state() != PoolLifecycle.POPULATED) {
                return 0;
            }
            final PoolMemory memory = lifecycle.memory();
            final int chunks = memory.chunkCount();
            for (int k = 0; k < chunks; k++) {
                lifecycle.checkOpen();
                visitor.visit(mp, memory.chunk(k), k);
            }
            return chunks;
        }
    }

    void dump(final Appendable out) {
        synchronized (mp.lifecycle().lock()) {
            mp.lifecycle().checkOpen();
            MempoolDump.dump(mp, out);
            audit();
        }
    }

    void audit() {
        synchronized (mp.lifecycle().lock()) {
            final PoolLifecycle lifecycle = mp.lifecycle();
            lifecycle.checkOpen();
            for (final MempoolCache cache : mp.caches().snapshot()) {
                if (cache.length() > cache.size()) {
                    throw new IllegalStateException("pool " + mp.name() + ": a cache holds " + cache.length()
                        + " objects, more than its size " + cache.size());
                }
            }
            if (lifecycle.state() != PoolLifecycle.POPULATED) {
                return;
            }
            auditObjects(lifecycle.memory());
            if (lifecycle.shared() != null) {
                auditProcesses(lifecycle);
            }
        }
    }

    /** A shared pool: objects held by a process that died attached are stranded, as in DPDK. */
    private void auditProcesses(final PoolLifecycle lifecycle) {
        final java.util.List<String> dead = lifecycle.shared().otherProcesses(false).stream()
            .filter(process -> process.endsWith("(dead)")).toList();
        if (!dead.isEmpty()) {
            final long unseen = lifecycle.populatedSize() - lifecycle.available();
            throw new IllegalStateException("pool " + mp.name() + ": " + unseen + " objects are neither in the store nor in"
                + " this process's caches, and processes " + dead + " died attached: what they held is stranded"
                + " (attached: " + lifecycle.shared().otherProcesses(false) + ")");
        }
    }

    private void auditObjects(final PoolMemory memory) {
        final boolean cookies = mp.flags().contains(MempoolFlag.DEBUG);
        final int poolIdOffset = ElementHeaderDescriptor.poolIdOffset(cookies);
        final int indexOffset = ElementHeaderDescriptor.indexOffset(cookies);
        final DebugCookies debug = mp.debug();
        for (int index = 0; index < mp.size(); index++) {
            final long obj = memory.objectAt(index);
            if (memory.getLong(obj, poolIdOffset) != mp.id() || memory.getLong(obj, indexOffset) != index) {
                throw new IllegalStateException("pool " + mp.name() + ": header of object 0x" + Long.toHexString(obj)
                    + " (index " + index + ") was overwritten");
            }
            if (debug != null) {
                debug.audit(memory, obj, index);
            }
        }
    }
}
