package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A test fixture: a bounded FIFO store that records every call, so tests can see exactly what the pool
 * and its caches send to the store, and can make dequeues fail on demand.
 */
final class RecordingOps implements MempoolOps<RecordingOps.Store> {
    static final String NAME = "test_recording";
    static final RecordingOps INSTANCE = new RecordingOps();
    private static final Map<String, Store> STORES = new ConcurrentHashMap<>();

    static synchronized void ensureRegistered() {
        if (!MempoolOpsRegistry.names().contains(NAME)) {
            MempoolOpsRegistry.register(INSTANCE);
        }
    }

    static final class Store {
        final long[] slots;
        int head;
        int count;
        boolean failDequeues;
        /** When set, dequeues wait for it to open before they touch the store. */
        volatile CountDownLatch gate;
        /** Set when a dequeue waits at the gate. */
        final CountDownLatch atGate = new CountDownLatch(1);
        final List<String> calls = new ArrayList<>();
        /** The thread of each enqueue, in order. */
        final List<String> enqueuers = new ArrayList<>();

        Store(final int capacity) {
            slots = new long[capacity];
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The store of the named pool, for tests to look at. */
    static Store storeOf(final Mempool mp) {
        return STORES.get(mp.name());
    }

    @Override
    public Store alloc(final OpsConfig config) {
        final Store store = new Store(config.capacity());
        STORES.put(config.poolName(), store);
        return store;
    }

    @Override
    public synchronized boolean enqueue(final Store store, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        store.calls.add("enqueue " + n);
        store.enqueuers.add(Thread.currentThread().getName());
        if (n > store.slots.length - store.count) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            store.slots[(store.head + store.count++) % store.slots.length] = objs[offset + i];
        }
        return true;
    }

    @Override
    public boolean dequeue(final Store store, final long[] objs, final int offset, final int n) {
        final CountDownLatch gate = store.gate;
        if (gate != null) {
            store.atGate.countDown();
            try {
                gate.await();
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        return dequeueNow(store, objs, offset, n);
    }

    private synchronized boolean dequeueNow(final Store store, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        store.calls.add("dequeue " + n);
        if (store.failDequeues || n > store.count) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            objs[offset + i] = store.slots[store.head];
            store.head = (store.head + 1) % store.slots.length;
            store.count--;
        }
        return true;
    }

    @Override
    public synchronized int count(final Store store) {
        return store.count;
    }

    @Override
    public void free(final Store store) {
        store.calls.add("free");
        STORES.values().remove(store);
    }
}
