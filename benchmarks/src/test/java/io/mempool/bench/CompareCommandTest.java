package io.mempool.bench;

import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.core.MempoolOpsRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's commands end to end, on a tiny slice; nothing here asserts a speed. */
class CompareCommandTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(final String... args) throws Exception {
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            return Main.run(args, out, err);
        }
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listPrintsEveryRegisteredOpsNameWithWhereItCameFrom() throws Exception {
        assertEquals(0, run("list"));
        assertFalse(MempoolOpsRegistry.names().isEmpty());
        for (final String name : MempoolOpsRegistry.names()) {
            final String line = out().lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " missing from:\n" + out()));
            assertTrue(line.contains(MempoolOpsRegistry.get(name).getClass().getName()), line);
            assertTrue(line.contains("driver-") || line.contains("module "), line);
        }
    }

    @Test
    void tinyCompareWritesTheTableJsonAndHtml(@TempDir final Path dir) throws Exception {
        final int code = run("compare", "--ops", "ring_mp_mc", "--peers", "jctools_mpmc",
            "--scenarios", "default_g32_p32_k128_t1", "--warmup-ms", "20", "--max-warmup-ms", "60", "--iterations", "2",
            "--iteration-ms", "20", "--dpdk", "off", "--out", dir.toString());
        assertEquals(0, code, out() + errBytes.toString(StandardCharsets.UTF_8));
        final String out = out();
        assertTrue(out.matches("(?s).*\\[  1/7] default_g32_p32_k128_t1 +ring_mp_mc +fork 1/2 +[0-9.]+[kMG] .*"), out);
        assertTrue(out.matches("(?s).*\\[  2/7] default_g32_p32_k128_t1 +ring_mp_mc_unchecked +fork 1/2 .*"), out);
        assertTrue(out.matches("(?s).*\\[  4/7] default_g32_p32_k128_t1 +jctools_mpmc +[0-9.]+[kMG] .*"), "one fork per peer, in the first pass:\n" + out);
        assertTrue(out.contains("6 forks of jmempool, floor and DPDK cells (2 each), 1 of peers (1 each)"), out);
        assertTrue(out.matches("(?s).*\ntook [0-9]+ s; 7 forks, warm after a median [0-9.]+ s.*"), out);
        assertTrue(out.contains("  [1] cache 512, bulk 32, n_keep 128, 1 thread"), out);
        final List<String> rows = out.lines().map(l -> l.split(" ")[0]).toList();
        final List<String> order = List.of("ring_mp_mc", "ring_mp_mc_unchecked", "get_put", "floor", "jctools_mpmc", "dpdk");
        assertEquals(order, rows.subList(rows.indexOf("ring_mp_mc"), rows.indexOf("ring_mp_mc") + order.size()),
            "a row each, the unchecked one beside ring_mp_mc:\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("jctools_mpmc +([0-9.]+[kMG] 1\\.00x|unstable [0-9.]+[kMG]\\.\\.[0-9.]+[kMG])")),
            "the only peer is the best (unless this busy machine split its iterations):\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("get_put +-")), out);
        final String json = Files.readString(dir.resolve("results.json"));
        assertTrue(json.contains("\"id\": \"default_g32_p32_k128_t1\""), json);
        assertTrue(json.matches("(?s).*\"ring_mp_mc\": \\{\"median\": [0-9.e+]+, .*"), json);
        assertTrue(json.contains("\"note\": \"--dpdk off\""), json);
        final Map<?, ?> results = (Map<?, ?>) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) JsonReader.parse(json)).get("scenarios")).get(0))
            .get("results");
        for (final String column : new String[] {"ring_mp_mc", "ring_mp_mc_unchecked", "floor", "jctools_mpmc"}) {
            final List<?> forks = (List<?>) ((Map<?, ?>) results.get(column)).get("forks");
            assertEquals(column.equals("jctools_mpmc") ? 1 : 2, forks.size(), column);
            final Map<?, ?> fork = (Map<?, ?>) forks.get(0);
            assertTrue(((List<?>) fork.get("iterations")).size() >= 2, column + " measures at least --iterations");
            assertTrue(((List<?>) fork.get("warmup")).size() >= 1, column + " warms for at least the floor");
        }
        assertTrue(json.contains("\"verdict\": \"not measured (--dpdk off)\""), json);
        final String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<svg") && html.contains("data-cell=\"default_g32_p32_k128_t1|ring_mp_mc\""), html);
        assertTrue(html.contains("data-cell=\"default_g32_p32_k128_t1|ring_mp_mc_unchecked\""), html);
        assertTrue(out.contains("targets (same run") && out.contains("noise: "), out);

        outBytes.reset();
        final Path after = dir.resolve("after");
        assertEquals(0, run("compare", "--ops", "ring_mp_mc", "--peers", "none", "--scenarios", "default_g32_p32_k128_t1",
            "--warmup-ms", "0", "--max-warmup-ms", "0", "--iterations", "2", "--iteration-ms", "20", "--forks", "0", "--dpdk", "off",
            "--baseline", dir.resolve("results.json").toString(), "--out", after.toString()), out());
        assertTrue(out().contains("this run over the baseline results.json"), out());
        assertTrue(out().lines().anyMatch(l -> l.matches("ring_mp_mc_unchecked +[0-9.]+x.*")), "the unchecked cell over its baseline:\n" + out());
        assertTrue(Files.readString(after.resolve("index.html")).contains("class=\"base\""));
    }

    @Test
    void thePipelineScenarioAloneReportsBothVariantsInTheTableJsonAndHtml(@TempDir final Path dir) throws Exception {
        assertEquals(0, run("compare", "--scenarios", PipelineRun.ID, "--ops", "ring_mp_mc", "--peers", "none", "--dpdk", "off",
            "--warmup-ms", "0", "--iterations", "2", "--iteration-ms", "20", "--out", dir.toString()), out());
        final String out = out();
        assertTrue(out.matches("(?s).*\\[  1/1] shared_pipeline +two_jvms/one_jvm +[0-9.]+x \\([0-9.]+[kMG] vs [0-9.]+[kMG]\\).*"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  two_jvms +[0-9.]+[kMG] \\(1 fork, iterations [0-9.]+[kMG]\\.\\.[0-9.]+[kMG]\\) +producer and consumer in two JVMs.*")), out);
        assertTrue(out.contains("the two-JVM pipeline over the one-JVM one: "), out);
        assertFalse(out.contains("objects/s, the median of the forks' medians"), "no grid without its scenarios:\n" + out);
        final Map<?, ?> json = (Map<?, ?>) JsonReader.parse(Files.readString(dir.resolve("results.json")));
        final Map<?, ?> results = (Map<?, ?>) ((Map<?, ?>) json.get("pipeline")).get("results");
        for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
            final Map<?, ?> cell = (Map<?, ?>) results.get(variant.column());
            final List<?> forks = (List<?>) cell.get("forks");
            assertEquals(1, forks.size(), variant.column());
            assertEquals(2, ((List<?>) ((Map<?, ?>) forks.get(0)).get("iterations")).size(), variant.column());
            assertTrue((Double) cell.get("median") > 0, variant.column());
        }
        assertTrue(((Map<?, ?>) json.get("about")).containsKey(PipelineRun.ID));
        final String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<rect") && html.contains("data-cell=\"shared_pipeline|two_jvms\""), html);
    }

    @Test
    void thePipelineIsInTheDefaultRunNotInQuickAndPickedByItsId() {
        assertTrue(CompareOptions.parse().pipeline);
        assertTrue(CompareOptions.parse("--matrix").pipeline);
        assertFalse(CompareOptions.parse("--quick").pipeline);
        final CompareOptions picked = CompareOptions.parse("--scenarios", "default_g32_p32_k128_t1," + PipelineRun.ID);
        assertTrue(picked.pipeline);
        assertEquals(List.of(Targets.HEADLINE), picked.scenarios);
        assertFalse(CompareOptions.parse("--scenarios", "default_g32_p32_k128_t1").pipeline);
    }

    @Test
    void jmempoolFloorAndDpdkCellsRunInMoreForksThanPeersAndMoreInTheMatrix() {
        final CompareOptions standard = CompareOptions.parse();
        for (final Alternative column : List.of(Alternative.ofOps("stack"), Alternative.UNCHECKED, Alternative.SINGLE,
            Alternative.FLOOR, Alternative.DPDK)) {
            assertEquals(2, standard.forksOf(column.kind()), column.column());
        }
        assertEquals(1, standard.forksOf(Alternative.PEERS.get(0).kind()));
        assertEquals(3, CompareOptions.parse("--matrix").forksOf(Alternative.Kind.FLOOR));
        assertEquals(2, CompareOptions.parse("--quick").forksOf(Alternative.Kind.FLOOR));
        assertEquals(1, CompareOptions.parse("--forks", "0").forksOf(Alternative.Kind.FLOOR), "in this JVM: once");
        assertEquals(3, CompareOptions.parse("--peer-forks", "3").forksOf(Alternative.Kind.PEER));
        assertEquals(5, standard.floorIterations(), "500 ms of 100 ms iterations");
        assertEquals(12, standard.maxWarmupIterations(), "1200 ms");
        assertEquals(12 + 5, standard.forkIterations(), "what the warm-up may take, and the 5 measured");
        final CompareOptions odd = CompareOptions.parse("--warmup-ms", "250", "--max-warmup-ms", "250", "--iterations", "3");
        assertEquals(3, odd.floorIterations(), "a floor of time rounds up");
        assertEquals(3 + 3, odd.forkIterations(), "no room past the floor: the floor and the measured ones");
    }

    @Test
    void theUncheckedColumnIsRingMpMcWithTheRangeCheckPropertyInItsForksInCachedRowsOnly(@TempDir final Path dir) {
        final CompareOptions options = CompareOptions.parse();
        final Path log = dir.resolve("log");
        assertEquals(List.of("-Dmempool.checkHandles=false"),
            List.copyOf(JmhStep.options(Alternative.UNCHECKED, Targets.HEADLINE, options, log).getJvmArgsPrepend().get()));
        assertEquals(Map.of("ops", "ring_mp_mc"), Alternative.UNCHECKED.params(), "the same benchmark and ops as ring_mp_mc");
        assertEquals(List.of("ring_mp_mc"),
            List.copyOf(JmhStep.options(Alternative.UNCHECKED, Targets.HEADLINE, options, log).getParameter("ops").get()));
        assertFalse(JmhStep.options(Alternative.ofOps("ring_mp_mc"), Targets.HEADLINE, options, log).getJvmArgsPrepend().hasValue(),
            "ring_mp_mc itself is the checked default");
        assertEquals(null, Alternative.UNCHECKED.skipReason(Targets.BULK_1));
        assertEquals(null, Alternative.UNCHECKED.skipReason(Targets.HEADLINE.withThreads(2)));
        assertEquals("cached rows only, beside ring_mp_mc", Alternative.UNCHECKED.skipReason(Targets.NO_CACHE));
        assertTrue(Alternative.UNCHECKED.runsJmempool());
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        assertEquals(2, run("compare", "--ops", "no_such_ops", "--dpdk", "off"));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("ops: no_such_ops (expected: one of ["));
        assertEquals(2, run("compare", "--iterations", "0"));
        assertEquals(2, run("compare", "--warmup-ms", "500", "--max-warmup-ms", "400"));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("--max-warmup-ms: 400 (expected: >= --warmup-ms 500)"));
        assertEquals(2, run("compare", "--peer-forks", "0"));
        assertEquals(2, run("compare", "--scenarios", "default_g512_p512_k32_t1"));
        assertEquals(2, run("compare", "--baseline"));
    }

    @Test
    void skippedCombinationsFollowDpdk() {
        assertEquals(null, Rounds.skipReason(128, 32, 32));
        assertTrue(Rounds.skipReason(32, 64, 1).startsWith("nKeep 32 < bulk 64"));
        assertEquals(67583, Rounds.poolSize(2));
        assertTrue(MempoolPerf.singleSided("ring_sp_mc") && MempoolPerf.singleSided("agrona_sp_sc"));
        assertFalse(MempoolPerf.singleSided("ring_mt_rts") || MempoolPerf.singleSided("stack"));
        assertTrue(Scenario.full().stream().noneMatch(s -> s.nKeep() < s.getBulk() || s.nKeep() < s.putBulk()));
        assertTrue(Scenario.matrix().stream().allMatch(s -> Rounds.skipReason(s.nKeep(), s.getBulk(), s.putBulk()) == null));
        assertTrue(Scenario.matrix().containsAll(Scenario.threadCounts().stream()
            .map(Scenario.defaults().get(0)::withThreads).toList()), "the headline on every thread count");
        assertEquals(1, Scenario.threadCounts().get(0));
        assertTrue(Scenario.threadCounts().contains(2));
    }

    /** A third party's ops whose name says nothing of its promises: only requiredFlags() does. */
    private record NamedOps(String name, Set<MempoolFlag> requiredFlags) implements MempoolOps<Object> {
        @Override
        public Object alloc(final OpsConfig config) {
            return new Object();
        }

        @Override
        public boolean enqueue(final Object store, final long[] objs, final int offset, final int n) {
            return false;
        }

        @Override
        public boolean dequeue(final Object store, final long[] objs, final int offset, final int n) {
            return false;
        }

        @Override
        public int count(final Object store) {
            return 0;
        }

        @Override
        public void free(final Object store) {
            // nothing held
        }
    }

    @Test
    void singleSidedReadsRequiredFlagsNotNames() {
        assertTrue(MempoolPerf.singleSided(new NamedOps("fastq_single", Set.of(MempoolFlag.SP_PUT))),
            "fastq_single requires SP_PUT");
        assertFalse(MempoolPerf.singleSided(new NamedOps("ring_sp_sc_lookalike", Set.of())),
            "ring_sp_sc_lookalike requires nothing, whatever its name");
    }
}
