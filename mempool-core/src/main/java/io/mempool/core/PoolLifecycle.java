package io.mempool.core;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import org.agrona.UnsafeApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A pool's one lifecycle, in one place: creation (all-or-nothing), population, and close as a single
 * ordered sequence — refuse (touching nothing), mark closed, wait for calls inside the store, return
 * the caches' objects, fire DESTROY, unregister, free. Whatever creation acquired before it failed is
 * released by the same sequence, so there is no second, hand-written undo path.
 *
 * <p>Introspection ({@code audit}, {@code dump}, counts, stats, iteration, JMX) runs while holding
 * {@link #lock()}; close marks the pool closed while holding it, so a reader either finishes before the
 * close starts or sees the pool closed. Listeners and user callbacks other than {@code objectInit} run
 * without the lock.
 *
 * <p><b>Thread safety:</b> every method may be called from any thread. {@link #state()} is a volatile
 * read; resources are published by the volatile write of the state.
 */
final class PoolLifecycle {
    static final int EMPTY = 0;
    static final int POPULATED = 1;
    static final int CLOSED = 2;
    private static final int POPULATE_BATCH = 512;

    private final Mempool mp;
    private final Object lock = new Object();
    private volatile int state = EMPTY;
    // acquired in this order, released in the reverse; all guarded by lock
    private boolean nameRegistered;
    private Memzone privateZone;
    private boolean jmxRegistered;
    /** Whether users may have seen the pool (createEmpty returned it or READY fired): close fires DESTROY. */
    private boolean published;
    private PoolMemory memory;
    private StoreBoundary boundary;
    private int populatedSize;

    PoolLifecycle(final Mempool mp) {
        this.mp = mp;
    }

    /**
     * Registers the name, reserves the private area, registers the MXBean and runs {@code poolInit};
     * on any failure releases what it acquired, in reverse, and rethrows.
     */
    void create(final Consumer<Mempool> poolInit, final boolean publish) {
        try {
            synchronized (lock) {
                LivePools.add(mp);
                nameRegistered = true;
                if (mp.privateDataSize() > 0) {
                    final long length = ElementLayout.roundUp((long) mp.privateDataSize(), ElementLayout.CACHE_LINE);
                    privateZone = Memzone.reserve("MP_" + mp.name(), length, ElementLayout.CACHE_LINE);
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
            final Object store = ops.alloc(new OpsConfig(mp.name(), mp.size(), mp.flags(), opsParams));
            try {
                // set before objectInit runs, so it may wrap and index the objects
                memory = PoolMemory.allocate(mp.name(), mp.layout(), mp.size(), mp.maxChunkBytes());
                fill(ops, store);
            } catch (final RuntimeException | Error ex) {
                ops.free(store);
                if (memory != null) {
                    memory.free();
                    memory = null;
                }
                throw ex;
            }
            boundary = new StoreBoundary(mp, ops, store, mp.caches());
            populatedSize = mp.size();
            published = true;
            state = POPULATED; // volatile: publishes memory and boundary to every get and put
        }
        rethrow(LivePools.fire(MempoolEvent.READY, mp));
        return mp.size();
    }

    private void fill(final MempoolOps<Object> ops, final Object store) {
        final boolean cookies = mp.flags().contains(io.mempool.api.MempoolFlag.DEBUG);
        final int poolIdOffset = ElementHeaderDescriptor.poolIdOffset(cookies);
        final int indexOffset = ElementHeaderDescriptor.indexOffset(cookies);
        final int size = mp.size();
        final long[] batch = new long[Math.min(POPULATE_BATCH, size)];
        int filled = 0;
        for (int index = 0; index < size; index++) {
            final long obj = memory.objectAt(index);
            UnsafeApi.putLong(obj + poolIdOffset, mp.id());
            UnsafeApi.putLong(obj + indexOffset, index);
            if (cookies) {
                DebugCookies.init(obj, mp.layout().alignedElementSize());
            }
            if (mp.objectInit() != null) {
                mp.objectInit().visit(mp, obj, index);
                if (state == CLOSED) { // objectInit closed the pool: its memory is gone
                    throw mp.closedException();
                }
            }
            batch[filled++] = obj;
            if (filled == batch.length || index == size - 1) {
                if (!ops.enqueue(store, batch, 0, filled)) {
                    throw new IllegalStateException("pool " + mp.name() + ": store " + mp.opsName() + " refused object "
                        + (index - filled + 1) + " of " + size + " (its capacity is below the pool's size)");
                }
                filled = 0;
            }
        }
    }

    /**
     * The close sequence. Idempotent: a second call, or one while another thread closes, returns at once.
     *
     * @throws IllegalStateException if objects are out and {@code force} is false; nothing changed then.
     */
    void close(final boolean force) {
        final StoreBoundary store;
        final boolean announce;
        synchronized (lock) {
            if (state == CLOSED) {
                return;
            }
            if (state == POPULATED && !force) {
                final long out = populatedSize - available();
                if (out > 0) {
                    throw new IllegalStateException("pool " + mp.name() + ": " + out + " of " + mp.size()
                        + " objects are still in use; put them back, or close(true) to free anyway");
                }
            }
            state = CLOSED;
            store = boundary;
            announce = published;
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
        run(failures, () -> mp.caches().close(quiet ? store : null));
        if (announce) {
            failures.addAll(LivePools.fire(MempoolEvent.DESTROY, mp));
        }
        final boolean named;
        final boolean registered;
        final Memzone privateArea;
        final PoolMemory elements;
        synchronized (lock) {
            named = nameRegistered;
            registered = jmxRegistered;
            privateArea = privateZone;
            elements = memory;
            nameRegistered = false;
            jmxRegistered = false;
            boundary = null; // a closed pool a user still holds keeps neither the store nor the chunk table
            memory = null;
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
            privateArea.free();
        }
        rethrow(failures);
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

    int populatedSize() {
        return populatedSize;
    }

    long privateDataAddress() {
        return privateZone == null ? 0 : privateZone.address();
    }

    void checkOpen() {
        if (state == CLOSED) {
            throw mp.closedException();
        }
    }
}
