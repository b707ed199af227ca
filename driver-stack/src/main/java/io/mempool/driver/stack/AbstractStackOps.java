package io.mempool.driver.stack;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

/**
 * The ops both stacks share: enqueue is push, dequeue is pop, as in DPDK's
 * {@code drivers/mempool/stack}.
 *
 * <p>The drivers' one shape: the name is fixed at construction, {@link #newStore} makes the store, and
 * every SPI method delegates to the store's own public method, which checks its arguments: one check
 * per call. Both stacks are safe for any number of producers and consumers, so
 * {@link #requiredFlags()} is empty.
 *
 * <p>Stateless and thread-safe.
 *
 * @param <S> the store.
 */
abstract class AbstractStackOps<S extends LifoLongStore> implements MempoolOps<S> {
    private final String name;

    AbstractStackOps(final String name) {
        this.name = name;
    }

    /**
     * Makes the store.
     *
     * @param config the pool's config, already checked non-null.
     * @return a new, empty store.
     */
    abstract S newStore(OpsConfig config);

    /** {@inheritDoc} */
    @Override
    public final String name() {
        return name;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The capacity is exactly {@code config.capacity()}, as DPDK's {@code rte_stack_create}.
     */
    @Override
    public final S alloc(final OpsConfig config) {
        return newStore(Checks.notNull("config", config));
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link LifoLongStore#push}, which checks the arguments.
     */
    @Override
    public final boolean enqueue(final S store, final long[] objs, final int offset, final int n) {
        return store.push(objs, offset, n);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link LifoLongStore#pop}, which checks the arguments.
     */
    @Override
    public final boolean dequeue(final S store, final long[] objs, final int offset, final int n) {
        return store.pop(objs, offset, n);
    }

    /** {@inheritDoc} */
    @Override
    public final int count(final S store) {
        return store.count();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store lives on the heap and holds no other resource: the GC reclaims it.
     */
    @Override
    public final void free(final S store) {
        Checks.notNull("store", store);
    }

    /**
     * @return the ops name.
     */
    @Override
    public final String toString() {
        return name;
    }
}
