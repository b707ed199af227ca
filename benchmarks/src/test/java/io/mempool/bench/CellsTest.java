package io.mempool.bench;

import io.mempool.core.MempoolOpsRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every column's pool, driven as JMH drives it but without JMH and briefly: each object handed out takes
 * the long written into it, and everything comes back: the pool's own count says none is out where it keeps
 * one, and the memory handed out is handed out again (twice the pool's size goes out, yet no more distinct
 * addresses than the pool holds). Nothing here measures or asserts a speed.
 */
class CellsTest {
    private static final int N_KEEP = 128;

    static Stream<Arguments> columns() {
        final List<Arguments> all = new ArrayList<>();
        for (final CacheMode cache : CacheMode.values()) {
            all.add(Arguments.of(Alternative.ofOps(Alternative.DPDK_OPS), cache));
            all.add(Arguments.of(Alternative.ofOps(Alternative.BUCKET_OPS), cache));
        }
        all.add(Arguments.of(Alternative.ofOps("stack"), CacheMode.DEFAULT));
        all.add(Arguments.of(Alternative.UNCHECKED, CacheMode.DEFAULT)); // in this JVM: without its fork's property
        all.add(Arguments.of(Alternative.SINGLE, CacheMode.DEFAULT));
        all.add(Arguments.of(Alternative.SINGLE, CacheMode.NONE));
        all.add(Arguments.of(Alternative.FLOOR, CacheMode.DEFAULT));
        for (final Alternative peer : Alternative.PEERS) {
            all.add(Arguments.of(peer, CacheMode.DEFAULT));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("columns")
    void oneThreadBulksOf32And1(final Alternative column, final CacheMode cache) throws Exception {
        if (column.kind() != Alternative.Kind.SINGLE) {
            runCell(column, new Scenario(cache, 32, 32, N_KEEP, 1));
        }
        runCell(column, new Scenario(cache, 1, 1, N_KEEP, 1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("columns")
    void twoThreads(final Alternative column, final CacheMode cache) throws Exception {
        runCell(column, new Scenario(cache, 1, 1, N_KEEP, 2));
    }

    /** The largest n_keep, as --full runs it: all but 2 x 512 of the pool's objects out per thread. */
    @ParameterizedTest(name = "{0} {1} threads")
    @MethodSource("largestKeep")
    void bucketKeeps32768(final CacheMode cache, final int threads) throws Exception {
        runCell(Alternative.ofOps(Alternative.BUCKET_OPS), new Scenario(cache, 512, 512, Rounds.MAX_KEEP, threads));
    }

    static Stream<Arguments> largestKeep() {
        return Stream.of(Arguments.of(CacheMode.DEFAULT, 1), Arguments.of(CacheMode.NONE, 1), Arguments.of(CacheMode.DEFAULT, 2),
            Arguments.of(CacheMode.NONE, 2));
    }

    @Test
    void everyColumnIsCoveredHere() {
        final Set<String> tested = new HashSet<>();
        columns().forEach(args -> tested.add(((Alternative) args.get()[0]).column()));
        for (final Alternative peer : Alternative.PEERS) {
            assertTrue(tested.contains(peer.column()), peer.column());
        }
        assertTrue(MempoolOpsRegistry.names().containsAll(List.of(Alternative.DPDK_OPS, Alternative.BUCKET_OPS)),
            "the ops of the targets, on the benchmarks' class path: " + MempoolOpsRegistry.names());
    }

    /** Runs a cell for {@code scenario.threads()} threads, each moving twice the pool's size, then checks. */
    static void runCell(final Alternative column, final Scenario scenario) throws Exception {
        assertNull(column.skipReason(scenario), "the test picks rows the column runs");
        final PoolPerf perf = instantiate(column, scenario);
        final int threads = scenario.threads();
        assertNull(perf.start(threads));
        try {
            final int rounds = 2 * Rounds.poolSize(threads) / scenario.nKeep() + 1;
            final List<Set<Long>> seen = new ArrayList<>();
            final ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                final List<Future<Set<Long>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    final ThreadTable table = perf.table(t);
                    results.add(pool.submit(() -> rounds(table, scenario, rounds)));
                }
                for (final Future<Set<Long>> result : results) {
                    seen.add(result.get());
                }
            } finally {
                pool.shutdown();
            }
            for (int t = 0; t < threads; t++) {
                perf.table(t).close();
            }
            final long outstanding = perf.outstanding();
            assertTrue(outstanding <= 0, column.column() + ": the pool counts " + outstanding + " objects still out");
            final Set<Long> distinct = new HashSet<>();
            seen.forEach(distinct::addAll);
            if (column.benchmark() != AllocateDirectPerf.class) { // no pool by design: nothing is handed out twice
                assertTrue(distinct.size() <= Rounds.poolSize(threads), column.column() + ": " + distinct.size()
                    + " distinct addresses handed out, more than the pool's " + Rounds.poolSize(threads));
            }
        } finally {
            perf.tearDown();
        }
    }

    /** DPDK's loop with a check of every object got; returns the addresses handed out. */
    private static Set<Long> rounds(final ThreadTable table, final Scenario scenario, final int rounds) {
        final Set<Long> addresses = new HashSet<>();
        final int nKeep = scenario.nKeep();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < nKeep; i += scenario.getBulk()) {
                assertTrue(table.get(i, scenario.getBulk()), "get failed at slot " + i);
                table.write(i, scenario.getBulk());
            }
            for (int slot = 0; slot < nKeep; slot++) {
                assertEquals(slot, table.read(slot), "the long written into the object in slot " + slot);
                addresses.add(table.address(slot));
            }
            for (int i = 0; i < nKeep; i += scenario.putBulk()) {
                table.put(i, scenario.putBulk());
            }
        }
        Rounds.run(table, nKeep, scenario.getBulk(), scenario.putBulk()); // the benchmark's own loop, once
        return addresses;
    }

    /** The column's benchmark with the row's and the column's parameters set, as JMH sets them. */
    static PoolPerf instantiate(final Alternative column, final Scenario scenario) throws ReflectiveOperationException {
        final PoolPerf perf = column.benchmark().getDeclaredConstructor().newInstance();
        perf.getBulk = scenario.getBulk();
        perf.putBulk = scenario.putBulk();
        perf.nKeep = scenario.nKeep();
        final Map<String, String> params = new HashMap<>(column.params());
        if (column.runsJmempool()) {
            params.put("cache", scenario.cache().name());
        }
        for (final Map.Entry<String, String> param : params.entrySet()) {
            final Field field = column.benchmark().getField(param.getKey());
            final String value = param.getValue();
            if (field.getType() == boolean.class) {
                field.setBoolean(perf, Boolean.parseBoolean(value));
            } else if (field.getType() == CacheMode.class) {
                field.set(perf, CacheMode.valueOf(value));
            } else {
                field.set(perf, value);
            }
        }
        return perf;
    }
}
