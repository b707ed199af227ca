package io.mempool.driver.ring;

import org.agrona.UnsafeApi;

/**
 * Turns Agrona's failure to reach {@code jdk.internal.misc.Unsafe} into a message that names the flag
 * (DESIGN §1). Only off-heap rings need Agrona; a heap ring never loads it.
 */
final class AgronaAccess {
    static final String FLAG_CLASS_PATH = "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String FLAG_MODULE_PATH = "--add-exports java.base/jdk.internal.misc=org.agrona";

    private AgronaAccess() {
    }

    /**
     * @throws IllegalStateException if Agrona cannot reach its Unsafe, naming the JVM flag that fixes it.
     */
    static void check() {
        try {
            UnsafeApi.arrayBaseOffset(long[].class);
        } catch (final LinkageError ex) { // IllegalAccessError first, NoClassDefFoundError after
            throw new IllegalStateException("an off-heap LongRing (Agrona) needs the JVM flag " + FLAG_CLASS_PATH
                + " (class path) or " + FLAG_MODULE_PATH + " (module path): " + ex, ex);
        }
    }
}
