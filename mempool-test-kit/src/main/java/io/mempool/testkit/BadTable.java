package io.mempool.testkit;

/**
 * The bad table arguments every {@code enqueue} and {@code dequeue} must reject before it changes
 * anything (DESIGN §3, {@code Checks.checkTable}). The table, when there is one, has
 * {@link #TABLE_LENGTH} slots.
 */
public enum BadTable {
    // The constants name TABLE_LENGTH qualified: a simple name would be an illegal forward reference.
    /** {@code objs == null}: {@link IllegalArgumentException}. */
    NULL_TABLE(-1, 0, 1, IllegalArgumentException.class),
    /** {@code n == -1}: {@link IllegalArgumentException}. */
    NEGATIVE_N(BadTable.TABLE_LENGTH, 0, -1, IllegalArgumentException.class),
    /** {@code offset == -1}: {@link IndexOutOfBoundsException}. */
    NEGATIVE_OFFSET(BadTable.TABLE_LENGTH, -1, 1, IndexOutOfBoundsException.class),
    /** {@code offset == length + 1} with {@code n == 0}: {@link IndexOutOfBoundsException}. */
    OFFSET_PAST_TABLE(BadTable.TABLE_LENGTH, BadTable.TABLE_LENGTH + 1, 0, IndexOutOfBoundsException.class),
    /** {@code offset + n == length + 1}: {@link IndexOutOfBoundsException}. */
    RANGE_PAST_TABLE(BadTable.TABLE_LENGTH, BadTable.TABLE_LENGTH / 2, BadTable.TABLE_LENGTH / 2 + 1,
        IndexOutOfBoundsException.class);

    /** The length of the table passed, when it is not null. */
    public static final int TABLE_LENGTH = 8;

    private final int tableLength;
    private final int offset;
    private final int n;
    private final Class<? extends RuntimeException> expected;

    BadTable(final int tableLength, final int offset, final int n,
             final Class<? extends RuntimeException> expected) {
        this.tableLength = tableLength;
        this.offset = offset;
        this.n = n;
        this.expected = expected;
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
     * @return the exception type the call must throw.
     */
    public Class<? extends RuntimeException> expected() {
        return expected;
    }
}
