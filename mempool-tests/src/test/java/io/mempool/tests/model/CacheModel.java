package io.mempool.tests.model;

import java.util.Arrays;

/**
 * The reference model of DPDK 26.07's cache algorithm ("gen C", DPDK-FACTS §1.4) in front of a
 * {@link StoreModel}, written from the facts rather than from {@code MempoolCache}: a stack of at most
 * {@code size} handles (index 0 the hottest), refill and flush moving {@code size/2}, requests beyond
 * {@code size/2} going straight to the store. A size of 0 models no cache: everything goes to the store.
 * One deliberate difference from DPDK (see {@code MempoolCache}): a bulk keeps its table order through
 * the cache instead of being reversed, the first object of a bulk put counting as its hottest.
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

    /** Put n: on top if it fits; else, if n <= size/2, flush the oldest size/2 first; else straight to the store. */
    void put(final long[] table, final int offset, final int n) {
        final long[] objs = Arrays.copyOfRange(table, offset, offset + n);
        if (held.length + n <= size) {
            held = concat(objs, held);
        } else if (n <= half) {
            enqueueOrFail(held, held.length - half, half);
            held = concat(objs, Arrays.copyOfRange(held, 0, held.length - half));
        } else {
            enqueueOrFail(objs, 0, n);
        }
    }

    /**
     * Get n: the top n if the cache holds n; else all it holds and the rest from the start of a refill of
     * size/2 (if the rest is at most size/2 and the refill succeeds; the refill's remainder stays), else
     * straight from the store; if that fails too, nothing changes and the table is not written.
     */
    boolean get(final long[] table, final int offset, final int n) {
        final int len = held.length;
        if (n <= len) {
            System.arraycopy(held, 0, table, offset, n);
            held = Arrays.copyOfRange(held, n, len);
            return true;
        }
        final int remaining = n - len;
        final long[] refill = new long[half];
        if (remaining <= half && store.dequeue(refill, 0, half)) {
            System.arraycopy(held, 0, table, offset, len);
            System.arraycopy(refill, 0, table, offset + len, remaining);
            held = Arrays.copyOfRange(refill, remaining, half);
            return true;
        }
        final long[] direct = new long[remaining];
        if (!store.dequeue(direct, 0, remaining)) {
            return false;
        }
        System.arraycopy(held, 0, table, offset, len);
        System.arraycopy(direct, 0, table, offset + len, remaining);
        held = new long[0];
        return true;
    }

    /** Flush: every held handle to the store, in stack order (hottest first). */
    void flush() {
        enqueueOrFail(held, 0, held.length);
        held = new long[0];
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
