package io.mempool.tests.planted.driver;

import io.mempool.api.OpsConfig;

/** Stands for a driver class that uses the api only. */
public final class CleanDriver {
    private CleanDriver() {
    }

    /**
     * @param config a store config.
     * @return its capacity.
     */
    public static int capacityOf(final OpsConfig config) {
        return config.capacity();
    }
}
