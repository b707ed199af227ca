package io.mempool.driver.agrona;

import org.agrona.UnsafeApi;

/**
 * Turns Agrona's failure to reach {@code jdk.internal.misc.Unsafe} into a message that names the JVM flag:
 * Agrona 2.x needs it, so every {@code agrona_*} store does, and only they in jmempool.
 *
 * <p>Thread-safe: stateless.
 */
final class AgronaAccess {
    static final String FLAG_CLASS_PATH = "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String FLAG_MODULE_PATH = "--add-exports java.base/jdk.internal.misc=org.agrona";

    private AgronaAccess() {
    }

    /**
     * @param ops the ops name, for the message.
     * @throws IllegalStateException if Agrona cannot reach its Unsafe, naming the JVM flag that fixes it;
     *     nothing was allocated then.
     */
    static void check(final String ops) {
        try {
            UnsafeApi.arrayBaseOffset(long[].class);
        } catch (final LinkageError ex) { // IllegalAccessError first, NoClassDefFoundError after
            throw new IllegalStateException("ops " + ops + ": Agrona's off-heap stores need the JVM flag " + FLAG_CLASS_PATH
                + " (class path) or " + FLAG_MODULE_PATH + " (module path); the other ops need no flag: " + ex, ex);
        }
    }
}
