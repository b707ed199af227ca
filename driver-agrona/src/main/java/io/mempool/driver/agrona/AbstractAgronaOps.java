package io.mempool.driver.agrona;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

import java.util.Set;

/**
 * The shared base of the {@code agrona_*} providers: each store is an {@link OffHeapLongStore} sized to
 * exactly {@link OpsConfig#capacity()}, in memory of its own ({@link #alloc}) or in a memzone
 * ({@link #allocIn}, {@link #attach}). The pool's flags and params are not read: the shape is fixed by
 * the ops, and {@link #requiredFlags()} states its promises. Every store needs Agrona's JVM flag; without
 * it, {@link #alloc}, {@link #allocIn} and {@link #attach} throw an {@link IllegalStateException} naming it.
 *
 * <p>The drivers' one shape: name and promises are fixed at construction, {@link #newStore} makes the
 * store, and every SPI method delegates to the store's own public method, which checks its arguments:
 * one check per call.
 *
 * <p><b>Thread safety:</b> a provider is stateless and may be called by any thread; each store's own
 * contract says how many threads may enqueue and dequeue at once. <b>Memory consistency effects:</b>
 * actions before an enqueue of a handle happen-before actions after a dequeue that returns it.
 *
 * @param <S> the store type.
 */
abstract class AbstractAgronaOps<S extends OffHeapLongStore> implements MempoolOps<S> {
    private final String name;
    private final Set<MempoolFlag> requiredFlags;
    private final int slotLength;

    AbstractAgronaOps(final String name, final Set<MempoolFlag> requiredFlags, final int slotLength) {
        this.name = name;
        this.requiredFlags = Set.copyOf(requiredFlags);
        this.slotLength = slotLength;
    }

    /**
     * Makes the store.
     *
     * @param config the pool's config, already checked non-null.
     * @return a new, empty store of exactly {@code config.capacity()} handles.
     * @throws IllegalArgumentException if the capacity is beyond the store's limit.
     */
    abstract S newStore(OpsConfig config);

    /**
     * Formats a store in a range the caller owns.
     *
     * @param config  the pool's config, already checked non-null.
     * @param address the range's start.
     * @param length  the range's length.
     * @return a new, empty store of exactly {@code config.capacity()} handles.
     * @throws IllegalArgumentException if the capacity, address or length is out of range.
     */
    abstract S newStoreIn(OpsConfig config, long address, long length);

    /**
     * Opens a store formatted in a range.
     *
     * @param address the range's start.
     * @param length  the range's length.
     * @return a view of the store.
     * @throws IllegalArgumentException if the range holds no store of this shape.
     */
    abstract S attachStore(long address, long length);

    /** {@inheritDoc} */
    @Override
    public final String name() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public final Set<MempoolFlag> requiredFlags() {
        return requiredFlags;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store holds exactly {@code config.capacity()} handles, in off-heap memory released by
     * {@link #free}.
     */
    @Override
    public final S alloc(final OpsConfig config) {
        Checks.notNull("config", config);
        AgronaAccess.check(name);
        return newStore(config);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store's whole buffer: {@link AgronaStoreDescriptor}'s header and its slots.
     */
    @Override
    public final long memzoneBytes(final OpsConfig config) {
        final int capacity = Checks.notNull("config", config).capacity();
        return AgronaStoreDescriptor.bufferLength(AgronaStoreDescriptor.checkCapacity(capacity, slotLength), slotLength);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store {@link #alloc} makes, formatted in the range instead of memory of its own.
     */
    @Override
    public final S allocIn(final OpsConfig config, final long address, final long length) {
        Checks.notNull("config", config);
        AgronaAccess.check(name);
        return newStoreIn(config, address, length);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The header must show this ops' store shape (slot length), this layout and the config's capacity.
     */
    @Override
    public final S attach(final OpsConfig config, final long address, final long length) {
        final int capacity = Checks.notNull("config", config).capacity();
        AgronaAccess.check(name);
        final S store = attachStore(address, length);
        if (store.capacity() != capacity) {
            throw new IllegalArgumentException(Checks.message("capacity", store.capacity(),
                capacity + ", the config's (" + name + " stores hold exactly their capacity)"));
        }
        return store;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link OffHeapLongStore#enqueue}, which checks the arguments.
     */
    @Override
    public final boolean enqueue(final S store, final long[] objs, final int offset, final int n) {
        return store.enqueue(objs, offset, n);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link OffHeapLongStore#dequeue}, which checks the arguments.
     */
    @Override
    public final boolean dequeue(final S store, final long[] objs, final int offset, final int n) {
        return store.dequeue(objs, offset, n);
    }

    /** {@inheritDoc} */
    @Override
    public final int count(final S store) {
        return store.count();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Idempotent; later calls on the store throw {@link IllegalStateException}. Releases the store's own
     * memory; a store from {@link #allocIn} or {@link #attach} leaves the range, and its other views, alone.
     */
    @Override
    public final void free(final S store) {
        store.free();
    }

    /**
     * @return the ops name.
     */
    @Override
    public final String toString() {
        return name;
    }
}
