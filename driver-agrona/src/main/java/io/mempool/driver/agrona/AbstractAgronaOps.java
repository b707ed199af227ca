package io.mempool.driver.agrona;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

/**
 * The shared base of the {@code agrona_*} providers: each store is an {@link OffHeapLongStore} sized to
 * exactly {@link OpsConfig#capacity()}, and every call goes straight to it. The pool's flags and params
 * are not read: the shape is fixed by the ops name.
 *
 * <p><b>Thread safety:</b> a provider is stateless and may be called by any thread; each store's own
 * contract says how many threads may enqueue and dequeue at once. <b>Memory consistency effects:</b>
 * actions before an enqueue of a handle happen-before actions after a dequeue that returns it.
 *
 * @param <S> the store type.
 */
public abstract class AbstractAgronaOps<S extends OffHeapLongStore> implements MempoolOps<S> {
    private final String name;

    /**
     * @param name the ops name, {@code [a-z0-9_]{1,31}}.
     */
    protected AbstractAgronaOps(final String name) {
        this.name = name;
    }

    /**
     * Makes the store.
     *
     * @param capacity how many handles it must hold, {@code >= 1}.
     * @return a new, empty store.
     * @throws IllegalArgumentException if the capacity is beyond the store's limit.
     */
    protected abstract S newStore(int capacity);

    /** {@inheritDoc} */
    @Override
    public final String name() {
        return name;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store holds exactly {@code config.capacity()} handles, in off-heap memory released by
     * {@link #free}.
     */
    @Override
    public final S alloc(final OpsConfig config) {
        return newStore(Checks.notNull("config", config).capacity());
    }

    /** {@inheritDoc} */
    @Override
    public final boolean enqueue(final S store, final long[] objs, final int offset, final int n) {
        return store.enqueue(objs, offset, n);
    }

    /** {@inheritDoc} */
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

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return name;
    }
}
