package io.mempool.tests;

import io.mempool.core.MempoolOpsRegistry;
import io.mempool.testkit.MempoolOpsConformance;

/** The whole kit, unchanged, on a driver that checks arguments with the JDK's own idioms (issue 13). */
class JdkIdiomStoreConformanceTest extends MempoolOpsConformance {
    static {
        if (!MempoolOpsRegistry.names().contains(JdkIdiomStoreOps.NAME)) {
            MempoolOpsRegistry.register(new JdkIdiomStoreOps());
        }
    }

    @Override
    protected String opsName() {
        return JdkIdiomStoreOps.NAME;
    }
}
