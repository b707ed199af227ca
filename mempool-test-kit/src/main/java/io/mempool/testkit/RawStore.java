package io.mempool.testkit;

import io.mempool.api.ElementGeometry;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.api.PopulateCallback;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One store (or, in a memzone, one view of a store) of an ops under test, with the store's type captured,
 * so the SPI rules call the ops without wildcard juggling. A store that places its objects itself is
 * populated first and reached through {@link PlacedHandles}, which maps the rules' handles onto its
 * objects; arguments a store must refuse reach it unchanged. Not thread-safe beyond what the store itself
 * promises, and not at all for a store that places its objects.
 *
 * @param <S> the store type.
 */
final class RawStore<S> implements AutoCloseable {
    private final MempoolOps<S> ops;
    private final S store;
    /** The kit's handles on the objects of a store that places them; null for any other store. */
    private final PlacedHandles placed;
    /** The stride of the placed objects, for the objects of a contiguous block; 0 for any other store. */
    private final int stride;
    private boolean freed;

    private RawStore(final MempoolOps<S> ops, final S store) {
        this(ops, store, null, 0);
    }

    private RawStore(final MempoolOps<S> ops, final S store, final PlacedHandles placed, final int stride) {
        this.ops = ops;
        this.store = store;
        this.placed = placed;
        this.stride = stride;
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

    /**
     * A store that places its objects, populated in {@code region} (sized by its calcMemSize for the whole
     * capacity) as the pool would (the callback enqueues each object), then drained, so it starts empty.
     */
    static RawStore<?> populated(final MempoolOps<?> ops, final OpsConfig config, final OffHeapRegion region,
                                 final ElementGeometry geometry) {
        return populatedTyped(ops, config, region, geometry);
    }

    private static <S> RawStore<S> populatedTyped(final MempoolOps<S> ops, final OpsConfig config, final OffHeapRegion region,
                                                  final ElementGeometry geometry) {
        final S store = ops.alloc(config);
        final List<Long> objects = new ArrayList<>();
        final int n = config.capacity();
        final int placed = ops.populate(store, n, region, geometry, obj -> {
            objects.add(obj);
            assertTrue(ops.enqueue(store, new long[] {obj}, 0, 1), "the enqueue of placed object #" + objects.size()
                + " from the populate callback was refused");
        });
        assertEquals(n, placed, "populate of " + n + " objects into the " + region.length() + " bytes calcMemSize asked for");
        assertEquals(n, objects.size(), "callbacks of a populate that returned " + placed);
        assertEquals(n, ops.count(store), "count once populate placed " + n + " objects");
        final long[] all = new long[n];
        assertTrue(ops.dequeue(store, all, 0, n), "dequeue of every placed object after populate");
        assertArrayEquals(StoreTables.sorted(objects.stream().mapToLong(Long::longValue).toArray()),
            StoreTables.sorted(all, 0, n), "the objects taken back after populate are the ones placed");
        return new RawStore<>(ops, store, new PlacedHandles(all), geometry.totalSize());
    }

    /** Whether a table argument is one the store must accept, so the kit may map its handles. */
    private static boolean sound(final long[] objs, final int offset, final int n) {
        return objs != null && n >= 0 && offset >= 0 && offset <= objs.length - n;
    }

    boolean enqueue(final long[] objs, final int offset, final int n) {
        if (placed == null || !sound(objs, offset, n)) {
            return ops.enqueue(store, objs, offset, n);
        }
        final long[] mapped = placed.map(objs, offset, n);
        if (mapped == null) {
            return false; // the store holds its own objects only, and every one is in it or handed out
        }
        boolean taken = false;
        try {
            taken = ops.enqueue(store, mapped, offset, n);
            return taken;
        } finally {
            if (!taken) {
                placed.unmap(mapped, offset, n);
            }
        }
    }

    boolean dequeue(final long[] objs, final int offset, final int n) {
        if (placed == null || !sound(objs, offset, n)) {
            return ops.dequeue(store, objs, offset, n);
        }
        final long[] out = objs.clone(); // whatever the store writes anywhere in it reaches the rule
        final boolean taken = ops.dequeue(store, out, offset, n);
        if (taken) {
            for (int i = offset; i < offset + n; i++) {
                out[i] = placed.handedOut(out[i]);
            }
        }
        System.arraycopy(out, 0, objs, 0, objs.length);
        return taken;
    }

    int count() {
        return ops.count(store);
    }

    /** {@code ops.populate} on this store, as it is: for the placement rules. */
    int populate(final int maxObjects, final OffHeapRegion region, final ElementGeometry geometry,
                 final PopulateCallback callback) {
        return ops.populate(store, maxObjects, region, geometry, callback);
    }

    int contigBlockSize() {
        return ops.contigBlockSize(store);
    }

    boolean dequeueContigBlocks(final long[] firsts, final int offset, final int n) {
        if (placed == null || !sound(firsts, offset, n)) {
            return ops.dequeueContigBlocks(store, firsts, offset, n);
        }
        final long[] out = firsts.clone();
        final boolean taken = ops.dequeueContigBlocks(store, out, offset, n);
        if (taken) {
            final int blockSize = ops.contigBlockSize(store);
            for (int b = offset; b < offset + n; b++) {
                final long first = out[b];
                for (int k = blockSize - 1; k >= 0; k--) {
                    final long obj = first + (long) k * stride;
                    assertTrue(placed.inStore(obj), "dequeueContigBlocks handed out 0x" + Long.toHexString(obj)
                        + ", object " + k + " of the block at 0x" + Long.toHexString(first) + ", which was not in the store");
                    out[b] = placed.handedOut(obj); // k == 0 last: the first object's kit handle stays
                }
            }
        }
        System.arraycopy(out, 0, firsts, 0, firsts.length);
        return taken;
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
