package io.mempool.core;

import io.mempool.api.MempoolOps;

/**
 * Planted for {@code io.mempool.tests.CoreRoomsTest}, never used: a room that calls the driver itself
 * instead of going through the store boundary, as population once did.
 */
final class PlantedDriverCall {
    private PlantedDriverCall() {
    }

    static boolean fill(final MempoolOps<Object> ops, final Object store, final long[] objs) {
        return ops.enqueue(store, objs, 0, objs.length);
    }
}
