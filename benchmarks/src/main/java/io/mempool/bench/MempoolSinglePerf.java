package io.mempool.bench;

import io.mempool.core.Mempool;

/**
 * {@code test_mempool_perf} on a jmempool pool through its single-object API: a bulk of {@code n} is
 * {@code n} calls of {@link Mempool#get()} and {@link Mempool#put(long)}. Beside {@link MempoolPerf} with
 * bulks of 1 ({@code getBulk(t, i, 1)}, {@code putBulk(t, i, 1)}) on the same pool, it shows whether the
 * single-object calls cost no more than one-object bulks. {@code cache=USER} is skipped: {@code get()}
 * and {@code put(long)} go through the thread's default cache (or, with none, the store).
 */
public class MempoolSinglePerf extends MempoolPerf {
    /** {@inheritDoc} */
    @Override
    protected String skipReason(final int threads) {
        return cache == CacheMode.USER ? "get()/put(long) have no user-cache form" : super.skipReason(threads);
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new SingleTable(pool(), slots);
    }

    /** One call per object; a get that returns {@link Mempool#NULL} puts back what this bulk took. */
    private static final class SingleTable extends HandleTable {
        private final Mempool mp;

        SingleTable(final Mempool mp, final int slots) {
            super(slots);
            this.mp = mp;
        }

        @Override
        public boolean get(final int offset, final int n) {
            if (n == 1) { // the bulk-1 rows: one call, as a user writes it, with no loop of the cell's around it
                final long obj = mp.get();
                objs[offset] = obj;
                return obj != Mempool.NULL;
            }
            for (int i = 0; i < n; i++) {
                final long obj = mp.get();
                if (obj == Mempool.NULL) {
                    put(offset, i);
                    return false;
                }
                objs[offset + i] = obj;
            }
            return true;
        }

        @Override
        public void put(final int offset, final int n) {
            if (n == 1) {
                mp.put(objs[offset]);
                return;
            }
            for (int i = offset, end = offset + n; i < end; i++) {
                mp.put(objs[i]);
            }
        }
    }
}
