package io.mempool.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.mempool.core.Mempool;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * jcstress test of a dead thread's objects going back: a thread that terminated holds four of a pool's
 * eight objects in its cache. One actor's first call registers its own cache, which sweeps the dead one's
 * objects into the store (ring_mp_mc allows any producer); the other asks the store for seven objects at
 * once, without a cache, racing that sweep. Whatever the order, no object is lost or handed out twice, and
 * the pool's count stays exact. Each race has a pool of its own: jcstress reuses its threads, and a thread
 * registers its cache once per pool.
 */
@JCStressTest
@Description("a dead thread's objects swept back into the store while another thread gets from it")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "every object accounted once, the count exact")
@Outcome(expect = FORBIDDEN, desc = "an object lost or handed out twice, or the count off")
@State
public class DeadThreadStress {
    private static final int SIZE = 8;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Mempool pool = Mempool.builder("jcs_dead_" + NAMES.incrementAndGet()).size(SIZE).elementSize(8)
        .cacheSize(4).ops("ring_mp_mc").create();
    private final long[] taken = new long[SIZE - 1];
    private long got;
    private boolean tookMost;

    /** A thread fills its cache with four objects and ends. */
    public DeadThreadStress() {
        final Thread worker = new Thread(() -> {
            final long[] four = new long[4];
            pool.getBulk(four, 0, 4);
            pool.putBulk(four, 0, 4); // they stay in the dying thread's cache
        });
        worker.start();
        try {
            worker.join();
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        Arrays.fill(taken, Ledger.SENTINEL);
    }

    /** Registers its own cache (sweeping the dead one) by getting one object. */
    @Actor
    public void sweeper() {
        got = pool.get();
    }

    /** Seven objects straight from the store, all or none. */
    @Actor
    public void taker() {
        tookMost = pool.genericGet(taken, 0, taken.length, null);
    }

    private boolean isObject(final long handle) {
        try {
            pool.indexOf(handle);
            return true;
        } catch (final IllegalArgumentException foreign) {
            return false;
        }
    }

    /**
     * @param r duplicated or foreign handles seen, availCount off by, and a failed get that wrote its table.
     */
    @Arbiter
    public void arbiter(final III_Result r) {
        final long[] out = new long[SIZE];
        int n = 0;
        if (got != Mempool.NULL) {
            out[n++] = got;
        }
        if (tookMost) {
            System.arraycopy(taken, 0, out, n, taken.length);
            n += taken.length;
        }
        final long[] seen = Arrays.copyOf(out, n);
        Arrays.sort(seen);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            bad += i > 0 && seen[i] == seen[i - 1] || !isObject(seen[i]) ? 1 : 0;
        }
        r.r1 = bad;
        r.r2 = pool.availCount() + n - SIZE;
        r.r3 = !tookMost && !Ledger.untouched(taken) ? 1 : 0;
        pool.close(true);
    }
}
