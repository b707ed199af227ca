package io.mempool.core;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.core.memory.MemoryLayer;
import io.mempool.core.memory.MemoryScope;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A pool's one lifecycle, in one place: creation (all-or-nothing), the choice of store, population or
 * attach, and close as a single ordered sequence — refuse (touching nothing), mark closed, wait for calls
 * inside the store, return the caches' objects, fire DESTROY, unregister, free. Whatever creation acquired
 * before it failed is released by the same sequence, so there is no second, hand-written undo path.
 *
 * <p>It is the only writer of the {@link PoolState}. Diagnostics ({@code audit}, {@code dump}, counts,
 * stats, iteration, JMX) hold {@link #lock()}; close marks the pool closed while holding it, so a reader
 * either finishes before the close starts or sees the pool closed. Listeners and user callbacks other than
 * {@code objectInit} run without the lock. What the facade does when a pool appears and goes (its name,
 * its MXBean, its events) comes in through an {@link Announcer}, so this class names no pool.
 *
 * <p><b>Memory.</b> A pool's off-heap memory lives in at most two {@link MemoryScope}s: one for what
 * creation reserves (private data, a shared header) and one for what population or attach reserves
 * (elements, a shared store), so a failed population frees its memory at once. Close frees both last,
 * once no call can reach them.
 *
 * <p><b>Thread safety:</b> every method may be called from any thread.
 */
final class PoolLifecycle {
    /** How long close waits for calls inside the store before it gives up freeing it; tests shorten it. */
    static volatile long quiescenceTimeoutNanos = TimeUnit.SECONDS.toNanos(10);

    /** What the facade does when a pool appears and goes. */
    interface Announcer {
        /** @throws IllegalArgumentException if a live pool has the name. */
        void claimName();

        void releaseName();

        void registerMBean();

        void unregisterMBean();

        /** @return what the listeners threw, in call order. */
        List<Throwable> fire(MempoolEvent event);
    }

    private final PoolConfig config;
    private final PoolState state;
    private final CacheRegistry caches;
    private final Announcer announcer;
    private final Object lock = new Object();
    // acquired in this order, released in the reverse; all guarded by lock
    private boolean nameClaimed;
    private MemoryScope headerScope;
    private Memzone privateZone;
    private SharedPool shared;
    private boolean mbeanRegistered;
    /** Whether users may have seen the pool (createEmpty or attach returned it, or READY fired): close fires DESTROY. */
    private boolean published;
    private MemoryScope dataScope;
    private int populatedSize;

    PoolLifecycle(final PoolConfig config, final PoolState state, final CacheRegistry caches, final Announcer announcer) {
        this.config = config;
        this.state = state;
        this.caches = caches;
        this.announcer = announcer;
    }

    /**
     * Claims the name, reserves the private area (a shared pool's header, which holds it), registers the
     * MXBean and runs {@code poolInit}; on any failure releases what it acquired and rethrows.
     */
    void create(final Runnable poolInit, final boolean publish) {
        try {
            synchronized (lock) {
                announcer.claimName();
                nameClaimed = true;
                if (config.shared()) {
                    headerScope = MemoryLayer.newScope();
                    shared = SharedPool.create(config, state.ops().flags(), headerScope);
                } else if (config.privateDataSize() > 0) {
                    headerScope = MemoryLayer.newScope();
                    final long length = ElementLayout.roundUp((long) config.privateDataSize(), ElementLayout.CACHE_LINE);
                    privateZone = Memzone.reserve(ZoneNames.header(config.name()), length, ElementLayout.CACHE_LINE, headerScope);
                    privateZone.claim(config.name());
                }
                announcer.registerMBean();
                mbeanRegistered = true;
            }
            if (poolInit != null) {
                poolInit.run();
            }
            synchronized (lock) {
                published = publish && !state.isClosed();
            }
        } catch (final RuntimeException | Error ex) {
            undo(ex);
            throw ex;
        }
    }

    /** Opens a pool another process created: {@code attached}'s zones, mapped in {@code scope}. */
    void attach(final SharedPool attached, final MemoryScope scope) {
        try {
            synchronized (lock) {
                shared = attached; // close releases it, and the scope, from here on
                dataScope = scope;
                announcer.claimName();
                nameClaimed = true;
                final OpsChoice choice = state.ops();
                final OpsConfig opsConfig = new OpsConfig(config.name(), config.size(), choice.flags(), Map.of());
                publish(Placement.inAttachedZones(config, attached, ops(choice), opsConfig));
                announcer.registerMBean();
                mbeanRegistered = true;
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
     * Selects other ops before population (DPDK's {@code rte_mempool_set_ops_byname}).
     *
     * @throws IllegalStateException if the pool is populated or closed.
     */
    void setOps(final String name, final Map<String, String> params) {
        synchronized (lock) {
            state.checkOpen();
            if (state.phase() != PoolState.EMPTY) {
                throw new IllegalStateException("pool " + config.name() + ": ops are frozen once populated (ops "
                    + state.ops().name() + ")");
            }
            state.choose(OpsChoice.of(config.givenFlags(), name, params));
        }
    }

    /**
     * Allocates the store and the memory, lays out the objects, fills the store and fires READY. If
     * anything before READY fails, the pool stays empty and nothing stays allocated. A READY listener
     * that throws does not undo the population; its exception is rethrown after every listener ran.
     *
     * @param init the user's objectInit, or null.
     */
    int populate(final Population.ObjectInit init) {
        synchronized (lock) {
            state.checkOpen();
            if (state.phase() != PoolState.EMPTY) {
                throw new IllegalStateException("pool " + config.name() + ": already populated with " + populatedSize + " objects");
            }
            final OpsChoice choice = OpsChoice.of(config.givenFlags(), state.ops().name(), state.ops().params());
            final MempoolOps<Object> ops = ops(choice); // a default by property is looked up, and checked, here
            state.choose(choice);
            final OpsConfig opsConfig = new OpsConfig(config.name(), config.size(), choice.flags(), choice.params());
            final MemoryScope scope = MemoryLayer.newScope();
            Placement placement = null;
            try {
                placement = shared != null ? Placement.inNewSharedZones(config, shared, ops, opsConfig, scope)
                    : Placement.inPrivateMemory(config, ops, opsConfig, scope);
                state.placeMemory(placement.memory()); // before objectInit runs, so it may view and index the objects
                new Population(config, placement, init, state::isClosed).fill(scope);
                placement.store().readInfo();
            } catch (final RuntimeException | Error ex) {
                state.placeMemory(null);
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
        final Failures failures = new Failures();
        failures.addAll(announcer.fire(MempoolEvent.READY));
        failures.rethrow();
        return config.size();
    }

    @SuppressWarnings("unchecked") // every provider is a MempoolOps of its own store type; core never names it
    private static MempoolOps<Object> ops(final OpsChoice choice) {
        return (MempoolOps<Object>) MempoolOpsRegistry.get(choice.name());
    }

    /** The pool is usable from here on; the caller holds the lock. */
    private void publish(final Placement placement) {
        populatedSize = config.size();
        published = true;
        state.publish(placement.memory(), placement.store());
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
            if (state.isClosed()) {
                return;
            }
            if (!force) {
                refuseIfInUse();
            }
            store = state.boundaryOrNull();
            state.markClosed();
            announce = published;
            sharedPart = shared;
            if (store != null) {
                store.markClosed(); // from now on no call enters the store
            }
        }
        final Failures failures = new Failures();
        final boolean quiet = store == null || caches.awaitQuiet(store.sharedGuard(), System.nanoTime() + quiescenceTimeoutNanos);
        if (!quiet) {
            failures.add(new IllegalStateException("pool " + config.name() + ": a call stayed inside the store for "
                + quiescenceTimeoutNanos / 1_000_000 + " ms; its store and memory are left unfreed"));
        }
        // the caches' objects go back to the store, unless nobody else will use it: a private pool's store
        // is freed next, and a shared store no other live process holds is deleted (and may be wedged by a
        // process killed inside an operation, which a flush would wait for forever)
        final boolean flush = quiet && (sharedPart == null || !sharedPart.otherProcesses(true).isEmpty());
        failures.run(() -> caches.close(flush ? store : null));
        if (announce) {
            failures.addAll(announcer.fire(MempoolEvent.DESTROY));
        }
        release(failures, store, sharedPart, quiet);
        failures.rethrow();
    }

    /** The last steps of close: names, MXBean, store, memory; memory only if no call can reach it. */
    private void release(final Failures failures, final StoreBoundary store, final SharedPool sharedPart, final boolean quiet) {
        final boolean named;
        final boolean registered;
        final Memzone privateArea;
        final PoolMemory elements;
        final MemoryScope[] scopes;
        synchronized (lock) {
            named = nameClaimed;
            registered = mbeanRegistered;
            privateArea = privateZone;
            elements = state.memoryOrNull();
            scopes = new MemoryScope[] {dataScope, headerScope};
            nameClaimed = false;
            mbeanRegistered = false;
            dataScope = null;
            headerScope = null;
            state.drop();
        }
        if (named) {
            failures.run(announcer::releaseName);
        }
        if (registered) {
            failures.run(announcer::unregisterMBean);
        }
        if (quiet && store != null) {
            failures.run(store::free);
        }
        if (quiet && elements != null) {
            failures.run(elements::free);
        }
        if (privateArea != null) {
            failures.run(() -> privateArea.release(false));
        }
        if (quiet && sharedPart != null) {
            failures.run(() -> sharedPart.close(sharedPart.isCreator()));
        }
        for (final MemoryScope scope : scopes) {
            if (quiet && scope != null) {
                failures.run(scope::close); // last: no call of the pool reaches this memory any more
            }
        }
    }

    private void refuseIfInUse() {
        if (shared != null && shared.isCreator()) {
            final List<String> others = shared.otherProcesses(true);
            if (!others.isEmpty()) {
                throw new IllegalStateException("pool " + config.name() + ": processes " + others + " are attached; close"
                    + " the pool there first, or close(true) to destroy it under them");
            }
        }
        if (state.phase() == PoolState.POPULATED && (shared == null || shared.isCreator())) {
            final long out = populatedSize - available();
            if (out > 0) {
                throw new IllegalStateException("pool " + config.name() + ": " + out + " of " + config.size()
                    + " objects are still in use; put them back, or close(true) to free anyway");
            }
        }
    }

    // ---------------------------------------------------------------- for the diagnostics, under the lock

    Object lock() {
        return lock;
    }

    /** Store plus caches plus orphans; the caller holds the lock and the pool is populated. */
    long available() {
        return state.boundaryOrNull().count() + caches.heldCount();
    }

    int populatedSize() {
        return populatedSize;
    }

    /** @return this process's side of a shared pool, or null for a private one. */
    SharedPool shared() {
        return shared;
    }

    /** @return the address of the private area, 64-byte aligned, or 0 if its size is 0; the caller holds the lock. */
    long privateDataAddress() {
        state.checkOpen();
        if (config.privateDataSize() == 0) {
            return 0;
        }
        return shared != null ? shared.privateDataAddress() : privateZone.address();
    }

    /** @return a new view of the private data (empty if its size is 0); the caller holds the lock. */
    ByteBuffer privateData() {
        state.checkOpen();
        if (config.privateDataSize() == 0) {
            return ByteBuffer.allocateDirect(0);
        }
        return shared != null ? shared.privateData(config.privateDataSize())
            : privateZone.nativeRegion().byteBuffer(0, config.privateDataSize());
    }
}
