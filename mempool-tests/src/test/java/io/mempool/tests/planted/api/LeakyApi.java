package io.mempool.tests.planted.api;

import io.mempool.core.Mempool;

/** Breaks "mempool-api depends on nothing of the project": it names a core class. */
public final class LeakyApi {
    private LeakyApi() {
    }

    /**
     * @param mp a pool.
     * @return its name.
     */
    public static String nameOf(final Mempool mp) {
        return mp.name();
    }
}
