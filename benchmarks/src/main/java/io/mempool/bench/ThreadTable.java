package io.mempool.bench;

/**
 * One benchmark thread's view of a pool: a table of {@code nKeep} slots, filled by bulk gets and
 * emptied by bulk puts, as in {@code test_mempool_perf}'s {@code obj_table}. Between the two, every
 * object got is used: {@link #write} stores one long into it, so no pool can hand out something a user
 * could not write to.
 *
 * <p><b>Thread safety:</b> one thread at a time; the benchmark's setup hands it to its thread through
 * JMH's iteration start, which happens-before the thread's first call.
 */
interface ThreadTable extends AutoCloseable {
    /**
     * Gets {@code n} objects into slots {@code [offset, offset + n)}, all or none.
     *
     * @param offset the first slot.
     * @param n      how many.
     * @return false if the pool could not hand out {@code n} objects; then it handed out none.
     */
    boolean get(int offset, int n);

    /**
     * Writes one long, the slot's index, at the start of each object in slots {@code [offset, offset + n)},
     * through the API a user of that pool would write with.
     *
     * @param offset the first slot.
     * @param n      how many.
     */
    void write(int offset, int n);

    /**
     * Puts back the {@code n} objects in slots {@code [offset, offset + n)}.
     *
     * @param offset the first slot.
     * @param n      how many.
     */
    void put(int offset, int n);

    /**
     * Off the measured path, for tests: the long at the start of the object in a slot.
     *
     * @param slot a slot holding an object got and written.
     * @return the long {@link #write} stored there.
     */
    long read(int slot);

    /**
     * Off the measured path, for tests: where the object in a slot lives, so that a test can tell whether
     * the pool hands the same memory out again.
     *
     * @param slot a slot holding an object.
     * @return the address of the object's first byte.
     */
    long address(int slot);

    /** Returns what this view holds (a user cache, say) to its pool; by default nothing. */
    @Override
    default void close() {
    }
}
