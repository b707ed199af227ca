package io.mempool.testkit;

import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;

/**
 * One store (or, in a memzone, one view of a store) of an ops under test, with the store's type captured,
 * so the SPI rules call the ops without wildcard juggling. Not thread-safe beyond what the store itself
 * promises.
 *
 * @param <S> the store type.
 */
final class RawStore<S> implements AutoCloseable {
    private final MempoolOps<S> ops;
    private final S store;
    private boolean freed;

    private RawStore(final MempoolOps<S> ops, final S store) {
        this.ops = ops;
        this.store = store;
    }

    static RawStore<?> alloc(final MempoolOps<?> ops, final OpsConfig config) {
        return allocTyped(ops, config);
    }

    private static <S> RawStore<S> allocTyped(final MempoolOps<S> ops, final OpsConfig config) {
        return new RawStore<>(ops, ops.alloc(config));
    }

    /** {@code ops.allocIn}: a new store in the region, as the pool makes one. */
    static RawStore<?> allocIn(final MempoolOps<?> ops, final OpsConfig config, final OffHeapRegion region) {
        return allocInTyped(ops, config, region);
    }

    private static <S> RawStore<S> allocInTyped(final MempoolOps<S> ops, final OpsConfig config, final OffHeapRegion region) {
        return new RawStore<>(ops, ops.allocIn(config, region));
    }

    /** {@code ops.attach}: another view of the store in the region. */
    static RawStore<?> attach(final MempoolOps<?> ops, final OpsConfig config, final OffHeapRegion region) {
        return attachTyped(ops, config, region);
    }

    private static <S> RawStore<S> attachTyped(final MempoolOps<S> ops, final OpsConfig config, final OffHeapRegion region) {
        return new RawStore<>(ops, ops.attach(config, region));
    }

    boolean enqueue(final long[] objs, final int offset, final int n) {
        return ops.enqueue(store, objs, offset, n);
    }

    boolean dequeue(final long[] objs, final int offset, final int n) {
        return ops.dequeue(store, objs, offset, n);
    }

    int count() {
        return ops.count(store);
    }

    int contigBlockSize() {
        return ops.contigBlockSize(store);
    }

    boolean dequeueContigBlocks(final long[] firsts, final int offset, final int n) {
        return ops.dequeueContigBlocks(store, firsts, offset, n);
    }

    /** Frees the store once; later calls do nothing, so a test may free early and still close. */
    @Override
    public void close() {
        if (!freed) {
            freed = true;
            ops.free(store);
        }
    }
}
