package io.mempool.core;

import java.util.List;

/**
 * The facade's side of a pool appearing and going: its name among the live pools, its MXBean, its events.
 * The lifecycle calls it through {@link PoolLifecycle.Announcer}, so no class below the facade names the
 * pool. Thread safety: as {@link LivePools} and {@link MempoolJmx}.
 */
final class PoolAnnouncer implements PoolLifecycle.Announcer {
    private final Mempool mp;

    PoolAnnouncer(final Mempool mp) {
        this.mp = mp;
    }

    @Override
    public void claimName() {
        LivePools.add(mp);
    }

    @Override
    public void releaseName() {
        LivePools.remove(mp);
    }

    @Override
    public void registerMBean() {
        MempoolJmx.register(mp);
    }

    @Override
    public void unregisterMBean() {
        MempoolJmx.unregister(mp);
    }

    @Override
    public List<Throwable> fire(final MempoolEvent event) {
        return LivePools.fire(event, mp);
    }
}
