package io.mempool.core;

/**
 * Planted for {@code io.mempool.tests.CoreRoomsTest}, never used: a diagnostic that writes the pool's
 * state, which only the lifecycle may.
 */
final class PlantedStateWriter {
    private PlantedStateWriter() {
    }

    static void close(final PoolState state) {
        state.markClosed();
    }
}
