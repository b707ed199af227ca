package io.mempool.tests.planted.core;

import io.mempool.api.OpsConfig;
import io.mempool.tests.planted.driver.CleanDriver;

/** Breaks "core never names a driver class". */
public final class LeakyCore {
    private LeakyCore() {
    }

    /**
     * @param config a store config.
     * @return its capacity, asked of a driver class by name.
     */
    public static int capacityOf(final OpsConfig config) {
        return CleanDriver.capacityOf(config);
    }
}
