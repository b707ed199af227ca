package io.mempool.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code compare} command's settings, parsed from its arguments. Not thread-safe (read by one thread).
 */
final class CompareOptions {
    static final String USAGE = String.join("\n",
        "usage: compare [--quick | --matrix | --full] [--ops a,b] [--peers a,b|none] [--scenarios id,id]",
        "               [--warmup-ms N] [--max-warmup-ms N] [--iterations N] [--iteration-ms N] [--forks N]",
        "               [--peer-forks N] [--rounds N] [--dpdk auto|off] [--baseline results.json] [--out DIR]",
        "  (default)     4 scenarios, every ops, the floor, every peer and DPDK (beside bucket, DPDK's bucket too);",
        "                " + VirtualThreadRun.ID + " (JDK 21+, ~25 s); then " + PipelineRun.ID + "; ~7 minutes",
        "  --quick       the headline scenario only, shorter forks, no " + VirtualThreadRun.ID + " or pipeline, ~1.5 minutes",
        "  --matrix      a slice of the matrix as charts (objects/s against bulk size and threads), 3 forks a cell, ~35 minutes",
        "  --full        test_mempool_perf's whole fixed-bulk matrix as charts (days: narrow it with --ops/--peers/--scenarios)",
        "  --ops         ops names to run (default: every registered name; see `list`)",
        "  --peers       peers to run: " + String.join(",", peerNames()) + " (default: all), or none",
        "  --scenarios   scenario ids, e.g. default_g32_p32_k128_t1 (default: those of the mode); " + PipelineRun.ID + ":",
        "                a shared pool between two JVMs, producer to consumer, beside the same pipeline in one JVM;",
        "                " + VirtualThreadRun.ID + ": jmempool and three peers on " + VirtualThreadRun.THREADS
            + " virtual threads, beside jmempool on platform threads (JDK 21+)",
        "  --warmup-ms N, --max-warmup-ms N   a fork's warm-up: at least N ms, then until the medians of 3 iterations",
        "                before and after agree within 10%, at most the max (then the fork is not settled: unstable)",
        "  --iterations N, --iteration-ms N   measured iterations per fork (at least N), and their length",
        "  --forks N     forks (JVMs) per jmempool, floor and DPDK cell; the figure is the median of the forks' medians",
        "                (0 runs each cell once in this JVM: for tests only)",
        "  --peer-forks N   forks per Java peer's cell",
        "  --rounds N    run the whole list N times, interleaved, each time with every cell's forks",
        "  --dpdk off    skip the DPDK columns even if libdpdk is installed",
        "  --baseline F  a previous run's results.json, drawn and tabled beside this run (before/after a change)",
        "  --out DIR     where results.json and index.html go (default: benchmarks/target/compare)");

    List<Scenario> scenarios = Scenario.defaults();
    /** Whether the run has the pipeline scenario ({@link PipelineRun}). */
    boolean pipeline = true;
    /** Whether the run has the virtual-thread scenario ({@link VirtualThreadRun}; its cells say why not before JDK 21). */
    boolean virtualThreads = true;
    Set<String> ops;
    List<String> peers = peerNames();
    /** The floor of a fork's warm-up, ms. */
    int warmupMs = 500;
    /** The bound of a fork's warm-up, ms ({@link WarmUp}). */
    int maxWarmupMs = 1200;
    /** The fewest measured iterations per fork. */
    int iterations = 5;
    int iterationMs = 100;
    int rounds = 1;
    /** Forks per jmempool, floor and DPDK cell; 0: each cell once in this JVM (tests). */
    int forks = 2;
    /** Forks per peer cell: one in the default run, whose time budget cannot afford two (README). */
    int peerForks = 1;
    boolean dpdk = true;
    Path baseline;
    Path out;
    String mode = "default";

    static List<String> peerNames() {
        final List<String> names = new ArrayList<>();
        for (final Alternative peer : Alternative.PEERS) {
            names.add(peer.column());
        }
        return names;
    }

    /**
     * @param args the arguments after {@code compare}.
     * @return the settings.
     * @throws IllegalArgumentException naming the bad argument.
     */
    static CompareOptions parse(final String... args) {
        final CompareOptions o = new CompareOptions();
        List<String> scenarioIds = null;
        for (int i = 0; i < args.length; i++) {
            final String arg = args[i];
            switch (arg) {
                case "--quick" -> {
                    o.mode = "quick";
                    o.scenarios = Scenario.quick();
                    o.pipeline = false;
                    o.virtualThreads = false;
                    o.warmupMs = 400;
                    o.maxWarmupMs = 1000;
                    o.iterations = 3;
                }
                case "--matrix" -> {
                    o.mode = "matrix";
                    o.scenarios = Scenario.matrix();
                    o.warmupMs = 400;
                    o.maxWarmupMs = 1000;
                    o.iterations = 3;
                    o.forks = 3;
                }
                case "--full" -> {
                    o.mode = "full";
                    o.scenarios = Scenario.full();
                    o.iterationMs = 200;
                    o.warmupMs = 1000;
                    o.maxWarmupMs = 3000;
                }
                case "--ops" -> o.ops = new LinkedHashSet<>(list(args, ++i, arg));
                case "--peers" -> {
                    final List<String> names = list(args, ++i, arg);
                    o.peers = names.equals(List.of("none")) ? List.of() : checkedPeers(names);
                }
                case "--scenarios" -> scenarioIds = list(args, ++i, arg);
                case "--warmup-ms" -> o.warmupMs = number(args, ++i, arg, 0);
                case "--max-warmup-ms" -> o.maxWarmupMs = number(args, ++i, arg, 0);
                case "--iterations" -> o.iterations = number(args, ++i, arg, 1);
                case "--iteration-ms" -> o.iterationMs = number(args, ++i, arg, 1);
                case "--rounds" -> o.rounds = number(args, ++i, arg, 1);
                case "--forks" -> o.forks = number(args, ++i, arg, 0);
                case "--peer-forks" -> o.peerForks = number(args, ++i, arg, 1);
                case "--dpdk" -> o.dpdk = !"off".equals(value(args, ++i, arg));
                case "--baseline" -> o.baseline = Path.of(value(args, ++i, arg));
                case "--out" -> o.out = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (scenarioIds != null) {
            o.pipeline = scenarioIds.contains(PipelineRun.ID);
            o.virtualThreads = scenarioIds.contains(VirtualThreadRun.ID);
            o.scenarios = pick(scenarioIds.stream().filter(id -> !id.equals(PipelineRun.ID) && !id.equals(VirtualThreadRun.ID)).toList());
        }
        if (o.maxWarmupMs < o.warmupMs) {
            throw new IllegalArgumentException("--max-warmup-ms: " + o.maxWarmupMs + " (expected: >= --warmup-ms " + o.warmupMs + ")");
        }
        return o;
    }

    /** @return the iterations of a fork's floor of warm-up. */
    int floorIterations() {
        return ceilDiv(warmupMs, iterationMs);
    }

    /** @return the iterations a fork's warm-up may take at most: its bound, the floor included. */
    int maxWarmupIterations() {
        return Math.max(floorIterations(), ceilDiv(maxWarmupMs, iterationMs));
    }

    /** @return the iterations a fork runs: as many as its warm-up may take, and the fewest measured. */
    int forkIterations() {
        return maxWarmupIterations() + iterations;
    }

    /**
     * @param kind a kind of column.
     * @return forks per cell and round: {@link #peerForks} for a peer, else {@link #forks}; 1 where forks is 0 (in this JVM).
     */
    int forksOf(final Alternative.Kind kind) {
        if (forks == 0) {
            return 1;
        }
        return kind == Alternative.Kind.PEER ? peerForks : forks;
    }

    private static int ceilDiv(final int a, final int b) {
        return (a + b - 1) / b;
    }

    private static List<Scenario> pick(final List<String> ids) {
        final List<Scenario> picked = new ArrayList<>();
        for (final String id : ids) {
            picked.add(Scenario.full().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                    "scenario: " + id + " (expected: an id like default_g32_p32_k128_t1, cache default|none|user, "
                        + PipelineRun.ID + " or " + VirtualThreadRun.ID + ")")));
        }
        return picked;
    }

    private static List<String> checkedPeers(final List<String> names) {
        for (final String name : names) {
            if (!peerNames().contains(name)) {
                throw new IllegalArgumentException("peer: " + name + " (expected: one of " + peerNames() + " or none)");
            }
        }
        return names;
    }

    private static String value(final String[] args, final int i, final String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> list(final String[] args, final int i, final String option) {
        return Arrays.asList(value(args, i, option).split(","));
    }

    private static int number(final String[] args, final int i, final String option, final int min) {
        final String text = value(args, i, option);
        try {
            final int n = Integer.parseInt(text);
            if (n >= min) {
                return n;
            }
        } catch (final NumberFormatException ex) {
            // reported below with the expected range
        }
        throw new IllegalArgumentException(option + ": " + text + " (expected: an integer >= " + min + ")");
    }
}
