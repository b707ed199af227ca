package io.mempool.api;

/**
 * The one argument-checks helper of jmempool. Each check returns its argument, so it fits in an
 * expression, and fails with a message of the form {@code name: value (expected: range)}.
 *
 * <p>Every public entry point of the pool and of the bundled drivers checks all of its arguments
 * before it changes any state, so a rejected call changes nothing.
 *
 * <p><b>Supported API:</b> drivers, ours and third parties', use it so that their refusals read like the
 * pool's; its methods, exceptions and message shape are kept across versions.
 *
 * <p>Thread-safe: stateless.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Checks a bulk table argument: {@code objs} non-null, {@code offset >= 0}, {@code n >= 0} and
     * {@code offset + n <= objs.length}.
     *
     * @param objs   the table.
     * @param offset the first slot used.
     * @param n      how many slots are used.
     * @return {@code n}.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} is negative.
     * @throws IndexOutOfBoundsException if the range lies outside the table.
     */
    public static int checkTable(final long[] objs, final int offset, final int n) {
        if (objs == null) {
            throw new IllegalArgumentException("objs: null (expected: a long[] table)");
        }
        if (n < 0) {
            throw new IllegalArgumentException("n: " + n + " (expected: >= 0)");
        }
        if (n > objs.length) {
            throw new IndexOutOfBoundsException(
                "n: " + n + " (expected: 0.." + objs.length + ", the table's length)");
        }
        if (offset < 0 || offset > objs.length - n) {
            throw new IndexOutOfBoundsException(
                "offset: " + offset + " (expected: 0.." + (objs.length - n) + " for n " + n
                    + " in a table of length " + objs.length + ")");
        }
        return n;
    }

    /**
     * @param name  the argument's name.
     * @param value the argument.
     * @param min   the smallest value allowed.
     * @return {@code value}.
     * @throws IllegalArgumentException if {@code value < min}.
     */
    public static int atLeast(final String name, final int value, final int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
        }
        return value;
    }

    /**
     * @param name  the argument's name.
     * @param value the argument.
     * @param min   the smallest value allowed.
     * @param max   the largest value allowed.
     * @return {@code value}.
     * @throws IllegalArgumentException if {@code value} lies outside {@code min..max}.
     */
    public static int inRange(final String name, final int value, final int min, final int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + ".." + max + ")");
        }
        return value;
    }

    /**
     * @param name  the argument's name.
     * @param value the argument.
     * @param <T>   its type.
     * @return {@code value}.
     * @throws IllegalArgumentException if {@code value} is null.
     */
    public static <T> T notNull(final String name, final T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": null (expected: non-null)");
        }
        return value;
    }

    /**
     * A failure message in the helper's form, for checks too specific for the methods above.
     *
     * @param name     what was checked.
     * @param value    what it was.
     * @param expected what was allowed.
     * @return {@code name: value (expected: expected)}.
     */
    public static String message(final String name, final Object value, final String expected) {
        return name + ": " + value + " (expected: " + expected + ")";
    }
}
