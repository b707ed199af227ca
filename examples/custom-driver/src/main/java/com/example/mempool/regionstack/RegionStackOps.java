package com.example.mempool.regionstack;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;

/**
 * The {@code region_stack} ops: a {@link SpinLockLongStack} per pool, which can live in a memzone, so a
 * pool on it can be shared between processes ({@code MempoolBuilder.shared(true)}). A private pool's
 * stack is on the heap ({@link #alloc}); a shared pool's is in the pool's store memzone
 * ({@link #allocIn(OpsConfig, OffHeapRegion)} in the creator, {@link #attach(OpsConfig, OffHeapRegion)}
 * in every other process). It reaches that memory only through the {@link OffHeapRegion} the pool hands
 * it, so it needs nothing but {@code mempool-api}, and no JVM flag on any JDK.
 *
 * <p>Stateless and safe for any number of threads; the stores are safe for any number of producers and
 * consumers at once, in any number of processes, so {@link #requiredFlags()} keeps its default, empty. A
 * put of a handle happens-before the get that returns it. The store checks each call's arguments; the
 * ops delegate.
 */
public final class RegionStackOps implements MempoolOps<SpinLockLongStack> {
    /** The name this ops is selected by. */
    public static final String NAME = "region_stack";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public RegionStackOps() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc}
     *
     * <p>On the heap; the capacity is exactly {@code config.capacity()}.
     */
    @Override
    public SpinLockLongStack alloc(final OpsConfig config) {
        return SpinLockLongStack.onHeap(Checks.notNull("config", config).capacity());
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link SpinLockLongStackDescriptor#bytesFor}: the header's two blocks and one slot per object.
     */
    @Override
    public long memzoneBytes(final OpsConfig config) {
        final int capacity = Checks.notNull("config", config).capacity();
        return SpinLockLongStackDescriptor.bytesFor(SpinLockLongStackDescriptor.checkCapacity(capacity));
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link SpinLockLongStack#createIn} with the pool's capacity.
     */
    @Override
    public SpinLockLongStack allocIn(final OpsConfig config, final OffHeapRegion region) {
        return SpinLockLongStack.createIn(region, Checks.notNull("config", config).capacity());
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link SpinLockLongStack#attach}, then the stack found must have the pool's capacity.
     */
    @Override
    public SpinLockLongStack attach(final OpsConfig config, final OffHeapRegion region) {
        final int wanted = Checks.notNull("config", config).capacity();
        final SpinLockLongStack stack = SpinLockLongStack.attach(region);
        if (stack.capacity() != wanted) {
            throw new IllegalArgumentException(Checks.message("capacity", stack.capacity(),
                wanted + ", the capacity of pool " + config.poolName()));
        }
        return stack;
    }

    /**
     * {@inheritDoc}
     *
     * <p>For callers holding an address: the region of the live memzone that holds the range
     * ({@link OffHeapRegion#containing}). Without this override the default would say the store cannot
     * live in a memzone.
     */
    @Override
    public SpinLockLongStack allocIn(final OpsConfig config, final long address, final long length) {
        return allocIn(config, OffHeapRegion.containing(address, length));
    }

    /**
     * {@inheritDoc}
     *
     * <p>As {@link #allocIn(OpsConfig, long, long)}: through {@link OffHeapRegion#containing}.
     */
    @Override
    public SpinLockLongStack attach(final OpsConfig config, final long address, final long length) {
        return attach(config, OffHeapRegion.containing(address, length));
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link SpinLockLongStack#push}, which checks the arguments.
     */
    @Override
    public boolean enqueue(final SpinLockLongStack store, final long[] objs, final int offset, final int n) {
        return store.push(objs, offset, n);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link SpinLockLongStack#pop}, which checks the arguments.
     */
    @Override
    public boolean dequeue(final SpinLockLongStack store, final long[] objs, final int offset, final int n) {
        return store.pop(objs, offset, n);
    }

    /** {@inheritDoc} */
    @Override
    public int count(final SpinLockLongStack store) {
        return store.count();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Nothing to release: a heap stack is the GC's, and a stack in a region is the caller's memory,
     * which other views, in this process or others, go on using.
     */
    @Override
    public void free(final SpinLockLongStack store) {
        Checks.notNull("store", store);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
