package io.mempool.driver.stack;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;

/**
 * The ops both stacks share: enqueue is push, dequeue is pop, as in DPDK's
 * {@code drivers/mempool/stack}. Stateless; subclasses only name the ops and allocate the store.
 *
 * @param <S> the store.
 */
abstract class AbstractStackOps<S extends LifoLongStore> implements MempoolOps<S> {

    /** {@inheritDoc} */
    @Override
    public final boolean enqueue(final S store, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        return store.push(objs, offset, n);
    }

    /** {@inheritDoc} */
    @Override
    public final boolean dequeue(final S store, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
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

    @Override
    public final String toString() {
        return name();
    }
}
