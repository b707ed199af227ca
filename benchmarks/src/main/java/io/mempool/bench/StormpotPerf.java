package io.mempool.bench;

import org.agrona.BufferUtil;
import org.openjdk.jmh.annotations.Param;
import stormpot.Allocator;
import stormpot.BasePoolable;
import stormpot.Expiration;
import stormpot.Pool;
import stormpot.PoolTap;
import stormpot.Slot;
import stormpot.Timeout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Peer: a Stormpot pool of poolables that each wrap a {@link Rounds#ELEMENT_SIZE}-byte direct buffer,
 * claimed through a thread-local tap ({@link Pool#getThreadLocalTap()}, one per benchmark thread: its
 * fastest path) with {@link PoolTap#tryClaim()}, released with {@link BasePoolable#release()}. Expiration
 * is off ({@link Expiration#never()}). The pool is built inline ({@link Pool#fromInline}): every object is
 * allocated by {@code build()}, and no background allocator thread competes for the cores; claim and
 * release are the same code as in the threaded mode. {@code leakDetection} switches Stormpot's precise
 * leak detector, its safety feature (a second column).
 */
public class StormpotPerf extends PoolPerf {
    private static final Timeout SHUTDOWN_TIMEOUT = new Timeout(1, TimeUnit.MINUTES);

    /** Stormpot's precise leak detection. */
    @Param({"false", "true"})
    public boolean leakDetection;

    private Pool<Slab> pool;
    private int size;

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        this.size = size;
        pool = Pool.fromInline(new SlabAllocator())
            .setSize(size)
            .setExpiration(Expiration.never())
            .setPreciseLeakDetectionEnabled(leakDetection)
            .build();
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new TapTable(pool.getThreadLocalTap(), slots);
    }

    /** {@inheritDoc} */
    @Override
    protected void close() {
        try {
            if (!pool.shutdown().await(SHUTDOWN_TIMEOUT)) {
                throw new IllegalStateException("stormpot: shutdown did not complete in " + SHUTDOWN_TIMEOUT);
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stormpot: interrupted in shutdown", ex);
        }
    }

    /** Claims every object the pool will hand out now, then releases them: the rest are out. */
    @Override
    long outstanding() {
        final PoolTap<Slab> tap = pool.getThreadLocalTap();
        final List<Slab> claimed = new ArrayList<>();
        Slab slab;
        while ((slab = tap.tryClaim()) != null) {
            claimed.add(slab);
        }
        claimed.forEach(Slab::release);
        return size - claimed.size();
    }

    /** What the pool hands out: a direct buffer, released through its slot. */
    static final class Slab extends BasePoolable {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(Rounds.ELEMENT_SIZE);

        Slab(final Slot slot) {
            super(slot);
        }
    }

    /** Makes slabs; the collector frees a deallocated slab's buffer. */
    private static final class SlabAllocator implements Allocator<Slab> {
        @Override
        public Slab allocate(final Slot slot) {
            return new Slab(slot);
        }

        @Override
        public void deallocate(final Slab poolable) {
            // the buffer goes with the slab, to the collector
        }
    }

    /** Claims through the thread's tap without waiting; all or none. */
    private static final class TapTable implements ThreadTable {
        private final PoolTap<Slab> tap;
        private final Slab[] objs;

        TapTable(final PoolTap<Slab> tap, final int slots) {
            this.tap = tap;
            this.objs = new Slab[slots];
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = 0; i < n; i++) {
                final Slab slab = tap.tryClaim();
                if (slab == null) {
                    put(offset, i);
                    return false;
                }
                objs[offset + i] = slab;
            }
            return true;
        }

        @Override
        public void write(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                objs[i].buffer.putLong(0, i);
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
            return objs[slot].buffer.getLong(0);
        }

        @Override
        public long address(final int slot) {
            return BufferUtil.address(objs[slot].buffer);
        }
    }
}
