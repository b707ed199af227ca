package io.mempool.bench;

/**
 * The floor's per-thread cache: a bare {@code long[]} LIFO with DPDK 26.07's cache algorithm (DPDK-FACTS
 * §1.4, gen C) and nothing else: no argument, handle or state check, no thread lookup, no statistics,
 * {@code System.arraycopy} for every move but a single object's (a plain load or store: a one-element
 * arraycopy costs more, and a floor must not). Size {@code size}; a refill takes {@code size/2} from the store,
 * a flush gives it the oldest {@code size/2}; a get whose shortfall exceeds {@code size/2}, or a put of more
 * than {@code size/2} that does not fit, goes straight to the store.
 *
 * <p><b>Thread safety:</b> one owner thread at a time, as a jmempool cache.
 */
final class FloorCache {
    private final FloorStack store;
    private final int size;
    private final int half;
    /** {@code objs[0, len)}, the hottest last; room for {@code size + size/2} so a refill always fits. */
    private final long[] objs;
    private int len;

    /**
     * @param store the store behind it.
     * @param size  its size, {@code 2..512}.
     */
    FloorCache(final FloorStack store, final int size) {
        this.store = store;
        this.size = size;
        this.half = size / 2;
        this.objs = new long[size + half];
    }

    /**
     * Gets {@code n} objects, all or none.
     *
     * @param tbl where they go.
     * @param off the first slot.
     * @param n   how many.
     * @return false if the store could not make up the shortfall; then nothing was handed out.
     */
    boolean get(final long[] tbl, final int off, final int n) {
        final long[] cached = objs;
        final int l = len;
        if (n <= l) {
            final int t = l - n;
            if (n == 1) {
                tbl[off] = cached[t];
            } else {
                System.arraycopy(cached, t, tbl, off, n);
            }
            len = t;
            return true;
        }
        final int remaining = n - l;
        if (remaining <= half && store.pop(cached, l, half)) {
            // the refill lands on top; the n hottest go out and len ends at half - remaining
            final int t = l + half - n;
            System.arraycopy(cached, t, tbl, off, n);
            len = t;
            return true;
        }
        if (!store.pop(tbl, off + l, remaining)) {
            return false; // the cache unchanged
        }
        System.arraycopy(cached, 0, tbl, off, l);
        len = 0;
        return true;
    }

    /**
     * Puts {@code n} objects back.
     *
     * @param tbl the objects.
     * @param off the first slot.
     * @param n   how many.
     */
    void put(final long[] tbl, final int off, final int n) {
        final long[] cached = objs;
        final int l = len;
        if (n <= size - l) {
            if (n == 1) {
                cached[l] = tbl[off];
            } else {
                System.arraycopy(tbl, off, cached, l, n);
            }
            len = l + n;
        } else if (n <= half) {
            store.push(cached, 0, half); // the oldest half: the coldest objects leave
            final int kept = l - half;
            System.arraycopy(cached, half, cached, 0, kept);
            System.arraycopy(tbl, off, cached, kept, n);
            len = kept + n;
        } else {
            store.push(tbl, off, n);
        }
    }

    /** Gives every cached object back to the store. */
    void flush() {
        store.push(objs, 0, len);
        len = 0;
    }

    /** @return the objects it holds. */
    int length() {
        return len;
    }
}
