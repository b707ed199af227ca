package io.mempool.bench;

/**
 * One benchmark thread's view of a pool: a table of {@code nKeep} slots, filled by bulk gets and
 * emptied by bulk puts, as in {@code test_mempool_perf}'s {@code obj_table}.
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
     * Puts back the {@code n} objects in slots {@code [offset, offset + n)}.
     *
     * @param offset the first slot.
     * @param n      how many.
     */
    void put(int offset, int n);

    /** Returns what this view holds (a user cache, say) to its pool; by default nothing. */
    @Override
    default void close() {
    }
}
