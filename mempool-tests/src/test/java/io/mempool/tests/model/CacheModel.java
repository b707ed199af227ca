package io.mempool.tests.model;

import java.util.Arrays;

/**
 * The reference model of DPDK 26.07's cache algorithm ("gen C", DPDK-FACTS §1.4) in front of a
 * {@link StoreModel}, written from the facts rather than from {@code MempoolCache}: a LIFO of at most
 * {@code size} handles (index 0 the oldest), refill and flush moving {@code size/2}, requests beyond
 * {@code size/2} going straight to the store. A size of 0 models no cache: everything goes to the store.
 */
final class CacheModel {
    private final StoreModel store;
    private final int size;
    private final int half;
    private long[] held = new long[0];

    CacheModel(final StoreModel store, final int size) {
        this.store = store;
        this.size = size;
        this.half = size / 2;
    }

    int length() {
        return held.length;
    }

    int storeCount() {
        return store.count();
    }

    /** Put n: append if it fits; else, if n <= size/2, flush the oldest size/2 first; else straight to the store. */
    void put(final long[] table, final int offset, final int n) {
        final long[] objs = Arrays.copyOfRange(table, offset, offset + n);
        if (held.length + n <= size) {
            held = concat(held, objs);
        } else if (n <= half) {
            enqueueOrFail(held, 0, half);
            held = concat(Arrays.copyOfRange(held, half, held.length), objs);
        } else {
            enqueueOrFail(objs, 0, n);
        }
    }

    /**
     * Get n: pop from the cache if it holds n; else take all it holds and the rest from a refill of
     * size/2 (if the rest is at most size/2 and the refill succeeds), else straight from the store; if
     * that fails too, nothing changes and the table is not written.
     */
    boolean get(final long[] table, final int offset, final int n) {
        final int len = held.length;
        if (n <= len) {
            popInto(table, offset, n);
            return true;
        }
        final int remaining = n - len;
        final long[] refill = new long[half];
        if (remaining <= half && store.dequeue(refill, 0, half)) {
            // the refill lands above the held ones; the rest is served from its top, newest first
            for (int i = 0; i < remaining; i++) {
                table[offset + len + i] = refill[half - 1 - i];
            }
            for (int i = 0; i < len; i++) {
                table[offset + i] = held[len - 1 - i];
            }
            held = Arrays.copyOfRange(refill, 0, half - remaining);
            return true;
        }
        final long[] direct = new long[remaining];
        if (!store.dequeue(direct, 0, remaining)) {
            return false;
        }
        System.arraycopy(direct, 0, table, offset + len, remaining);
        for (int i = 0; i < len; i++) {
            table[offset + i] = held[len - 1 - i];
        }
        held = new long[0];
        return true;
    }

    /** Flush: every held handle to the store, oldest first. */
    void flush() {
        enqueueOrFail(held, 0, held.length);
        held = new long[0];
    }

    private void popInto(final long[] table, final int offset, final int n) {
        final int len = held.length;
        for (int i = 0; i < n; i++) {
            table[offset + i] = held[len - 1 - i];
        }
        held = Arrays.copyOf(held, len - n);
    }

    private void enqueueOrFail(final long[] objs, final int offset, final int n) {
        if (!store.enqueue(objs, offset, n)) {
            throw new IllegalStateException("model: the store refused " + n + " handles; more puts than gets");
        }
    }

    private static long[] concat(final long[] a, final long[] b) {
        final long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Override
    public String toString() {
        return "cache" + Arrays.toString(held) + " store " + store;
    }
}
