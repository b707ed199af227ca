package io.mempool.driver.agrona;

import io.mempool.api.MempoolFlag;
import io.mempool.api.OpsConfig;

import java.util.Set;

/**
 * The {@code agrona_sp_sc} ops: a {@link OneToOneOffHeapLongStore} per pool, for one putting thread and
 * one getting thread at a time (DPDK's {@code ring_sp_sc} promise), with no CAS and no waiting.
 *
 * <p><b>Thread safety:</b> the provider is stateless; any thread. Each store takes at most one thread
 * enqueuing and one dequeuing at a time. <b>Memory consistency effects:</b> actions before an enqueue of a
 * handle happen-before actions after a dequeue that returns it.
 *
 * <p><b>Note:</b> a pool that lets several threads reach the store at once (several caches flushing, or
 * cache-less gets from several threads) breaks that promise; choose {@code agrona_mp_mc} there.
 */
public final class AgronaSpScOps extends AbstractAgronaOps<OneToOneOffHeapLongStore> {
    /** The ops name. */
    public static final String NAME = "agrona_sp_sc";

    /** The provider, as {@link java.util.ServiceLoader} makes it. */
    public AgronaSpScOps() {
        super(NAME, Set.of(MempoolFlag.SP_PUT, MempoolFlag.SC_GET), AgronaStoreDescriptor.ONE_TO_ONE_SLOT_LENGTH);
    }

    @Override
    OneToOneOffHeapLongStore newStore(final OpsConfig config) {
        return new OneToOneOffHeapLongStore(config.capacity());
    }

    @Override
    OneToOneOffHeapLongStore newStoreIn(final OpsConfig config, final long address, final long length) {
        return OneToOneOffHeapLongStore.createIn(config.capacity(), address, length);
    }

    @Override
    OneToOneOffHeapLongStore attachStore(final long address, final long length) {
        return OneToOneOffHeapLongStore.attach(address, length);
    }
}
