package io.mempool.core;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.core.memory.MemoryLayer;
import io.mempool.core.memory.MemoryScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A pool's one lifecycle, in one place: creation (all-or-nothing), population or attach, and close as
 * a single ordered sequence — refuse (touching nothing), mark closed, wait for calls inside the store,
 * return the caches' objects, fire DESTROY, unregister, free. Whatever creation acquired before it
 * failed is released by the same sequence, so there is no second, hand-written undo path.
 *
 * <p>Introspection ({@code audit}, {@code dump}, counts, stats, iteration, JMX) runs while holding
 * {@link #lock()}; close marks the pool closed while holding it, so a reader either finishes before the
 * close starts or sees the pool closed. Listeners and user callbacks other than {@code objectInit} run
 * without the lock.
 *
 * <p><b>Memory.</b> A pool's off-heap memory lives in at most two {@link MemoryScope}s: one for what
 * creation reserves (private data, a shared header) and one for what population or attach reserves
 * (elements, a shared store), so a failed population frees its memory at once. Close frees both last,
 * once no call can reach them.
 *
 * <p><b>Thread safety:</b> every method may be called from any thread. {@link #state()} is a volatile
 * read; resources are published by the volatile write of the state.
 */
final class PoolLifecycle {
    static final int EMPTY = 0;
    static final int POPULATED = 1;
    static final int CLOSED = 2;

    private final Mempool mp;
    private final Object lock = new Object();
    private volatile int state = EMPTY;
    // acquired in this order, released in the reverse; all guarded by lock
    private boolean nameRegistered;
    private MemoryScope headerScope;
    private MemoryScope dataScope;
    private Memzone privateZone;
    private SharedPool shared;
    private boolean jmxRegistered;
    /** Whether users may have seen the pool (createEmpty or attach returned it, or READY fired): close fires DESTROY. */
    private boolean published;
    private PoolMemory memory;
    private StoreBoundary boundary;
    private int populatedSize;

    PoolLifecycle(final Mempool mp) {
        this.mp = mp;
    }

    /**
     * Registers the name, reserves the private area (a shared pool's header, which holds it), registers
     * the MXBean and runs {@code poolInit}; on any failure releases what it acquired and rethrows.
     */
    void create(final Consumer<Mempool> poolInit, final boolean publish) {
        try {
            synchronized (lock) {
                LivePools.add(mp);
                nameRegistered = true;
                if (mp.isShared()) {
                    headerScope = MemoryLayer.newScope();
                    shared = SharedPool.create(mp, mp.id(), headerScope);
                } else if (mp.privateDataSize() > 0) {
                    headerScope = MemoryLayer.newScope();
                    final long length = ElementLayout.roundUp((long) mp.privateDataSize(), ElementLayout.CACHE_LINE);
                    privateZone = Memzone.reserve(ZoneNames.header(mp.name()), length, ElementLayout.CACHE_LINE, headerScope);
                    privateZone.claim(mp.name());
                }
                MempoolJmx.register(mp);
                jmxRegistered = true;
            }
            if (poolInit != null) {
                poolInit.accept(mp);
            }
            synchronized (lock) {
                published = publish && state != CLOSED;
            }
        } catch (final RuntimeException | Error ex) {
            undo(ex);
            throw ex;
        }
    }

    /**
     * Opens a pool another process created, {@code attached} being its mapped zones, in {@code scope}; see
     * {@link Mempool#attach}.
     */
    void attach(final SharedPool attached, final MemoryScope scope) {
        try {
            synchronized (lock) {
                shared = attached; // close releases it, and the scope, from here on
                dataScope = scope;
                LivePools.add(mp);
                nameRegistered = true;
                SharedPool.expect(mp.name(), "total element size", attached.intField(SharedPoolDescriptor.TOTAL_ELEMENT_SIZE_OFFSET),
                    mp.totalElementSize());
                SharedPool.expect(mp.name(), "element header size", attached.intField(SharedPoolDescriptor.ELEMENT_HEADER_SIZE_OFFSET),
                    mp.headerSize());
                @SuppressWarnings("unchecked") final MempoolOps<Object> ops = (MempoolOps<Object>) MempoolOpsRegistry.get(mp.opsName());
                final OpsConfig config = new OpsConfig(mp.name(), mp.size(), mp.flags(), Map.of());
                publish(Placement.inAttachedZones(mp, attached, ops, config));
                MempoolJmx.register(mp);
                jmxRegistered = true;
            }
        } catch (final RuntimeException | Error ex) {
            undo(ex);
            throw ex;
        }
    }

    /** Closes a pool whose creation failed, adding close's own failures to {@code cause}. */
    void undo(final Throwable cause) {
        try {
            close(true);
        } catch (final RuntimeException | Error closeFailure) {
            if (closeFailure != cause) {
                cause.addSuppressed(closeFailure);
            }
        }
    }

    /**
     * Allocates the store and the memory, lays out the objects, fills the store and fires READY. If
     * anything before READY fails, the pool stays empty and nothing stays allocated. A READY listener
     * that throws does not undo the population; its exception is rethrown after every listener ran.
     */
    int populate(final String opsName, final Map<String, String> opsParams) {
        synchronized (lock) {
            checkOpen();
            if (state != EMPTY) {
                throw new IllegalStateException("pool " + mp.name() + ": already populated with " + populatedSize + " objects");
            }
            @SuppressWarnings("unchecked") final MempoolOps<Object> ops = (MempoolOps<Object>) MempoolOpsRegistry.get(opsName);
            mp.resolveFlags();
            final OpsConfig config = new OpsConfig(mp.name(), mp.size(), mp.flags(), opsParams);
            final MemoryScope scope = MemoryLayer.newScope();
            Placement placement = null;
            try {
                placement = shared != null ? Placement.inNewSharedZones(mp, shared, ops, config, scope)
                    : Placement.inPrivateMemory(mp, ops, config, scope);
                memory = placement.memory(); // set before objectInit runs, so it may view and index the objects
                new Population(mp, placement, () -> state == CLOSED).fill();
            } catch (final RuntimeException | Error ex) {
                memory = null;
                if (placement != null) {
                    placement.release();
                }
                if (shared != null) {
                    shared.releaseData();
                }
                scope.close();
                throw ex;
            }
            dataScope = scope;
            publish(placement);
            if (shared != null) {
                shared.markReady();
            }
        }
        rethrow(LivePools.fire(MempoolEvent.READY, mp));
        return mp.size();
    }

    /** The pool is usable from here on; the caller holds the lock. */
    private void publish(final Placement placement) {
        memory = placement.memory();
        boundary = new StoreBoundary(mp, placement.ops(), placement.store(), mp.caches(), placement.base());
        populatedSize = mp.size();
        published = true;
        state = POPULATED; // volatile: publishes memory and boundary to every get and put
    }

    /**
     * The close sequence. Idempotent: a second call, or one while another thread closes, returns at once.
     * A shared pool's creator refuses while other live processes are attached; any other process detaches.
     *
     * @throws IllegalStateException if objects are out (or, for a shared pool's creator, other processes
     *     attached) and {@code force} is false; nothing changed then.
     */
    void close(final boolean force) {
        final StoreBoundary store;
        final boolean announce;
        final SharedPool sharedPart;
        synchronized (lock) {
            if (state == CLOSED) {
                return;
            }
            if (!force) {
                refuseIfInUse();
            }
            state = CLOSED;
            store = boundary;
            announce = published;
            sharedPart = shared;
            if (store != null) {
                store.markClosed(); // from now on no call enters the store
            }
        }
        final List<Throwable> failures = new ArrayList<>();
        final boolean quiet = store == null || store.awaitQuiescence();
        if (!quiet) {
            failures.add(new IllegalStateException("pool " + mp.name() + ": a call stayed inside the store for "
                + StoreBoundary.quiescenceTimeoutNanos / 1_000_000 + " ms; its store and memory are left unfreed"));
        }
        // the caches' objects go back to the store, unless nobody else will use it: a private pool's store
        // is freed next, and a shared store no other live process holds is deleted (and may be wedged by a
        // process killed inside an operation, which a flush would wait for forever)
        final boolean flush = quiet && (sharedPart == null || !sharedPart.otherProcesses(true).isEmpty());
        run(failures, () -> mp.caches().close(flush ? store : null));
        if (announce) {
            failures.addAll(LivePools.fire(MempoolEvent.DESTROY, mp));
        }
        final boolean named;
        final boolean registered;
        final Memzone privateArea;
        final PoolMemory elements;
        final MemoryScope[] scopes;
        synchronized (lock) {
            named = nameRegistered;
            registered = jmxRegistered;
            privateArea = privateZone;
            elements = memory;
            scopes = new MemoryScope[] {dataScope, headerScope};
            nameRegistered = false;
            jmxRegistered = false;
            boundary = null; // a closed pool a user still holds keeps neither the store nor the chunk table
            memory = null;
            dataScope = null;
            headerScope = null;
        }
        if (named) {
            LivePools.remove(mp);
        }
        if (registered) {
            run(failures, () -> MempoolJmx.unregister(mp));
        }
        if (quiet && store != null) {
            run(failures, store::free);
        }
        if (quiet && elements != null) {
            elements.free();
        }
        if (privateArea != null) {
            privateArea.release(false);
        }
        if (quiet && sharedPart != null) {
            run(failures, () -> sharedPart.close(sharedPart.isCreator()));
        }
        for (final MemoryScope scope : scopes) {
            if (quiet && scope != null) {
                run(failures, scope::close); // last: no call of the pool reaches this memory any more
            }
        }
        rethrow(failures);
    }

    private void refuseIfInUse() {
        if (shared != null && shared.isCreator()) {
            final List<String> others = shared.otherProcesses(true);
            if (!others.isEmpty()) {
                throw new IllegalStateException("pool " + mp.name() + ": processes " + others + " are attached; close"
                    + " the pool there first, or close(true) to destroy it under them");
            }
        }
        if (state == POPULATED && (shared == null || shared.isCreator())) {
            final long out = populatedSize - available();
            if (out > 0) {
                throw new IllegalStateException("pool " + mp.name() + ": " + out + " of " + mp.size()
                    + " objects are still in use; put them back, or close(true) to free anyway");
            }
        }
    }

    /** Store plus caches plus orphans; the caller holds the lock and the pool is populated. */
    long available() {
        return boundary.count() + mp.caches().heldCount();
    }

    private static void run(final List<Throwable> failures, final Runnable step) {
        try {
            step.run();
        } catch (final RuntimeException | Error ex) {
            failures.add(ex);
        }
    }

    /** Throws the first failure, the others suppressed by it. */
    static void rethrow(final List<Throwable> failures) {
        if (failures.isEmpty()) {
            return;
        }
        final Throwable first = failures.get(0);
        for (int i = 1; i < failures.size(); i++) {
            first.addSuppressed(failures.get(i));
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) first;
    }

    // ---------------------------------------------------------------- state, for the pool

    int state() {
        return state;
    }

    Object lock() {
        return lock;
    }

    PoolMemory memory() {
        return memory;
    }

    StoreBoundary boundary() {
        return boundary;
    }

    /** @return this process's side of a shared pool, or null for a private one. */
    SharedPool shared() {
        return shared;
    }

    int populatedSize() {
        return populatedSize;
    }

    long privateDataAddress() {
        if (shared != null) {
            return mp.privateDataSize() == 0 ? 0 : shared.privateDataAddress();
        }
        return privateZone == null ? 0 : privateZone.address();
    }

    /** @return a new view of the private data; empty if its size is 0. The caller holds the lock. */
    java.nio.ByteBuffer privateData() {
        if (mp.privateDataSize() == 0) {
            return java.nio.ByteBuffer.allocateDirect(0);
        }
        return shared != null ? shared.privateData(mp.privateDataSize())
            : privateZone.nativeRegion().byteBuffer(0, mp.privateDataSize());
    }

    void checkOpen() {
        if (state == CLOSED) {
            throw mp.closedException();
        }
    }
}
