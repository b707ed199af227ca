package io.mempool.tests;

import io.mempool.testkit.BadTable;
import io.mempool.testkit.MempoolOpsConformance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance kit fails on broken stores: each {@link BrokenStoreOps} bug is caught by the rule
 * meant for it, and the correct store passes the same rules. Runs {@link KitMutationMain} in a child
 * JVM on the test class path, so the broken ops never enter this JVM's ops registry.
 */
class KitCatchesBrokenStoresTest {
    private static final List<String> CASES = cases();

    private static List<String> cases() {
        final List<String> cases = new ArrayList<>(List.of("partial_dequeue", "partial_enqueue", "count_off_by_one",
            "count_off_by_one_pool", "int_handles", "shared_slots", "racy_cache0", "racy_cache256"));
        for (final BadTable bad : BadTable.values()) {
            cases.add("no_argument_checks_enqueue_" + bad);
            cases.add("no_argument_checks_dequeue_" + bad);
        }
        return cases;
    }

    @Test
    void everyBrokenStoreFailsTheKit(@TempDir final Path dir) throws Exception {
        final List<String> args = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-D" + MempoolOpsConformance.BUDGET_PROPERTY + "=500",
            "-cp", System.getProperty("java.class.path"),
            KitMutationMain.class.getName());
        final ChildJvm.Result result = ChildJvm.run(dir, args);
        ChildJvm.assertSucceeded(result, List.of(KitMutationMain.class.getName()));
        final String out = result.output();
        assertTrue(out.lines().anyMatch("baseline:ok"::equals), "the correct store failed a rule:\n" + out);
        assertTrue(out.lines().anyMatch("done"::equals), "the run did not finish:\n" + out);
        for (final String id : CASES) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("caught:" + id + " ")), "the kit missed " + id + ":\n" + out);
        }
    }
}
