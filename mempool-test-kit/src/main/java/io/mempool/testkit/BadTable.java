package io.mempool.testkit;

import java.util.List;

/**
 * The bad table arguments every {@code enqueue} and {@code dequeue} must reject before it changes
 * anything (docs/architecture.md: the store SPI). Each accepts the exceptions of both idioms a driver may check with:
 * {@code io.mempool.api.Checks.checkTable} ({@link IllegalArgumentException}, or
 * {@link IndexOutOfBoundsException} for a range) and the JDK's {@code Objects.requireNonNull} /
 * {@code Objects.checkFromIndexSize} ({@link NullPointerException}, {@link IndexOutOfBoundsException});
 * subclasses count, e.g. the {@link ArrayIndexOutOfBoundsException} of {@code System.arraycopy}. The
 * table, when there is one, has {@link #TABLE_LENGTH} slots.
 */
public enum BadTable {
    // The constants name TABLE_LENGTH qualified: a simple name would be an illegal forward reference;
    // the range types sit in a holder class, initialised before the constants need them.
    /** {@code objs == null}: {@link NullPointerException} or {@link IllegalArgumentException}. */
    NULL_TABLE(-1, 0, 1, List.of(NullPointerException.class, IllegalArgumentException.class)),
    /** {@code n == -1}: {@link IndexOutOfBoundsException} or {@link IllegalArgumentException}. */
    NEGATIVE_N(BadTable.TABLE_LENGTH, 0, -1, Range.TYPES),
    /** {@code offset == -1}: {@link IndexOutOfBoundsException} or {@link IllegalArgumentException}. */
    NEGATIVE_OFFSET(BadTable.TABLE_LENGTH, -1, 1, Range.TYPES),
    /** {@code offset == length + 1} with {@code n == 0}: {@link IndexOutOfBoundsException} or {@link IllegalArgumentException}. */
    OFFSET_PAST_TABLE(BadTable.TABLE_LENGTH, BadTable.TABLE_LENGTH + 1, 0, Range.TYPES),
    /** {@code offset + n == length + 1}: {@link IndexOutOfBoundsException} or {@link IllegalArgumentException}. */
    RANGE_PAST_TABLE(BadTable.TABLE_LENGTH, BadTable.TABLE_LENGTH / 2, BadTable.TABLE_LENGTH / 2 + 1, Range.TYPES);

    /** The length of the table passed, when it is not null. */
    public static final int TABLE_LENGTH = 8;

    private final int tableLength;
    private final int offset;
    private final int n;
    private final List<Class<? extends RuntimeException>> accepted;

    BadTable(final int tableLength, final int offset, final int n,
             final List<Class<? extends RuntimeException>> accepted) {
        this.tableLength = tableLength;
        this.offset = offset;
        this.n = n;
        this.accepted = accepted;
    }

    /** What a bad count or range may throw. */
    private static final class Range {
        static final List<Class<? extends RuntimeException>> TYPES =
            List.of(IndexOutOfBoundsException.class, IllegalArgumentException.class);
    }

    /**
     * @return a new table for the call (every slot 0), or null for {@link #NULL_TABLE}.
     */
    public long[] table() {
        return tableLength < 0 ? null : new long[tableLength];
    }

    /**
     * @return the offset argument.
     */
    public int offset() {
        return offset;
    }

    /**
     * @return the count argument.
     */
    public int n() {
        return n;
    }

    /**
     * @return the exception types the call may throw, the checks helper's and the JDK's.
     */
    public List<Class<? extends RuntimeException>> accepted() {
        return accepted;
    }

    /**
     * @param thrown what the call threw.
     * @return whether it is one of {@link #accepted()} (or a subclass).
     */
    public boolean accepts(final Throwable thrown) {
        for (final Class<? extends RuntimeException> type : accepted) {
            if (type.isInstance(thrown)) {
                return true;
            }
        }
        return false;
    }
}
