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
 * The conformance kit fails on broken stores and broken hooks: each planted bug of
 * {@link KitMutationMain} ({@link BrokenStoreOps}, an unsaid single-sided ring, a translating driver fed
 * synthetic handles, a store that waits forever, memzone stores, stores that place their objects) is caught by the rule meant for it, and the correct
 * drivers pass the same rules. Runs in a child JVM on the test class path, so the planted ops never
 * enter this JVM's ops registry.
 */
class KitCatchesBrokenStoresTest {
    private static final List<String> CASES = cases();

    private static List<String> cases() {
        final List<String> cases = new ArrayList<>(List.of("partial_dequeue", "partial_enqueue", "lossy_when_full",
            "count_off_by_one", "count_off_by_one_pool", "int_handles", "shared_slots", "racy_cache0", "racy_cache256",
            "foreign_promises", "null_promises", "contig_without_size", "unsaid_single_sided_cache0",
            "hook_drops_single_producer", "hook_drops_single_consumer", "hook_zero_handles", "hook_duplicate_handles",
            "hook_timeout_within_budget", "translating_synthetic_handles", "waits_when_empty_times_out",
            "zone_count_on_heap", "zone_no_header_check", "zone_free_clears", "zone_writes_past", "zone_writes_past_spi",
            "zone_lock_per_view",
            "zone_attach_unsupported", "zone_alloc_in_without_bytes", "placing_populate_without_need",
            "placing_need_too_small", "placing_overlapping", "placing_before_the_region", "placing_ignores_max_objects",
            "placing_swallows_callback_failure", "placing_blocks_of_absent_objects", "placing_partial_blocks"));
        for (final BadTable bad : BadTable.values()) {
            for (final String bug : List.of("no_argument_checks", "unchecked_copy", "wrong_exception")) {
                cases.add(bug + "_enqueue_" + bad);
                cases.add(bug + "_dequeue_" + bad);
            }
        }
        return cases;
    }

    @Test
    void everyBrokenStoreFailsTheKit(@TempDir final Path dir) throws Exception {
        final List<String> args = List.of(
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
