package io.mempool.core;

/**
 * Called once per object, in populate order: by {@link MempoolBuilder#objectInit} and
 * {@link Mempool#objIter}.
 */
@FunctionalInterface
public interface ObjectVisitor {
    /**
     * @param mp    the pool.
     * @param obj   the object's handle.
     * @param index the object's index, {@code 0..size-1}.
     */
    void visit(Mempool mp, long obj, int index);
}
