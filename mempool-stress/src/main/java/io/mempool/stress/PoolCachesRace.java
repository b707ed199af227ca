package io.mempool.stress;

import io.mempool.core.Mempool;
import io.mempool.core.MempoolCache;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Two threads get and put through user caches of their own against one pool of six objects, crossing
 * every branch of the cache algorithm: a get of three (more than half the cache of four) goes straight to
 * the store, its put back stays in the cache, and a get of four then takes the three held plus one from a
 * refill of two, or from a direct get when the refill fails, or fails with nothing handed out. The arbiter
 * flushes both caches and checks that every object of the pool is found exactly once and that
 * {@link Mempool#availCount()} is exact.
 *
 * <p>User caches, not default ones: jcstress reuses its threads across races, and a default cache belongs
 * to its thread, so the arbiter could not flush it. Pools are costly to make (memory, a JMX bean), so a
 * pool that passed goes back to an idle list for the next race on the same ops; one that failed is closed.
 */
public abstract class PoolCachesRace {
    static final int SIZE = 6;
    static final int CACHE_SIZE = 4;
    private static final int HELD = 1;
    private static final int BROKEN_FIRST = 2;
    private static final int BROKEN_SECOND = 4;
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Map<String, Queue<Mempool>> IDLE = new ConcurrentHashMap<>();

    final Mempool pool;
    final long[] universe;
    final MempoolCache cache1;
    final MempoolCache cache2;
    final long[] t1 = new long[CACHE_SIZE];
    final long[] t2 = new long[CACHE_SIZE];
    /** The first actor's outcome: {@code HELD} and {@code BROKEN_*} bits. */
    int status1;
    /** The second actor's outcome. */
    int status2;

    /**
     * @param opsName the store under the pool; any number of producers and consumers.
     */
    PoolCachesRace(final String opsName) {
        final Mempool idle = IDLE.computeIfAbsent(opsName, name -> new ConcurrentLinkedQueue<>()).poll();
        pool = idle != null ? idle : Mempool.builder("jcs_" + NAMES.incrementAndGet())
            .size(SIZE).elementSize(8).cacheSize(0).ops(opsName).create();
        final long[] objects = new long[SIZE];
        pool.objIter((mp, obj, index) -> objects[index] = obj);
        Arrays.sort(objects);
        universe = objects;
        cache1 = pool.createCache(CACHE_SIZE);
        cache2 = pool.createCache(CACHE_SIZE);
    }

    /** Gets three and puts them back into its cache, then gets four through it. */
    public void getter1() {
        status1 = churn(cache1, t1);
    }

    /** The same through the other cache. */
    public void getter2() {
        status2 = churn(cache2, t2);
    }

    private int churn(final MempoolCache cache, final long[] table) {
        int status = 0;
        Arrays.fill(table, Ledger.SENTINEL);
        // 3 > CACHE_SIZE / 2: straight from the store; all or nothing
        if (pool.genericGet(table, 0, 3, cache)) {
            pool.genericPut(table, 0, 3, cache); // fits: the cache now holds three
        } else if (!Ledger.untouched(table)) {
            status |= BROKEN_FIRST;
        }
        Arrays.fill(table, Ledger.SENTINEL);
        if (pool.genericGet(table, 0, CACHE_SIZE, cache)) {
            status |= HELD;
        } else if (!Ledger.untouched(table)) {
            status |= BROKEN_SECOND;
        }
        return status;
    }

    /**
     * @param r the verdict: every object once, {@code availCount()} exact, failed gets clean.
     */
    public void arbiter(final IIIII_Result r) {
        final Ledger ledger = new Ledger(universe);
        final boolean held1 = (status1 & HELD) != 0;
        final boolean held2 = (status2 & HELD) != 0;
        if (held1) {
            ledger.saw(t1, 0, CACHE_SIZE);
        }
        if (held2) {
            ledger.saw(t2, 0, CACHE_SIZE);
        }
        // the actors' writes to their caches happen-before this arbiter (jcstress's barrier)
        cache1.flush();
        cache2.flush();
        final int avail = pool.availCount();
        final long[] drained = new long[SIZE + 1];
        int n = 0;
        while (n < drained.length && pool.genericGet(drained, n, 1, null)) {
            ledger.saw(drained[n]);
            n++;
        }
        final int broken = Integer.bitCount(status1 & ~HELD) + Integer.bitCount(status2 & ~HELD);
        ledger.record(r, avail - n, broken);
        if (ledger.conserved() && avail == n) {
            pool.genericPut(drained, 0, n, null);
            if (held1) {
                pool.genericPut(t1, 0, CACHE_SIZE, null);
            }
            if (held2) {
                pool.genericPut(t2, 0, CACHE_SIZE, null);
            }
            cache1.close();
            cache2.close();
            if (pool.isFull()) {
                IDLE.get(pool.opsName()).offer(pool);
                return;
            }
        }
        pool.close(true);
    }
}
