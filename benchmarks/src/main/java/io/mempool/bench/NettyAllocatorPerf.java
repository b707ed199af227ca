package io.mempool.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.agrona.BufferUtil;
import org.openjdk.jmh.annotations.Fork;

/**
 * A Netty allocator as a pool: a get allocates a {@link Rounds#ELEMENT_SIZE}-byte direct {@link ByteBuf},
 * written with {@link ByteBuf#setLong(int, long)}; a put releases it. Subclasses pick the allocator. Gets
 * never fail: an allocator makes memory when it has none pooled. Under JMH the benchmark threads are
 * Netty's {@code FastThreadLocalThread}s ({@link FastThreadExecutor}), where Netty pools its buffer objects.
 */
@Fork(value = 1, jvmArgsAppend = {PoolPerf.ADD_EXPORTS, PoolPerf.ADD_OPENS, PoolPerf.NETTY_REFLECTION, PoolPerf.QUIET_SLF4J,
    "-Djmh.executor=CUSTOM", "-Djmh.executor.class=io.mempool.bench.FastThreadExecutor"})
public abstract class NettyAllocatorPerf extends PoolPerf {
    private ByteBufAllocator allocator;

    /** @return the allocator, with its thread caches on for every thread (not only Netty's event loops). */
    protected abstract ByteBufAllocator newAllocator();

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        allocator = newAllocator();
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new AllocatorTable(allocator, slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        allocator = null;
    }

    /** A get allocates, a put releases. */
    private static final class AllocatorTable implements ThreadTable {
        private final ByteBufAllocator allocator;
        private final ByteBuf[] objs;

        AllocatorTable(final ByteBufAllocator allocator, final int slots) {
            this.allocator = allocator;
            this.objs = new ByteBuf[slots];
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i] = allocator.directBuffer(Rounds.ELEMENT_SIZE, Rounds.ELEMENT_SIZE);
            }
            return true;
        }

        @Override
        public void write(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].setLong(0, i);
            }
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].release();
            }
        }

        @Override
        public long read(final int slot) {
            return objs[slot].getLong(0);
        }

        @Override
        public long address(final int slot) {
            final ByteBuf buf = objs[slot];
            return buf.hasMemoryAddress() ? buf.memoryAddress() : BufferUtil.address(buf.nioBuffer(0, Long.BYTES));
        }
    }
}
