package io.mempool.driver.stack;

/**
 * A bounded LIFO store of {@code long} handles: what the two stacks share, so one ops base serves both.
 * Sealed: the ops rely on the all-or-nothing contract below, which only these two classes are proven to
 * keep. Thread-safety is each implementation's: see {@link LongStack} and {@link LockFreeLongStack}.
 */
public sealed interface LifoLongStore permits LongStack, LockFreeLongStack {

    /**
     * Pushes {@code table[offset .. offset + n)}, all or none; a later pop returns
     * {@code table[offset + n - 1]} first.
     *
     * @param table  the handles.
     * @param offset the first slot of {@code table} read.
     * @param n      how many handles, {@code >= 0}; 0 succeeds and changes nothing.
     * @return true if all {@code n} were pushed; false if fewer than {@code n} slots are free, and then
     *     nothing was pushed.
     * @throws IllegalArgumentException  if {@code table} is null or {@code n} is negative.
     * @throws IndexOutOfBoundsException if the range lies outside {@code table}.
     */
    boolean push(long[] table, int offset, int n);

    /**
     * Pops {@code n} handles, newest first, into {@code table[offset .. offset + n)}, all or none.
     *
     * @param table  the table to fill.
     * @param offset the first slot of {@code table} written.
     * @param n      how many handles, {@code >= 0}; 0 succeeds and changes nothing.
     * @return true if all {@code n} were popped; false if fewer than {@code n} are present, and then
     *     nothing was taken and {@code table} was not written.
     * @throws IllegalArgumentException  if {@code table} is null or {@code n} is negative.
     * @throws IndexOutOfBoundsException if the range lies outside {@code table}.
     */
    boolean pop(long[] table, int offset, int n);

    /**
     * The number of handles in the stack. <b>Note:</b> it may lag while other threads push or pop,
     * but is exact when the stack is quiescent.
     *
     * @return the count, {@code 0..capacity()}.
     */
    int count();

    /**
     * @return how many handles the stack holds at most, exactly as asked at construction.
     */
    int capacity();
}
