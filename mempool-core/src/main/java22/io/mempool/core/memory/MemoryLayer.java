package io.mempool.core.memory;

/**
 * The one door to off-heap memory, JDK 22+ version (see the base version's javadoc): every region is a
 * segment of a shared {@code java.lang.foreign.Arena} that a {@link MemoryScope} owns, and file mappings
 * are {@code FileChannel.map(READ_WRITE, 0, length, arena)}. No {@code sun.misc.Unsafe}, no restricted
 * method: an access after the scope closes throws {@link IllegalStateException}.
 *
 * <p>Thread-safe: stateless.
 */
public final class MemoryLayer {
    private MemoryLayer() {
    }

    /** @return a new, open scope. */
    public static MemoryScope newScope() {
        return new ArenaScope();
    }

    /** @return which implementation this JVM runs, for dumps and tests. */
    public static String implementation() {
        return "java.lang.foreign arenas (JDK 22+)";
    }
}
