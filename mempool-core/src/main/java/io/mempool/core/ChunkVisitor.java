package io.mempool.core;

/**
 * Called once per memory chunk by {@link Mempool#memIter}.
 */
@FunctionalInterface
public interface ChunkVisitor {
    /**
     * @param mp    the pool.
     * @param chunk the chunk's address and length.
     * @param index the chunk's index, in allocation order.
     */
    void visit(Mempool mp, MemoryChunk chunk, int index);
}
