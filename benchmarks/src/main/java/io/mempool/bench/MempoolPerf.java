package io.mempool.bench;

import io.mempool.api.MempoolOps;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolCache;
import io.mempool.core.MempoolOpsRegistry;
import org.openjdk.jmh.annotations.Param;

/**
 * {@code test_mempool_perf} on a jmempool pool, for every ops name and cache mode. The {@code ops}
 * default lists every bundled name; {@code -p ops=...} picks others found on the class path.
 * Ops whose {@code requiredFlags()} promise a single producer or consumer are skipped with more than
 * one thread.
 */
public class MempoolPerf extends PoolPerf {
    /** The store, by name. */
    @Param({"ring_mp_mc", "ring_sp_sc", "ring_mp_sc", "ring_sp_mc", "ring_mt_rts", "ring_mt_hts",
        "stack", "lf_stack", "bucket", "agrona_mp_mc", "agrona_sp_sc"})
    public String ops;
    /** Which cache the gets and puts go through. */
    @Param({"DEFAULT", "NONE", "USER"})
    public CacheMode cache;

    private Mempool mp;

    /**
     * @param opsName a registered ops name.
     * @return whether the ops require a single producer or a single consumer ({@code requiredFlags()}).
     * @throws IllegalArgumentException if no ops has that name.
     */
    static boolean singleSided(final String opsName) {
        return singleSided(MempoolOpsRegistry.get(opsName));
    }

    /**
     * @param ops an ops.
     * @return whether it requires a single producer or a single consumer; its name is not read.
     */
    static boolean singleSided(final MempoolOps<?> ops) {
        return !ops.requiredFlags().isEmpty();
    }

    /** {@inheritDoc} */
    @Override
    protected String skipReason(final int threads) {
        return threads > 1 && singleSided(ops) ? ops + " promises one producer or consumer, run with " + threads + " threads" : null;
    }

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        mp = Mempool.builder("perf_" + ops)
            .size(size)
            .elementSize(Rounds.ELEMENT_SIZE)
            .cacheSize(cache == CacheMode.DEFAULT ? Rounds.CACHE_SIZE : 0)
            .ops(ops)
            .create();
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new MempoolTable(mp, cache == CacheMode.USER ? mp.createCache(Rounds.CACHE_SIZE) : null, slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        mp.close();
    }

    @Override
    long outstanding() {
        return mp.inUseCount();
    }

    /** @return the pool, for a subclass's tables. */
    final Mempool pool() {
        return mp;
    }

    /**
     * Gets and puts through the thread's default cache, or a user cache, or (null cache, no cache) the store;
     * writes one long at the handle, which is the object's address (docs/architecture.md; {@link Rounds#write}), so the
     * cell measures the pool and not the flyweight's.
     */
    private static final class MempoolTable extends HandleTable {
        private final Mempool mp;
        private final MempoolCache userCache;
        private final boolean viaDefaultCache;

        MempoolTable(final Mempool mp, final MempoolCache userCache, final int slots) {
            super(slots);
            this.mp = mp;
            this.userCache = userCache;
            this.viaDefaultCache = userCache == null && mp.cacheSize() > 0;
        }

        @Override
        public boolean get(final int offset, final int n) {
            return viaDefaultCache ? mp.getBulk(objs, offset, n) : mp.genericGet(objs, offset, n, userCache);
        }

        @Override
        public void put(final int offset, final int n) {
            if (viaDefaultCache) {
                mp.putBulk(objs, offset, n);
            } else {
                mp.genericPut(objs, offset, n, userCache);
            }
        }

        @Override
        public void close() {
            if (userCache != null) {
                userCache.close();
            }
        }
    }
}
