package io.mempool.tests;

import io.mempool.core.MempoolOpsRegistry;
import io.mempool.testkit.MempoolOpsConformance;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole kit on a handle-translating driver, its SPI rules fed handles of real pool memory through
 * the {@code handles(int)} hook. (With the kit's synthetic handles the driver fails: see
 * {@link KitMutationMain}'s {@code translating_synthetic_handles}.)
 */
class IntOffsetStoreConformanceTest extends MempoolOpsConformance {
    static {
        if (!MempoolOpsRegistry.names().contains(IntOffsetStoreOps.NAME)) {
            MempoolOpsRegistry.register(new IntOffsetStoreOps());
        }
    }

    @AfterAll
    static void closeHandlePool() {
        PoolHandles.close();
    }

    @Override
    protected String opsName() {
        return IntOffsetStoreOps.NAME;
    }

    @Override
    protected long[] handles(final int n) {
        return PoolHandles.first(n);
    }
}
