package io.mempool.tests;

import io.mempool.core.MempoolOpsRegistry;
import io.mempool.tests.BrokenStoreOps.Bug;
import io.mempool.testkit.BadTable;
import io.mempool.testkit.MempoolOpsConformance;
import org.junit.jupiter.api.function.Executable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

/**
 * Run by {@link KitCatchesBrokenStoresTest} in a child JVM: registers every {@link BrokenStoreOps} and the
 * other planted drivers, runs the kit's rules that should catch each bug, and prints {@code caught:<case>}
 * or {@code missed:<case>} per case, {@code baseline:ok} if the correct drivers pass them all. This is the
 * planted-bug list: every rule that changed has a case here.
 */
public final class KitMutationMain {
    private KitMutationMain() {
    }

    /** The kit on one named ops. */
    static class Kit extends MempoolOpsConformance {
        private final String name;

        Kit(final String name) {
            this.name = name;
        }

        Kit(final Bug bug) {
            this(BrokenStoreOps.nameOf(bug));
        }

        @Override
        protected String opsName() {
            return name;
        }
    }

    /** The translating driver, fed real pool handles or the kit's synthetic ones. */
    static final class TranslatingKit extends Kit {
        private final boolean realHandles;

        TranslatingKit(final boolean realHandles) {
            super(IntOffsetStoreOps.NAME);
            this.realHandles = realHandles;
        }

        @Override
        protected long[] handles(final int n) {
            return realHandles ? PoolHandles.first(n) : super.handles(n);
        }
    }

    /**
     * For the JUnit engine: the kit, with a 2 s rule timeout, on the store that waits for handles forever.
     * A nested class, so surefire never runs it itself.
     */
    static final class WaitingKit extends MempoolOpsConformance {
        WaitingKit() {
        }

        @Override
        protected String opsName() {
            return BrokenStoreOps.nameOf(Bug.WAITS_WHEN_EMPTY);
        }

        @Override
        protected Duration ruleTimeout() {
            return Duration.ofSeconds(2);
        }
    }

    private static void expectFailure(final String id, final Executable rule) {
        try {
            rule.execute();
            System.out.println("missed:" + id);
        } catch (final Throwable ex) {
            System.out.println("caught:" + id + " " + String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** The correct drivers pass every rule the cases below break. */
    private static void baseline() throws Throwable {
        final Kit ok = new Kit(Bug.NONE);
        ok.new Spi().required_spi_dequeueIsAllOrNothing();
        ok.new Spi().required_spi_enqueueIsAllOrNothing();
        ok.new Spi().required_spi_countIsExactWhenQuiescent();
        ok.new Spi().required_spi_handlesRoundTripUnchanged();
        ok.new Spi().required_spi_storesAreIndependent();
        ok.new Spi().required_spi_requiredFlagsAreSingleThreadPromises();
        ok.new Spi().optional_spi_noContigBlocksMeansUnsupported();
        ok.new Spi().required_spi_allocGivesAnEmptyStore();
        for (final BadTable bad : BadTable.values()) {
            ok.new Spi().required_spi_enqueueRejectsBadArguments(bad);
            ok.new Spi().required_spi_dequeueRejectsBadArguments(bad);
        }
        ok.new PoolNoCache().required_dpdk_testMempoolBasic_availCountAfterGetOne();
        ok.new Concurrency().required_concurrency_everyHandlePresentExactlyOnce(0);
        ok.required_validate_handlesAreDistinctAndNonZero();
        ok.required_validate_ruleTimeoutIsBounded();
        final Kit single = new Kit(SingleSidedRingOps.withPromise().name());
        single.required_validate_singleProducerOnlyKeepsRequiredFlags();
        single.required_validate_singleConsumerOnlyKeepsRequiredFlags();
        single.new Concurrency().required_concurrency_everyHandlePresentExactlyOnce(0);
        single.new Concurrency().required_concurrency_everyHandlePresentExactlyOnce(256);
        final TranslatingKit translating = new TranslatingKit(true);
        translating.new Spi().required_spi_handlesRoundTripUnchanged();
        translating.new Spi().required_spi_everyHandleReturnedExactlyOnce();
        translating.new Spi().required_spi_holdsAtLeastCapacity(1);
        final Kit zone = new Kit(BrokenMemzoneOps.nameOf(BrokenMemzoneOps.Bug.NONE));
        zone.new Memzone().optional_memzone_storeInAMemzoneKeepsTheSpiContract();
        zone.new Memzone().optional_memzone_attachSeesTheSameStore();
        zone.new Memzone().optional_memzone_attachRefusesWhatIsNoStore();
        zone.new Memzone().optional_memzone_freeOfOneViewKeepsTheOthers();
        zone.new Memzone().optional_memzone_viewsWorkConcurrently();
        ok.new Memzone().optional_memzone_noMemzoneMeansUnsupported();
        final Kit placing = new Kit(BrokenPlacingOps.nameOf(BrokenPlacingOps.Bug.NONE));
        placing.new Placement().optional_placement_needIsSoundForEveryCount();
        placing.new Placement().optional_placement_populatePlacesEveryObjectInItsRegionInRuns();
        placing.new Placement().optional_placement_populateKeepsToMaxObjectsAndTheNeedOfTheRest();
        placing.new Placement().optional_placement_populatePassesTheCallbacksFailureOn();
        placing.new Placement().optional_placement_contigBlocksAreRunsOfPlacedObjects();
        placing.new Pool().optional_pool_contigBlocksAreCheckedAndCounted();
        placing.new Spi().required_spi_everyHandleReturnedExactlyOnce();
        ok.new Placement().optional_placement_noNeedMeansThePoolsLayout();
        final Kit jdk = new Kit(JdkIdiomStoreOps.NAME);
        for (final BadTable bad : BadTable.values()) {
            jdk.new Spi().required_spi_enqueueRejectsBadArguments(bad);
            jdk.new Spi().required_spi_dequeueRejectsBadArguments(bad);
        }
        System.out.println("baseline:ok");
    }

    private static void storeBugs() {
        expectFailure("partial_dequeue", () -> new Kit(Bug.PARTIAL_DEQUEUE).new Spi().required_spi_dequeueIsAllOrNothing());
        expectFailure("partial_enqueue", () -> new Kit(Bug.PARTIAL_ENQUEUE).new Spi().required_spi_enqueueIsAllOrNothing());
        expectFailure("lossy_when_full", () -> new Kit(Bug.LOSSY_WHEN_FULL).new Spi().required_spi_enqueueIsAllOrNothing());
        expectFailure("count_off_by_one",
            () -> new Kit(Bug.COUNT_OFF_BY_ONE).new Spi().required_spi_countIsExactWhenQuiescent());
        expectFailure("count_off_by_one_pool",
            () -> new Kit(Bug.COUNT_OFF_BY_ONE).new PoolNoCache().required_dpdk_testMempoolBasic_availCountAfterGetOne());
        for (final BadTable bad : BadTable.values()) {
            for (final Bug bug : new Bug[] {Bug.NO_ARGUMENT_CHECKS, Bug.UNCHECKED_COPY, Bug.WRONG_EXCEPTION}) {
                final String id = bug.name().toLowerCase(Locale.ROOT);
                expectFailure(id + "_enqueue_" + bad, () -> new Kit(bug).new Spi().required_spi_enqueueRejectsBadArguments(bad));
                expectFailure(id + "_dequeue_" + bad, () -> new Kit(bug).new Spi().required_spi_dequeueRejectsBadArguments(bad));
            }
        }
        expectFailure("int_handles", () -> new Kit(Bug.INT_HANDLES).new Spi().required_spi_handlesRoundTripUnchanged());
        expectFailure("shared_slots", () -> new Kit(Bug.SHARED_SLOTS).new Spi().required_spi_storesAreIndependent());
        expectFailure("racy_cache0",
            () -> new Kit(Bug.RACY).new Concurrency().required_concurrency_everyHandlePresentExactlyOnce(0));
        expectFailure("racy_cache256",
            () -> new Kit(Bug.RACY).new Concurrency().required_concurrency_everyHandlePresentExactlyOnce(256));
        expectFailure("foreign_promises",
            () -> new Kit(Bug.FOREIGN_PROMISES).new Spi().required_spi_requiredFlagsAreSingleThreadPromises());
        expectFailure("null_promises",
            () -> new Kit(Bug.NULL_PROMISES).new Spi().required_spi_requiredFlagsAreSingleThreadPromises());
        expectFailure("contig_without_size",
            () -> new Kit(Bug.CONTIG_WITHOUT_SIZE).new Spi().optional_spi_noContigBlocksMeansUnsupported());
    }

    /** Drivers and hooks that break a promise: the kit must read promises from requiredFlags(), not names. */
    private static void promiseAndHookBugs() {
        expectFailure("unsaid_single_sided_cache0", () -> new Kit(SingleSidedRingOps.withoutPromise().name())
            .new Concurrency().required_concurrency_everyHandlePresentExactlyOnce(0));
        expectFailure("hook_drops_single_producer", () -> new Kit(SingleSidedRingOps.withPromise().name()) {
            @Override
            protected boolean singleProducerOnly() {
                return false;
            }
        }.required_validate_singleProducerOnlyKeepsRequiredFlags());
        expectFailure("hook_drops_single_consumer", () -> new Kit(SingleSidedRingOps.withPromise().name()) {
            @Override
            protected boolean singleConsumerOnly() {
                return false;
            }
        }.required_validate_singleConsumerOnlyKeepsRequiredFlags());
        expectFailure("hook_zero_handles", () -> new Kit(Bug.NONE) {
            @Override
            protected long[] handles(final int n) {
                return new long[n];
            }
        }.required_validate_handlesAreDistinctAndNonZero());
        expectFailure("hook_duplicate_handles", () -> new Kit(Bug.NONE) {
            @Override
            protected long[] handles(final int n) {
                final long[] objs = new long[n];
                Arrays.fill(objs, 64L);
                return objs;
            }
        }.required_validate_handlesAreDistinctAndNonZero());
        expectFailure("hook_timeout_within_budget", () -> new Kit(Bug.NONE) {
            @Override
            protected Duration ruleTimeout() {
                return concurrencyBudget();
            }
        }.required_validate_ruleTimeoutIsBounded());
        expectFailure("translating_synthetic_handles",
            () -> new TranslatingKit(false).new Spi().required_spi_handlesRoundTripUnchanged());
    }

    /** Memzone stores with one bug each; the correct one passes the same rules (in {@link #baseline()}). */
    private static void memzoneBugs() {
        expectFailure("zone_count_on_heap", () -> new Kit(BrokenMemzoneOps.nameOf(BrokenMemzoneOps.Bug.COUNT_ON_HEAP))
            .new Memzone().optional_memzone_attachSeesTheSameStore());
        expectFailure("zone_no_header_check", () -> new Kit(BrokenMemzoneOps.nameOf(BrokenMemzoneOps.Bug.NO_HEADER_CHECK))
            .new Memzone().optional_memzone_attachRefusesWhatIsNoStore());
        expectFailure("zone_free_clears", () -> new Kit(BrokenMemzoneOps.nameOf(BrokenMemzoneOps.Bug.FREE_CLEARS))
            .new Memzone().optional_memzone_freeOfOneViewKeepsTheOthers());
        expectFailure("zone_writes_past", () -> new Kit(BrokenMemzoneOps.nameOf(BrokenMemzoneOps.Bug.WRITES_PAST))
            .new Memzone().optional_memzone_attachSeesTheSameStore());
        expectFailure("zone_writes_past_spi", () -> new Kit(BrokenMemzoneOps.nameOf(BrokenMemzoneOps.Bug.WRITES_PAST))
            .new Memzone().optional_memzone_storeInAMemzoneKeepsTheSpiContract());
        expectFailure("zone_lock_per_view", () -> new Kit(BrokenMemzoneOps.nameOf(BrokenMemzoneOps.Bug.LOCK_PER_VIEW))
            .new Memzone().optional_memzone_viewsWorkConcurrently());
        expectFailure("zone_attach_unsupported", () -> new Kit(BrokenMemzoneOps.nameOf(BrokenMemzoneOps.Bug.ATTACH_UNSUPPORTED))
            .new Memzone().optional_memzone_attachSeesTheSameStore());
        expectFailure("zone_alloc_in_without_bytes",
            () -> new Kit(BrokenMemzoneOps.nameOf(BrokenMemzoneOps.Bug.ALLOC_IN_WITHOUT_BYTES))
                .new Memzone().optional_memzone_noMemzoneMeansUnsupported());
    }

    /** Stores that place their objects, with one bug each; the correct one passes the same rules (in {@link #baseline()}). */
    private static void placementBugs() {
        expectFailure("placing_populate_without_need", () -> placing(BrokenPlacingOps.Bug.POPULATE_WITHOUT_NEED)
            .new Placement().optional_placement_noNeedMeansThePoolsLayout());
        expectFailure("placing_need_too_small", () -> placing(BrokenPlacingOps.Bug.NEED_TOO_SMALL)
            .new Placement().optional_placement_needIsSoundForEveryCount());
        expectFailure("placing_overlapping", () -> placing(BrokenPlacingOps.Bug.OVERLAPPING)
            .new Placement().optional_placement_populatePlacesEveryObjectInItsRegionInRuns());
        expectFailure("placing_before_the_region", () -> placing(BrokenPlacingOps.Bug.BEFORE_THE_REGION)
            .new Placement().optional_placement_populatePlacesEveryObjectInItsRegionInRuns());
        expectFailure("placing_ignores_max_objects", () -> placing(BrokenPlacingOps.Bug.IGNORES_MAX_OBJECTS)
            .new Placement().optional_placement_populateKeepsToMaxObjectsAndTheNeedOfTheRest());
        expectFailure("placing_swallows_callback_failure", () -> placing(BrokenPlacingOps.Bug.SWALLOWS_FAILURE)
            .new Placement().optional_placement_populatePassesTheCallbacksFailureOn());
        expectFailure("placing_blocks_of_absent_objects", () -> placing(BrokenPlacingOps.Bug.ABSENT_BLOCKS)
            .new Placement().optional_placement_contigBlocksAreRunsOfPlacedObjects());
        expectFailure("placing_partial_blocks", () -> placing(BrokenPlacingOps.Bug.PARTIAL_BLOCKS)
            .new Pool().optional_pool_contigBlocksAreCheckedAndCounted());
    }

    private static Kit placing(final BrokenPlacingOps.Bug bug) {
        return new Kit(BrokenPlacingOps.nameOf(bug));
    }

    /**
     * Through the JUnit engine, as a build runs the kit: rules on a store that waits forever each fail after
     * the 2 s timeout (one plain rule, four invocations of a parameterized one) instead of hanging.
     */
    private static void timeoutCase() {
        final long start = System.nanoTime();
        final List<Event> failed = EngineTestKit.engine("junit-jupiter")
            .selectors(
                selectNestedMethod(List.of(WaitingKit.class), MempoolOpsConformance.Spi.class,
                    "required_spi_allocGivesAnEmptyStore"),
                selectNestedMethod(List.of(WaitingKit.class), MempoolOpsConformance.Spi.class,
                    "required_spi_holdsAtLeastCapacity", "int"))
            .execute()
            .testEvents().failed().list();
        final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        BrokenStoreOps.release();
        final List<String> messages = failed.stream()
            .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().map(Throwable::getMessage).orElse(""))
            .toList();
        final boolean timedOut = messages.size() == 5 && messages.stream().allMatch(m -> m.contains("ruleTimeout()"));
        System.out.println((timedOut && seconds < 60 ? "caught:" : "missed:") + "waits_when_empty_times_out "
            + messages.size() + " rules failed in " + seconds + " s: " + messages.stream().findFirst().orElse(""));
    }

    /**
     * @param args none.
     * @throws Throwable if a correct driver fails a rule.
     */
    public static void main(final String[] args) throws Throwable {
        for (final Bug bug : Bug.values()) {
            MempoolOpsRegistry.register(new BrokenStoreOps(bug));
        }
        MempoolOpsRegistry.register(SingleSidedRingOps.withPromise());
        MempoolOpsRegistry.register(SingleSidedRingOps.withoutPromise());
        MempoolOpsRegistry.register(new IntOffsetStoreOps());
        MempoolOpsRegistry.register(new JdkIdiomStoreOps());
        for (final BrokenMemzoneOps.Bug bug : BrokenMemzoneOps.Bug.values()) {
            MempoolOpsRegistry.register(new BrokenMemzoneOps(bug));
        }
        for (final BrokenPlacingOps.Bug bug : BrokenPlacingOps.Bug.values()) {
            MempoolOpsRegistry.register(new BrokenPlacingOps(bug));
        }
        baseline();
        storeBugs();
        promiseAndHookBugs();
        memzoneBugs();
        placementBugs();
        timeoutCase();
        PoolHandles.close();
        System.out.println("done");
    }
}
