package io.mempool.tests;

import io.mempool.api.Checks;
import io.mempool.api.ElementGeometry;
import io.mempool.api.MemoryNeed;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.api.PopulateCallback;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A store that places its objects itself, in runs of 4 adjacent elements at the start of each block of
 * memory aligned to its size (as DPDK's bucket driver, in small), whole runs as its contiguous blocks, with
 * one deliberate bug, for {@link KitCatchesBrokenStoresTest}: the placement rules of the conformance kit
 * must fail on each. {@link Bug#NONE} is the correct store, the baseline. Only ever registered in a child JVM.
 */
final class BrokenPlacingOps implements MempoolOps<BrokenPlacingOps.Store> {
    private static final int RUN = 4;

    /** The bugs, one per store. */
    enum Bug {
        /** No bug. */
        NONE,
        /** calcMemSize gives no need, but populate places objects anyway. */
        POPULATE_WITHOUT_NEED,
        /** calcMemSize asks for half the bytes the objects take. */
        NEED_TOO_SMALL,
        /** The second object of every run lies over the first. */
        OVERLAPPING,
        /** The runs start one element before the region. */
        BEFORE_THE_REGION,
        /** populate places every object that fits, whatever maxObjects says. */
        IGNORES_MAX_OBJECTS,
        /** populate catches what the callback throws and goes on. */
        SWALLOWS_FAILURE,
        /** dequeueContigBlocks hands out runs without checking their objects are in the store. */
        ABSENT_BLOCKS,
        /** A dequeueContigBlocks that finds too few runs keeps those it took. */
        PARTIAL_BLOCKS
    }

    /** One store: its placed runs and the objects in it, guarded by its monitor. */
    static final class Store {
        final int capacity;
        final Set<Long> present = new LinkedHashSet<>();
        final List<Long> runs = new ArrayList<>();
        int placed;
        int stride;

        Store(final int capacity) {
            this.capacity = capacity;
        }
    }

    private final Bug bug;

    BrokenPlacingOps(final Bug bug) {
        this.bug = bug;
    }

    static String nameOf(final Bug bug) {
        return "placing_" + bug.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return nameOf(bug);
    }

    @Override
    public Store alloc(final OpsConfig config) {
        return new Store(Checks.atLeast("capacity", config.capacity(), 1));
    }

    private static int blockBytes(final ElementGeometry geometry) {
        return Integer.highestOneBit(RUN * geometry.totalSize() * 2 - 1);
    }

    @Override
    public MemoryNeed calcMemSize(final OpsConfig config, final int n, final ElementGeometry geometry) {
        if (bug == Bug.POPULATE_WITHOUT_NEED) {
            return null;
        }
        final int block = blockBytes(geometry);
        final long bytes = (long) ((n + RUN - 1) / RUN) * block;
        return new MemoryNeed(bug == Bug.NEED_TOO_SMALL ? Math.max(block, bytes / 2) : bytes, block, block);
    }

    @Override
    public int populate(final Store store, final int maxObjects, final OffHeapRegion region, final ElementGeometry geometry,
                        final PopulateCallback callback) {
        final int block = blockBytes(geometry);
        long start = (region.address() + block - 1) & -(long) block;
        if (bug == Bug.BEFORE_THE_REGION) {
            start -= geometry.totalSize();
        }
        final long fit = (region.address() + region.length() - start) / block * RUN;
        final int want = bug == Bug.IGNORES_MAX_OBJECTS ? store.capacity - store.placed : maxObjects;
        final int objects = (int) Math.min(Math.min(want, store.capacity - store.placed), fit);
        synchronized (store) {
            store.stride = geometry.totalSize();
        }
        for (int i = 0; i < objects; i++) {
            final int slot = bug == Bug.OVERLAPPING && i % RUN == 1 ? 0 : i % RUN;
            final long obj = start + (long) (i / RUN) * block + (long) slot * geometry.totalSize() + geometry.headerSize();
            if (i % RUN == 0 && i + RUN <= objects) {
                synchronized (store) {
                    store.runs.add(obj);
                }
            }
            try {
                callback.object(obj);
            } catch (final RuntimeException ex) {
                if (bug != Bug.SWALLOWS_FAILURE) {
                    throw ex;
                }
            }
        }
        store.placed += objects;
        return objects;
    }

    @Override
    public boolean enqueue(final Store store, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        synchronized (store) {
            for (int i = offset; i < offset + n; i++) {
                store.present.add(objs[i]);
            }
        }
        return true;
    }

    @Override
    public boolean dequeue(final Store store, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        synchronized (store) {
            if (store.present.size() < n) {
                return false;
            }
            final Iterator<Long> it = store.present.iterator();
            for (int i = offset; i < offset + n; i++) {
                objs[i] = it.next();
                it.remove();
            }
            return true;
        }
    }

    @Override
    public int count(final Store store) {
        synchronized (store) {
            return store.present.size();
        }
    }

    @Override
    public void free(final Store store) {
        // on the heap
    }

    @Override
    public int contigBlockSize(final Store store) {
        return RUN;
    }

    @Override
    public boolean dequeueContigBlocks(final Store store, final long[] firsts, final int offset, final int n) {
        Checks.checkTable(firsts, offset, n);
        synchronized (store) {
            final List<Long> taken = new ArrayList<>();
            for (final long first : store.runs) {
                if (taken.size() < n && (bug == Bug.ABSENT_BLOCKS || whole(store, first))) {
                    taken.add(first);
                    for (int k = 0; k < RUN; k++) {
                        store.present.remove(first + (long) k * store.stride);
                    }
                }
            }
            if (taken.size() < n) {
                if (bug != Bug.PARTIAL_BLOCKS) {
                    for (final long first : taken) {
                        for (int k = 0; k < RUN; k++) {
                            store.present.add(first + (long) k * store.stride);
                        }
                    }
                }
                return false;
            }
            for (int b = 0; b < n; b++) {
                firsts[offset + b] = taken.get(b);
            }
            return true;
        }
    }

    private static boolean whole(final Store store, final long first) {
        for (int k = 0; k < RUN; k++) {
            if (!store.present.contains(first + (long) k * store.stride)) {
                return false;
            }
        }
        return true;
    }
}
