package io.mempool.driver.agrona;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

import java.util.Set;

/**
 * The shared base of the {@code agrona_*} providers: each store is an {@link OffHeapLongStore} sized to
 * exactly {@link OpsConfig#capacity()}. The pool's flags and params are not read: the shape is fixed by
 * the ops, and {@link #requiredFlags()} states its promises.
 *
 * <p>The drivers' one shape: name and promises are fixed at construction, {@link #newStore} makes the
 * store, and every SPI method delegates to the store's own public method, which checks its arguments:
 * one check per call.
 *
 * <p><b>Thread safety:</b> a provider is stateless and may be called by any thread; each store's own
 * contract says how many threads may enqueue and dequeue at once. <b>Memory consistency effects:</b>
 * actions before an enqueue of a handle happen-before actions after a dequeue that returns it.
 *
 * @param <S> the store type.
 */
abstract class AbstractAgronaOps<S extends OffHeapLongStore> implements MempoolOps<S> {
    private final String name;
    private final Set<MempoolFlag> requiredFlags;

    AbstractAgronaOps(final String name, final Set<MempoolFlag> requiredFlags) {
        this.name = name;
        this.requiredFlags = Set.copyOf(requiredFlags);
    }

    /**
     * Makes the store.
     *
     * @param config the pool's config, already checked non-null.
     * @return a new, empty store of exactly {@code config.capacity()} handles.
     * @throws IllegalArgumentException if the capacity is beyond the store's limit.
     */
    abstract S newStore(OpsConfig config);

    /** {@inheritDoc} */
    @Override
    public final String name() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public final Set<MempoolFlag> requiredFlags() {
        return requiredFlags;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store holds exactly {@code config.capacity()} handles, in off-heap memory released by
     * {@link #free}.
     */
    @Override
    public final S alloc(final OpsConfig config) {
        return newStore(Checks.notNull("config", config));
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link OffHeapLongStore#enqueue}, which checks the arguments.
     */
    @Override
    public final boolean enqueue(final S store, final long[] objs, final int offset, final int n) {
        return store.enqueue(objs, offset, n);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link OffHeapLongStore#dequeue}, which checks the arguments.
     */
    @Override
    public final boolean dequeue(final S store, final long[] objs, final int offset, final int n) {
        return store.dequeue(objs, offset, n);
    }

    /** {@inheritDoc} */
    @Override
    public final int count(final S store) {
        return store.count();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Idempotent; later calls on the store throw {@link IllegalStateException}.
     */
    @Override
    public final void free(final S store) {
        store.free();
    }

    /**
     * @return the ops name.
     */
    @Override
    public final String toString() {
        return name;
    }
}
