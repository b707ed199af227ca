package io.mempool.core;

import io.mempool.api.ElementGeometry;
import io.mempool.api.MemoryNeed;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.api.PopulateCallback;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A test fixture: a store that places the objects itself, as DPDK's bucket driver does, in runs of
 * {@code run} adjacent elements at the start of each block of memory aligned to its size (the smallest
 * power of two that holds a run); whole runs are its contiguous blocks. Its objects sit in a set under a
 * lock. Params: {@code run} (default 4); {@code fault} to misbehave: {@code overlap}, {@code irregular},
 * {@code outside}, {@code miscount}; {@code layout=pool} to ask for aligned memory but leave the layout to
 * the pool (populate returns -1).
 */
final class PlacingOps implements MempoolOps<PlacingOps.Store> {
    static final String NAME = "test_placing";

    static synchronized void ensureRegistered() {
        if (!MempoolOpsRegistry.names().contains(NAME)) {
            MempoolOpsRegistry.register(new PlacingOps());
        }
    }

    static final class Store {
        final int capacity;
        final int run;
        final String fault;
        final boolean poolLayout;
        final Set<Long> present = new LinkedHashSet<>();
        final List<Long> runFirsts = new ArrayList<>();
        int placed;
        int stride;

        Store(final OpsConfig config) {
            capacity = config.capacity();
            run = config.intParam("run", 4);
            fault = config.params().getOrDefault("fault", "");
            poolLayout = "pool".equals(config.params().get("layout"));
        }
    }

    static int blockBytes(final int run, final ElementGeometry geometry) {
        return Integer.highestOneBit(run * geometry.totalSize() * 2 - 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Store alloc(final OpsConfig config) {
        return new Store(config);
    }

    @Override
    public synchronized boolean enqueue(final Store store, final long[] objs, final int offset, final int n) {
        for (int i = offset; i < offset + n; i++) {
            store.present.add(objs[i]);
        }
        return true;
    }

    @Override
    public synchronized boolean dequeue(final Store store, final long[] objs, final int offset, final int n) {
        if (store.present.size() < n) {
            return false;
        }
        final var it = store.present.iterator();
        for (int i = offset; i < offset + n; i++) {
            objs[i] = it.next();
            it.remove();
        }
        return true;
    }

    @Override
    public synchronized int count(final Store store) {
        return store.present.size();
    }

    @Override
    public void free(final Store store) {
        // on the heap
    }

    @Override
    public MemoryNeed calcMemSize(final OpsConfig config, final int n, final ElementGeometry geometry) {
        final int run = config.intParam("run", 4);
        final int block = blockBytes(run, geometry);
        return new MemoryNeed((long) ((n + run - 1) / run) * block, block, block);
    }

    @Override
    public int populate(final Store store, final int maxObjects, final OffHeapRegion region, final ElementGeometry geometry,
                        final PopulateCallback callback) {
        if (store.poolLayout) {
            return -1;
        }
        store.stride = geometry.totalSize();
        final int block = blockBytes(store.run, geometry);
        final long start = (region.address() + block - 1) & -(long) block;
        final long runs = (region.address() + region.length() - start) / block;
        final int objects = (int) Math.min(Math.min(maxObjects, store.capacity - store.placed), runs * store.run);
        for (int i = 0; i < objects; i++) {
            long obj = start + (long) (i / store.run) * block + (long) (i % store.run) * geometry.totalSize()
                + geometry.headerSize();
            if (i == 1 && store.fault.equals("overlap")) {
                obj -= geometry.totalSize();
            } else if (i == 2 * store.run && store.fault.equals("irregular")) {
                obj += block;
            } else if (i == 0 && store.fault.equals("outside")) {
                obj = region.address() - geometry.totalSize();
            }
            if (i % store.run == 0 && i + store.run <= objects) {
                store.runFirsts.add(obj);
            }
            callback.object(obj);
        }
        store.placed += objects;
        return store.fault.equals("miscount") ? objects + 1 : objects;
    }

    @Override
    public int contigBlockSize(final Store store) {
        return store.run;
    }

    @Override
    public synchronized boolean dequeueContigBlocks(final Store store, final long[] firsts, final int offset, final int n) {
        final List<Long> whole = new ArrayList<>();
        for (final long first : store.runFirsts) {
            boolean all = true;
            for (int k = 0; k < store.run && all; k++) {
                all = store.present.contains(first + (long) k * store.stride);
            }
            if (all && whole.size() < n) {
                whole.add(first);
            }
        }
        if (whole.size() < n) {
            return false;
        }
        for (int b = 0; b < n; b++) {
            firsts[offset + b] = whole.get(b);
            for (int k = 0; k < store.run; k++) {
                store.present.remove(whole.get(b) + (long) k * store.stride);
            }
        }
        return true;
    }
}
