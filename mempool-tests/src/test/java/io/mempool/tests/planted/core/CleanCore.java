package io.mempool.tests.planted.core;

import io.mempool.api.MempoolOps;

/** Stands for a core class that reaches drivers only through the SPI. */
public final class CleanCore {
    private CleanCore() {
    }

    /**
     * @param ops a driver, found by ServiceLoader.
     * @return its name.
     */
    public static String nameOf(final MempoolOps<?> ops) {
        return ops.name();
    }
}
