package io.mempool.core.memory;

/**
 * The one door to off-heap memory, shipped as a multi-release jar: this JDK 17 base reaches memory
 * through {@code sun.misc.Unsafe} from {@code jdk.unsupported} (no JVM flag, no warning up to JDK 23) and
 * direct or mapped {@link java.nio.ByteBuffer}s; {@code META-INF/versions/22} replaces this class with
 * one on {@code java.lang.foreign} arenas, which loads no {@code sun.misc.Unsafe} at all and calls no
 * restricted method. Both behave alike but for one thing: on 22+ an access to freed memory throws
 * {@link IllegalStateException} instead of being undefined.
 *
 * <p><b>Note:</b> on JDK 17 to 21 memory is {@link java.nio.ByteBuffer#allocateDirect direct buffer}
 * memory, counted against {@code -XX:MaxDirectMemorySize} (by default the heap's maximum), as arena
 * memory is on 22+.
 *
 * <p>Thread-safe: stateless.
 */
public final class MemoryLayer {
    private MemoryLayer() {
    }

    /** @return a new, open scope. */
    public static MemoryScope newScope() {
        return new UnsafeScope();
    }

    /** @return which implementation this JVM runs, for dumps and tests. */
    public static String implementation() {
        return "sun.misc.Unsafe and direct ByteBuffers (JDK 17-21)";
    }
}
