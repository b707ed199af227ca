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
        "               [--warmups N] [--iterations N] [--iteration-ms N] [--rounds N] [--forks N]",
        "               [--dpdk auto|off] [--baseline results.json] [--out DIR]",
        "  (default)     4 scenarios, every ops, the floor, every peer and DPDK; then shared_pipeline, ~3 minutes",
        "  --quick       the headline scenario only, shorter iterations, no pipeline, ~1 minute",
        "  --matrix      a slice of the matrix drawn as charts (objects/s against bulk size and threads), ~10 minutes",
        "  --full        test_mempool_perf's whole fixed-bulk matrix as charts (hours: narrow it with --ops/--peers)",
        "  --ops         ops names to run (default: every registered name; see `list`)",
        "  --peers       peers to run: " + String.join(",", peerNames()) + " (default: all), or none",
        "  --scenarios   scenario ids, e.g. default_g32_p32_k128_t1 (default: those of the mode); " + PipelineRun.ID + ":",
        "                a shared pool between two JVMs, producer to consumer, beside the same pipeline in one JVM",
        "  --warmups N, --iterations N, --iteration-ms N   per JMH fork (medians are over iterations)",
        "  --rounds N    run the whole list N times, interleaved, pooling the iterations",
        "  --forks N     JMH forks per step (0 runs in this JVM: for tests only)",
        "  --dpdk off    skip the DPDK column even if libdpdk is installed",
        "  --baseline F  a previous run's results.json, drawn and tabled beside this run (before/after a change)",
        "  --out DIR     where results.json and index.html go (default: benchmarks/target/compare)");

    List<Scenario> scenarios = Scenario.defaults();
    /** Whether the run has the pipeline scenario ({@link PipelineRun}). */
    boolean pipeline = true;
    Set<String> ops;
    List<String> peers = peerNames();
    int warmups = 3;
    int iterations = 5;
    int iterationMs = 100;
    int rounds = 1;
    int forks = 1;
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
                    o.warmups = 2;
                    o.iterations = 3;
                    o.iterationMs = 80;
                }
                case "--matrix" -> {
                    o.mode = "matrix";
                    o.scenarios = Scenario.matrix();
                    o.warmups = 2;
                    o.iterations = 4;
                }
                case "--full" -> {
                    o.mode = "full";
                    o.scenarios = Scenario.full();
                    o.iterationMs = 200;
                }
                case "--ops" -> o.ops = new LinkedHashSet<>(list(args, ++i, arg));
                case "--peers" -> {
                    final List<String> names = list(args, ++i, arg);
                    o.peers = names.equals(List.of("none")) ? List.of() : checkedPeers(names);
                }
                case "--scenarios" -> scenarioIds = list(args, ++i, arg);
                case "--warmups" -> o.warmups = number(args, ++i, arg, 0);
                case "--iterations" -> o.iterations = number(args, ++i, arg, 1);
                case "--iteration-ms" -> o.iterationMs = number(args, ++i, arg, 1);
                case "--rounds" -> o.rounds = number(args, ++i, arg, 1);
                case "--forks" -> o.forks = number(args, ++i, arg, 0);
                case "--dpdk" -> o.dpdk = !"off".equals(value(args, ++i, arg));
                case "--baseline" -> o.baseline = Path.of(value(args, ++i, arg));
                case "--out" -> o.out = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (scenarioIds != null) {
            o.pipeline = scenarioIds.contains(PipelineRun.ID);
            o.scenarios = pick(scenarioIds.stream().filter(id -> !id.equals(PipelineRun.ID)).toList());
        }
        return o;
    }

    private static List<Scenario> pick(final List<String> ids) {
        final List<Scenario> picked = new ArrayList<>();
        for (final String id : ids) {
            picked.add(Scenario.full().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                    "scenario: " + id + " (expected: an id like default_g32_p32_k128_t1, cache default|none|user, or "
                        + PipelineRun.ID + ")")));
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
