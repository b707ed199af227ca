package io.mempool.tests;

import io.mempool.core.MempoolOpsRegistry;
import io.mempool.testkit.BadTable;
import io.mempool.testkit.MempoolOpsConformance;
import org.junit.jupiter.api.function.Executable;

/**
 * Run by {@link KitCatchesBrokenStoresTest} in a child JVM: registers every {@link BrokenStoreOps},
 * runs the kit's rules that should catch each bug, and prints {@code caught:<case>} or
 * {@code missed:<case>} per case, {@code baseline:ok} if the correct store passes them all.
 */
public final class KitMutationMain {
    private KitMutationMain() {
    }

    /** The kit on one broken store. */
    static final class Kit extends MempoolOpsConformance {
        private final String name;

        Kit(final BrokenStoreOps.Bug bug) {
            this.name = BrokenStoreOps.nameOf(bug);
        }

        @Override
        protected String opsName() {
            return name;
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

    /**
     * @param args none.
     * @throws Throwable if the correct store fails a rule.
     */
    public static void main(final String[] args) throws Throwable {
        for (final BrokenStoreOps.Bug bug : BrokenStoreOps.Bug.values()) {
            MempoolOpsRegistry.register(new BrokenStoreOps(bug));
        }
        final Kit ok = new Kit(BrokenStoreOps.Bug.NONE);
        ok.new Spi().required_spi_dequeueIsAllOrNothing();
        ok.new Spi().required_spi_enqueueIsAllOrNothing();
        ok.new Spi().required_spi_countIsExactWhenQuiescent();
        ok.new Spi().required_spi_handlesRoundTripUnchanged();
        ok.new Spi().required_spi_storesAreIndependent();
        for (final BadTable bad : BadTable.values()) {
            ok.new Spi().required_spi_enqueueRejectsBadArguments(bad);
            ok.new Spi().required_spi_dequeueRejectsBadArguments(bad);
        }
        ok.new PoolNoCache().required_dpdk_testMempoolBasic_availCountAfterGetOne();
        ok.new Concurrency().required_concurrency_everyHandlePresentExactlyOnce(0);
        System.out.println("baseline:ok");

        expectFailure("partial_dequeue",
            () -> new Kit(BrokenStoreOps.Bug.PARTIAL_DEQUEUE).new Spi().required_spi_dequeueIsAllOrNothing());
        expectFailure("partial_enqueue",
            () -> new Kit(BrokenStoreOps.Bug.PARTIAL_ENQUEUE).new Spi().required_spi_enqueueIsAllOrNothing());
        expectFailure("count_off_by_one",
            () -> new Kit(BrokenStoreOps.Bug.COUNT_OFF_BY_ONE).new Spi().required_spi_countIsExactWhenQuiescent());
        expectFailure("count_off_by_one_pool", () -> new Kit(BrokenStoreOps.Bug.COUNT_OFF_BY_ONE)
            .new PoolNoCache().required_dpdk_testMempoolBasic_availCountAfterGetOne());
        for (final BadTable bad : BadTable.values()) {
            expectFailure("no_argument_checks_enqueue_" + bad, () -> new Kit(BrokenStoreOps.Bug.NO_ARGUMENT_CHECKS)
                .new Spi().required_spi_enqueueRejectsBadArguments(bad));
            expectFailure("no_argument_checks_dequeue_" + bad, () -> new Kit(BrokenStoreOps.Bug.NO_ARGUMENT_CHECKS)
                .new Spi().required_spi_dequeueRejectsBadArguments(bad));
        }
        expectFailure("int_handles",
            () -> new Kit(BrokenStoreOps.Bug.INT_HANDLES).new Spi().required_spi_handlesRoundTripUnchanged());
        expectFailure("shared_slots",
            () -> new Kit(BrokenStoreOps.Bug.SHARED_SLOTS).new Spi().required_spi_storesAreIndependent());
        expectFailure("racy_cache0",
            () -> new Kit(BrokenStoreOps.Bug.RACY).new Concurrency().required_concurrency_everyHandlePresentExactlyOnce(0));
        expectFailure("racy_cache256",
            () -> new Kit(BrokenStoreOps.Bug.RACY).new Concurrency().required_concurrency_everyHandlePresentExactlyOnce(256));
        System.out.println("done");
    }
}
