package io.mempool.tests.planted.driver;

import io.mempool.core.MempoolOpsRegistry;

import java.util.Set;

/** Breaks "drivers depend on io.mempool.api only": it names a core class. */
public final class LeakyDriver {
    private LeakyDriver() {
    }

    /**
     * @return the registered ops names.
     */
    public static Set<String> registered() {
        return MempoolOpsRegistry.names();
    }
}
