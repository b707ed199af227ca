package io.mempool.bench;

import org.agrona.BufferUtil;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bare Java floor: {@code test_mempool_perf}'s loop on the least a cached pool of off-heap blocks can
 * be in Java: a {@link FloorCache} of {@link Rounds#CACHE_SIZE} per thread (DPDK 26.07's refill and flush,
 * {@code System.arraycopy}, no checks, no lookup) in front of a {@link FloorStack} of preallocated handles,
 * the addresses of {@link Rounds#ELEMENT_SIZE}-byte off-heap elements laid out as DPDK and jmempool lay
 * them, a {@value #HEADER}-byte header before each (a bare 2048-byte stride would put every object on two
 * cache sets and make the floor slower than it need be). Each object got takes one long at its
 * address, as in the jmempool cells ({@link Rounds#write}). Not a pool anyone should use (it trusts every handle); the
 * distance from jmempool's cached cells to this one is what the library costs on this machine and JDK.
 */
public class FloorPerf extends PoolPerf {
    /** Elements per direct buffer: 34 MB each, so any pool size fits in {@code int}-sized buffers. */
    private static final int ELEMENTS_PER_CHUNK = 16384;
    private static final int ALIGNMENT = 64;
    private static final int HEADER = 64;
    private static final int STRIDE = HEADER + Rounds.ELEMENT_SIZE;

    private final List<ByteBuffer> chunks = new ArrayList<>();
    private FloorStack store;
    private int size;

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        this.size = size;
        store = new FloorStack(size);
        final long[] batch = new long[ELEMENTS_PER_CHUNK];
        for (int first = 0; first < size; first += ELEMENTS_PER_CHUNK) {
            final int n = Math.min(ELEMENTS_PER_CHUNK, size - first);
            // not allocateDirectAligned: its slice could not be freed at close
            final ByteBuffer chunk = ByteBuffer.allocateDirect(n * STRIDE + ALIGNMENT - 1);
            chunks.add(chunk);
            final long base = (BufferUtil.address(chunk) + ALIGNMENT - 1 + HEADER) & -ALIGNMENT;
            for (int i = 0; i < n; i++) {
                batch[i] = base + (long) i * STRIDE;
            }
            store.push(batch, 0, n);
        }
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new FloorTable(new FloorCache(store, Rounds.CACHE_SIZE), slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        for (final ByteBuffer chunk : chunks) {
            BufferUtil.free(chunk);
        }
        chunks.clear();
        store = null;
    }

    @Override
    long outstanding() {
        return size - store.count();
    }

    /** Gets and puts through the thread's cache; its close gives the cache back to the store. */
    private static final class FloorTable extends HandleTable {
        private final FloorCache cache;

        FloorTable(final FloorCache cache, final int slots) {
            super(slots);
            this.cache = cache;
        }

        @Override
        public boolean get(final int offset, final int n) {
            return cache.get(objs, offset, n);
        }

        @Override
        public void put(final int offset, final int n) {
            cache.put(objs, offset, n);
        }

        @Override
        public void close() {
            cache.flush();
        }
    }
}
