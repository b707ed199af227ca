package io.mempool.core.memory;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;

/**
 * The JDK 17 base's access to memory: {@code sun.misc.Unsafe} from {@code jdk.unsupported}, which needs
 * no JVM flag and prints no warning up to JDK 23, and the address of a direct buffer read from its
 * {@code address} field. Never loaded on JDK 22+ (the versioned {@link MemoryLayer} does not name it).
 *
 * <p>Thread-safe: constants only.
 */
final class UnsafeAccess {
    static final sun.misc.Unsafe UNSAFE;
    static final long LONG_ARRAY_BASE;
    private static final long BUFFER_ADDRESS;

    static {
        try {
            final Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true); // jdk.unsupported opens sun.misc to everyone
            UNSAFE = (sun.misc.Unsafe) field.get(null);
            LONG_ARRAY_BASE = UNSAFE.arrayBaseOffset(long[].class);
            BUFFER_ADDRESS = UNSAFE.objectFieldOffset(Buffer.class.getDeclaredField("address"));
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private UnsafeAccess() {
    }

    /** @return the address of a direct buffer's first byte. */
    static long address(final ByteBuffer direct) {
        return UNSAFE.getLong(direct, BUFFER_ADDRESS);
    }

    /** Frees a direct or mapped buffer now rather than at its collection. */
    static void free(final ByteBuffer direct) {
        UNSAFE.invokeCleaner(direct);
    }
}
