package io.mempool.tests.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mempool.core.Mempool;
import io.mempool.core.MempoolCache;
import io.mempool.tests.model.Step.Kind;
import io.mempool.tests.model.Step.Via;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/**
 * The pool against the reference model ({@link CacheModel} over a {@link StoreModel}): random runs of
 * bulk and single gets and puts and flushes, on one thread, through a user cache and through the
 * thread's default cache, on {@code ring_mp_mc} (a FIFO store) and {@code stack} (a LIFO store). After
 * every step the pool must agree with the model on the result (a failed get returns false and leaves the
 * table untouched), on the exact handles in their order, on {@code availCount()} and on the cache's
 * {@code length()}. A failure shrinks to a short run whose steps read like
 * {@code [getBulk(5) via user cache, putBulk(2) via user cache]}.
 */
class PoolModelTest {
    private static final long SENTINEL = -1L;
    private static final int TRIES = 200;
    private static final AtomicInteger NAMES = new AtomicInteger();

    /**
     * One random run.
     *
     * @param size      the pool's objects.
     * @param cacheSize the cache's size, {@code 1..size}.
     * @param steps     what the run does, in order.
     */
    record Run(int size, int cacheSize, List<Step> steps) {
        @Override
        public String toString() {
            return "pool of " + size + ", cache of " + cacheSize + ": " + steps;
        }
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.FULL)
    void userCacheOnFifoRing(@ForAll("userCacheRuns") final Run run) {
        check("ring_mp_mc", StoreModel.Order.FIFO, Via.USER_CACHE, run);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.FULL)
    void userCacheOnLifoStack(@ForAll("userCacheRuns") final Run run) {
        check("stack", StoreModel.Order.LIFO, Via.USER_CACHE, run);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.FULL)
    void defaultCacheOnFifoRing(@ForAll("defaultCacheRuns") final Run run) {
        check("ring_mp_mc", StoreModel.Order.FIFO, Via.DEFAULT_CACHE, run);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.FULL)
    void defaultCacheOnLifoStack(@ForAll("defaultCacheRuns") final Run run) {
        check("stack", StoreModel.Order.LIFO, Via.DEFAULT_CACHE, run);
    }

    @Provide
    Arbitrary<Run> userCacheRuns() {
        return runs(Via.USER_CACHE);
    }

    @Provide
    Arbitrary<Run> defaultCacheRuns() {
        return runs(Via.DEFAULT_CACHE);
    }

    /** Pools of 1..40, caches of 1..24 (at most the pool), bulk counts up to 48 so some gets must fail. */
    private static Arbitrary<Run> runs(final Via via) {
        final Arbitrary<Integer> bulk = Arbitraries.integers().between(1, 48);
        final Arbitrary<Step> step = Arbitraries.frequencyOf(
            Tuple.of(4, bulk.map(n -> new Step(Kind.GET_BULK, n, via))),
            Tuple.of(4, bulk.map(n -> new Step(Kind.PUT_BULK, n, via))),
            Tuple.of(1, Arbitraries.just(new Step(Kind.GET, 1, via))),
            Tuple.of(1, Arbitraries.just(new Step(Kind.PUT, 1, via))),
            Tuple.of(1, Arbitraries.just(new Step(Kind.FLUSH, 0, via))));
        return Combinators.combine(
                Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(1, 24),
                step.list().ofMinSize(1).ofMaxSize(40))
            .as((size, cache, steps) -> new Run(size, Math.min(size, cache), steps));
    }

    private static void check(final String ops, final StoreModel.Order order, final Via via, final Run run) {
        final Mempool pool = Mempool.builder("model_" + NAMES.incrementAndGet())
            .size(run.size()).elementSize(64).cacheSize(via == Via.DEFAULT_CACHE ? run.cacheSize() : 0)
            .ops(ops).create();
        try {
            final long[] objects = new long[run.size()];
            pool.objIter((mp, obj, index) -> objects[index] = obj);
            final StoreModel store = new StoreModel(order, run.size());
            store.enqueue(objects, 0, objects.length); // populate enqueues the objects in index order
            final CacheModel model = new CacheModel(store, run.cacheSize());
            final MempoolCache cache = via == Via.USER_CACHE ? pool.createCache(run.cacheSize()) : pool.defaultCache();
            final List<Long> held = new ArrayList<>();
            for (int i = 0; i < run.steps().size(); i++) {
                final Step step = run.steps().get(i);
                final String where = "step " + i + ", " + step + ", holding " + held.size() + ", model " + model;
                apply(pool, cache, model, step, held, where);
                assertEquals(model.length(), cache.length(), where + ": cache length");
                assertEquals(model.storeCount() + model.length(), pool.availCount(), where + ": availCount");
            }
        } finally {
            pool.close(true);
        }
    }

    private static void apply(final Mempool pool, final MempoolCache cache, final CacheModel model,
                              final Step step, final List<Long> held, final String where) {
        final boolean user = step.via() == Via.USER_CACHE;
        switch (step.kind()) {
            case GET_BULK, GET -> {
                final long[] actual = sentinels(step.n());
                final long[] expected = sentinels(step.n());
                final boolean ok;
                if (step.kind() == Kind.GET && !user) {
                    final long obj = pool.get();
                    ok = obj != Mempool.NULL;
                    if (ok) {
                        actual[0] = obj;
                    }
                } else {
                    ok = user ? pool.genericGet(actual, 0, step.n(), cache) : pool.getBulk(actual, 0, step.n());
                }
                assertEquals(model.get(expected, 0, step.n()), ok, where + ": get result");
                assertArrayEquals(expected, actual, where + ": the handles, in LIFO order (or the untouched table)");
                if (ok) {
                    for (final long obj : actual) {
                        held.add(obj);
                    }
                }
            }
            case PUT_BULK, PUT -> {
                final int k = Math.min(step.n(), held.size());
                if (k == 0) {
                    return;
                }
                final List<Long> last = held.subList(held.size() - k, held.size());
                final long[] table = last.stream().mapToLong(Long::longValue).toArray();
                last.clear();
                if (step.kind() == Kind.PUT && !user) {
                    pool.put(table[0]);
                } else if (user) {
                    pool.genericPut(table, 0, k, cache);
                } else {
                    pool.putBulk(table, 0, k);
                }
                model.put(table, 0, k);
            }
            case FLUSH -> {
                cache.flush();
                model.flush();
            }
            default -> throw new AssertionError("unknown step " + step);
        }
    }

    private static long[] sentinels(final int n) {
        final long[] table = new long[n];
        Arrays.fill(table, SENTINEL);
        return table;
    }
}
