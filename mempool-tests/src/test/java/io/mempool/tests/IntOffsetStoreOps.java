package io.mempool.tests;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

/**
 * A handle-translating driver (docs/architecture.md: objects): each store keeps {@code handle - base} in 32 bits, half the
 * memory of a {@code long[]}, where the base is the first handle it was ever given, and hands back
 * {@code base + offset}, exactly what it was given. A handle more than 2 GiB from the base is refused
 * with {@link IllegalArgumentException}, nothing enqueued. A pool's handles always fit (one chunk is at
 * most 1 GiB); the kit's synthetic handles span the whole {@code long} range and do not, so its
 * conformance test passes handles of real pool memory through the kit's {@code handles(int)} hook.
 */
final class IntOffsetStoreOps implements MempoolOps<IntOffsetStoreOps.Store> {
    static final String NAME = "int_offset_stack";

    /** The offsets, how many there are and the base, guarded by the store's monitor. */
    static final class Store {
        final int[] offsets;
        int size;
        long base;
        boolean based;

        Store(final int capacity) {
            offsets = new int[capacity];
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Store alloc(final OpsConfig config) {
        return new Store(config.capacity());
    }

    @Override
    public boolean enqueue(final Store s, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        synchronized (s) {
            if (n > s.offsets.length - s.size) {
                return false;
            }
            final long base = s.based || n == 0 ? s.base : objs[offset];
            for (int i = offset; i < offset + n; i++) { // every handle fits before any is stored
                final long distance = objs[i] - base;
                if (distance != (int) distance) {
                    throw new IllegalArgumentException(Checks.message("objs[" + i + "]", "0x" + Long.toHexString(objs[i]),
                        "within 2 GiB of 0x" + Long.toHexString(base) + ", this store's first handle"));
                }
            }
            s.base = base;
            s.based |= n > 0;
            for (int i = 0; i < n; i++) {
                s.offsets[s.size++] = (int) (objs[offset + i] - base);
            }
            return true;
        }
    }

    @Override
    public boolean dequeue(final Store s, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        synchronized (s) {
            if (n > s.size) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                objs[offset + i] = s.base + s.offsets[--s.size];
            }
            return true;
        }
    }

    @Override
    public int count(final Store s) {
        synchronized (s) {
            return s.size;
        }
    }

    @Override
    public void free(final Store s) {
        // on the heap: nothing to release
    }
}
