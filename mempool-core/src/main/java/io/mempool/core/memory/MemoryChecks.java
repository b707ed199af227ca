package io.mempool.core.memory;

import io.mempool.api.Checks;

/**
 * The limits every {@link MemoryScope} keeps, the same on every JDK so a pool behaves alike on 17 and 25.
 * Thread-safe: constants and pure functions.
 */
public final class MemoryChecks {
    /** The largest alignment: a 2 MiB huge page. */
    public static final int MAX_ALIGN = 1 << 21;
    /** The longest region: a direct buffer's capacity (JDK 17's limit), less room to align it. */
    public static final long MAX_LENGTH = Integer.MAX_VALUE - MAX_ALIGN;

    private MemoryChecks() {
    }

    /** @return {@code length} if it is {@code 1..MAX_LENGTH}. */
    static long checkLength(final long length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException(Checks.message("length", length, "1.." + MAX_LENGTH));
        }
        return length;
    }

    /** @return {@code align} if it is a power of two up to {@code MAX_ALIGN}. */
    static int checkAlign(final int align) {
        if (align < 1 || align > MAX_ALIGN || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException(Checks.message("align", align, "a power of two in 1.." + MAX_ALIGN));
        }
        return align;
    }
}
