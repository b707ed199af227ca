package io.mempool.driver.agrona;

import io.mempool.api.OpsConfig;

import java.util.Set;

/**
 * The {@code agrona_mp_mc} ops: a {@link ManyToManyOffHeapLongStore} per pool, safe for any number of
 * threads putting and getting at once, with no thread waiting on another of its own side.
 *
 * <p><b>Thread safety:</b> stateless; any thread. <b>Memory consistency effects:</b> actions before an
 * enqueue of a handle happen-before actions after a dequeue that returns it.
 */
public final class AgronaMpMcOps extends AbstractAgronaOps<ManyToManyOffHeapLongStore> {
    /** The ops name. */
    public static final String NAME = "agrona_mp_mc";

    /** The provider, as {@link java.util.ServiceLoader} makes it. */
    public AgronaMpMcOps() {
        super(NAME, Set.of(), AgronaStoreDescriptor.MANY_TO_MANY_SLOT_LENGTH);
    }

    @Override
    ManyToManyOffHeapLongStore newStore(final OpsConfig config) {
        return new ManyToManyOffHeapLongStore(config.capacity());
    }

    @Override
    ManyToManyOffHeapLongStore newStoreIn(final OpsConfig config, final long address, final long length) {
        return ManyToManyOffHeapLongStore.createIn(config.capacity(), address, length);
    }

    @Override
    ManyToManyOffHeapLongStore attachStore(final long address, final long length) {
        return ManyToManyOffHeapLongStore.attach(address, length);
    }
}
