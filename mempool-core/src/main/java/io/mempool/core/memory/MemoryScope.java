package io.mempool.core.memory;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Owns off-heap memory for as long as a pool (or a memzone of its own) lives, and frees all of it at
 * once: an {@code Arena} on JDK 22+, a list of direct and mapped buffers before. Every byte of off-heap
 * memory core uses is reserved through one: a pool holds at most two, one for what its creation reserves
 * (private data, a shared header) and one for what population reserves (elements, store), never one per
 * object.
 *
 * <p><b>Thread safety:</b> every method may be called from any thread. {@link #close()} frees the memory:
 * on JDK 22+ a later access through any region or view of it throws {@link IllegalStateException}; on
 * JDK 17 to 21 it is undefined, so the pool frees nothing a call can still reach.
 */
public interface MemoryScope extends AutoCloseable {

    /**
     * Reserves zeroed memory.
     *
     * @param length the bytes, {@code 1..}{@link MemoryChecks#MAX_LENGTH}.
     * @param align  the alignment of the first byte, a power of two up to {@link MemoryChecks#MAX_ALIGN}.
     * @return the region, registered for {@link io.mempool.api.OffHeapRegion#containing} until the scope closes.
     * @throws OutOfMemoryError      if the memory cannot be had (the message names the JVM's limit).
     * @throws IllegalStateException if the scope is closed.
     */
    NativeRegion allocate(long length, int align);

    /**
     * Maps {@code [0, length)} of a file read-write, shared with every process that maps it.
     *
     * @param channel a channel open for reading and writing; the mapping outlives it.
     * @param length  the bytes, {@code 1..}{@link MemoryChecks#MAX_LENGTH}.
     * @return the region over the mapping, registered until the scope closes.
     * @throws IOException           if the mapping fails (no huge pages left, say).
     * @throws IllegalStateException if the scope is closed.
     */
    NativeRegion map(FileChannel channel, long length) throws IOException;

    /**
     * Frees every region of this scope and forgets them. Idempotent.
     *
     * @throws IllegalStateException if memory of the scope stays in use by an I/O operation on one of its
     *     views for longer than the close waits; the memory is then left allocated.
     */
    @Override
    void close();

    /** @return whether {@link #close()} has run. */
    boolean isClosed();
}
