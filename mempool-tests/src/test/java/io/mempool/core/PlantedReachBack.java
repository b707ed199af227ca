package io.mempool.core;

/**
 * Planted for {@code io.mempool.tests.CoreRoomsTest}, never used: a class below the facade that reaches
 * back through the pool, as the rooms did before they were handed their parts.
 */
final class PlantedReachBack {
    private PlantedReachBack() {
    }

    static String nameOf(final Mempool mp) {
        return mp.name();
    }
}
