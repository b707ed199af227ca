package io.mempool.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The virtual-thread scenario end to end: on JDK 21+ every column runs in its own JVM and shows in the table,
 * results.json, the page and the targets; before JDK 21 every one of them says why it did not run. Rows and
 * labels only: nothing here asserts a speed.
 */
class VirtualThreadRunTest {
    private static final String[] COLUMNS = {"ring_mp_mc", "ring_mp_mc_platform", "bucket", "netty_adaptive", "stormpot", "jctools_mpmc"};
    private static final String[] PEERS = {"netty_adaptive", "stormpot", "jctools_mpmc"};
    private static final String ROW = "ring_mp_mc on 4,096 virtual threads, bulk 32, n_keep 128: ";

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();

    private int compare(final Path dir, final String... more) throws Exception {
        final List<String> args = new ArrayList<>(List.of("compare", "--scenarios", VirtualThreadRun.ID, "--dpdk", "off",
            "--warmup-ms", "100", "--max-warmup-ms", "100", "--iterations", "2", "--iteration-ms", "50", "--forks", "1",
            "--out", dir.toString()));
        args.addAll(List.of(more));
        try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8)) {
            return Main.run(args.toArray(new String[0]), out, out);
        }
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<?, ?> section(final Path dir) throws Exception {
        final Map<?, ?> json = (Map<?, ?>) JsonReader.parse(Files.readString(dir.resolve("results.json")));
        return (Map<?, ?>) json.get("virtualThreads");
    }

    @Test
    void onJdk21AndLaterEveryColumnRunsInItsOwnJvmAndShowsEverywhere(@TempDir final Path dir) throws Exception {
        assumeTrue(VirtualThreadRun.unavailable() == null, "JDK 21+ only");
        final int code = compare(dir);
        final String out = out();
        // a peer may fail on its own (Stormpot 4's tap once kept its threads from stopping for 60 s in CI):
        // the run then says so in its cell and exits 1; jmempool's columns must always run
        final List<String> failed = Arrays.stream(PEERS)
            .filter(column -> out.lines().anyMatch(l -> l.matches("  " + column + " +failed: child JVM " + column + " .*"))).toList();
        assertEquals(failed.isEmpty() ? 0 : 1, code, out);
        for (final String column : COLUMNS) {
            if (failed.contains(column)) {
                assertTrue(out.matches("(?s).*\\] " + VirtualThreadRun.ID + " +" + column + " +FAILED: .*"), column + ":\n" + out);
                continue;
            }
            assertTrue(out.matches("(?s).*\\] " + VirtualThreadRun.ID + " +" + column + " .*[0-9.]+[kMG] .*"), column + ":\n" + out);
            assertTrue(out.lines().anyMatch(l -> l.matches("  " + column + " +([0-9.]+[kMG]|unstable) \\(1 fork, iterations .*")),
                column + ":\n" + out);
        }
        assertTrue(out.contains("  ring_mp_mc on virtual threads over: "), out);
        assertFalse(out.contains("objects/s, the median of the forks' medians"), "no grid without its scenarios:\n" + out);
        for (final String target : List.of(ROW + ">= 0.7x ring_mp_mc_platform", ROW + ">= 3x the best peer (")) {
            final String line = out.lines().filter(l -> l.startsWith("  " + target)).findFirst().orElseThrow(() -> new AssertionError(out));
            assertTrue(line.matches(".* [0-9.]+x \\(.*\\) +(met|missed|unstable \\(.*\\))"), line);
        }
        final Map<?, ?> results = (Map<?, ?>) section(dir).get("results");
        final String html = Files.readString(dir.resolve("index.html"));
        for (final String column : COLUMNS) {
            final Map<?, ?> cell = (Map<?, ?>) results.get(column);
            if (failed.contains(column)) {
                assertTrue(((String) cell.get("note")).startsWith("failed: "), column + ": " + cell);
                continue;
            }
            assertEquals(1, ((List<?>) cell.get("forks")).size(), column);
            assertTrue((Double) cell.get("median") > 0, column);
            assertTrue(cell.containsKey("ratioToPlatform"), column);
            assertTrue(html.contains("data-cell=\"virtual_threads|" + column + "\" data-median="), column);
        }
        assertFalse(section(dir).containsKey("notRun"));
    }

    @Test
    void beforeJdk21EveryCellSaysWhyItDidNotRun(@TempDir final Path dir) throws Exception {
        assumeTrue(VirtualThreadRun.unavailable() != null, "JDK 17..20 only");
        final String why = "JDK " + Runtime.version().feature() + " has no virtual threads";
        assertEquals(0, compare(dir), out());
        final String out = out();
        assertTrue(out.contains("0 steps"), out);
        for (final String column : COLUMNS) {
            assertTrue(out.lines().anyMatch(l -> l.matches("  " + column + " +not run \\(" + why + "\\) .*")), column + ":\n" + out);
        }
        for (final String target : List.of(">= 0.7x ring_mp_mc_platform", ">= 3x the best peer")) {
            assertTrue(out.lines().anyMatch(l -> l.matches("  " + Pattern.quote(ROW + target) + " +not run \\(" + why + "\\)")), out);
        }
        final Map<?, ?> section = section(dir);
        assertEquals(why, section.get("notRun"));
        for (final String column : COLUMNS) {
            assertEquals("not run (" + why + ")", ((Map<?, ?>) ((Map<?, ?>) section.get("results")).get(column)).get("note"), column);
        }
        final String json = Files.readString(dir.resolve("results.json"));
        assertTrue(json.contains("\"verdict\": \"not run (" + why + ")\""), json);
        final String html = Files.readString(dir.resolve("index.html"));
        for (final String column : COLUMNS) {
            assertTrue(html.contains("data-cell=\"virtual_threads|" + column + "\">not run (" + why + ")</td>"), column + ":\n" + html);
        }
    }

    @Test
    void theScenarioIsInTheDefaultRunAndTheMatrixNotInQuickAndPickedByItsId() {
        assertTrue(CompareOptions.parse().virtualThreads);
        assertTrue(CompareOptions.parse("--matrix").virtualThreads);
        assertFalse(CompareOptions.parse("--quick").virtualThreads);
        final CompareOptions picked = CompareOptions.parse("--quick", "--scenarios", VirtualThreadRun.ID);
        assertTrue(picked.virtualThreads);
        assertFalse(picked.pipeline);
        assertTrue(picked.scenarios.isEmpty());
        assertFalse(CompareOptions.parse("--scenarios", "default_g32_p32_k128_t1").virtualThreads);
        assertEquals(List.of(COLUMNS), Arrays.stream(VirtualThreadRun.Column.values()).map(VirtualThreadRun.Column::column).toList());
        assertTrue(CompareOptions.peerNames().containsAll(List.of(COLUMNS).subList(3, COLUMNS.length)),
            "its peers are picked by --peers as the grid's are");
        assertEquals(List.of("ring_mp_mc", "ring_mp_mc", "bucket"), Arrays.stream(VirtualThreadRun.Column.values())
            .filter(c -> c.kind() == Alternative.Kind.JMEMPOOL).map(VirtualThreadRun.Column::ops).toList(),
            "its jmempool columns run where their ops is among the run's (--ops)");
    }
}
