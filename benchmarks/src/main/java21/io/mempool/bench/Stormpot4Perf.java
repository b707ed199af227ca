package io.mempool.bench;

import stormpot.Pool;
import stormpot.PoolTap;
import stormpot.Pooled;
import stormpot.Timeout;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Peer of the virtual-thread scenario ({@link VirtualThreadRun}): Stormpot 4's pool of preallocated
 * {@link Rounds#ELEMENT_SIZE}-byte direct buffers ({@link Pool#of}: no allocator thread, no expiration), claimed
 * through its virtual-thread-safe tap ({@link Pool#getVirtualThreadSafeTap()}: 128 stripes picked by thread id,
 * CAS claims, no thread-locals or locks) with {@link PoolTap#tryClaim()} and released with {@link Pooled#release()}.
 *
 * <p>Compiled for release 21 against Stormpot 4 (class files 65) and run only on JDK 21+, with Stormpot 4 on the
 * module path, where it hides the Stormpot 3.2 of the JDK 17 peers ({@link StormpotPerf}); never a JMH benchmark.
 * Thread safety as {@link PoolPerf}: the tap is shared, each table has one thread at a time.
 */
public class Stormpot4Perf extends PoolPerf {
    private static final Timeout SHUTDOWN_TIMEOUT = new Timeout(1, TimeUnit.MINUTES);

    private Pool<Pooled<ByteBuffer>> pool;
    private PoolTap<Pooled<ByteBuffer>> tap;

    /** {@inheritDoc} */
    @Override
    protected void open(final int size, final int threads) {
        final ByteBuffer[] buffers = new ByteBuffer[size];
        for (int i = 0; i < size; i++) {
            buffers[i] = ByteBuffer.allocateDirect(Rounds.ELEMENT_SIZE);
        }
        pool = Pool.of(buffers);
        tap = pool.getVirtualThreadSafeTap();
    }

    @Override
    ThreadTable newTable(final int slots) {
        return new TapTable(tap, slots);
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

    /** Claims through the shared virtual-thread-safe tap without waiting; all or none. */
    private static final class TapTable extends ByteBufferTable {
        private final PoolTap<Pooled<ByteBuffer>> tap;
        private final Pooled<?>[] claimed;

        TapTable(final PoolTap<Pooled<ByteBuffer>> tap, final int slots) {
            super(slots);
            this.tap = tap;
            this.claimed = new Pooled<?>[slots];
        }

        @Override
        public boolean get(final int offset, final int n) {
            for (int i = 0; i < n; i++) {
                final Pooled<ByteBuffer> one = tap.tryClaim();
                if (one == null) {
                    put(offset, i);
                    return false;
                }
                claimed[offset + i] = one;
                objs[offset + i] = one.getObject();
            }
            return true;
        }

        @Override
        public void put(final int offset, final int n) {
            for (int i = offset, end = offset + n; i < end; i++) {
                claimed[i].release();
            }
        }
    }
}
