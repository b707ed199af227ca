package io.mempool.tests;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

import java.util.Objects;

/**
 * A new driver author's first store, against {@code mempool-api} alone: a locked {@code long[]} LIFO that
 * checks its arguments the JDK's way ({@link Objects#requireNonNull}, {@link Objects#checkFromIndexSize}),
 * so a null table throws {@link NullPointerException} and a bad range {@link IndexOutOfBoundsException}.
 * The whole conformance kit passes on it unchanged ({@link JdkIdiomStoreConformanceTest}).
 */
final class JdkIdiomStoreOps implements MempoolOps<JdkIdiomStoreOps.Store> {
    static final String NAME = "jdk_locked_stack";

    /** The handles and how many there are, guarded by the store's monitor. */
    static final class Store {
        final long[] slots;
        int size;

        Store(final int capacity) {
            slots = new long[capacity];
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
        Objects.checkFromIndexSize(offset, n, Objects.requireNonNull(objs, "objs").length);
        synchronized (s) {
            if (n > s.slots.length - s.size) {
                return false;
            }
            System.arraycopy(objs, offset, s.slots, s.size, n);
            s.size += n;
            return true;
        }
    }

    @Override
    public boolean dequeue(final Store s, final long[] objs, final int offset, final int n) {
        Objects.checkFromIndexSize(offset, n, Objects.requireNonNull(objs, "objs").length);
        synchronized (s) {
            if (n > s.size) {
                return false;
            }
            s.size -= n;
            System.arraycopy(s.slots, s.size, objs, offset, n);
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
