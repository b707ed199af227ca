package io.mempool.tests;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import org.agrona.UnsafeApi;

import java.util.Objects;

/**
 * A test store that lives in a memzone and can be made to stop inside an enqueue: each side (enqueue,
 * dequeue) has a spinlock in shared memory, and with {@code -Dtest.wedge.enqueue=N} the N-th enqueue of a
 * process holds the enqueue lock and never returns. Killing that process leaves the lock held for good,
 * as a process killed between reserving and publishing ring slots leaves a lock-free ring: the other
 * side still works, this one waits forever.
 *
 * <p>Layout: enqueue lock at 0, dequeue lock at 64, count at 128, dequeue index at 192, enqueue index at
 * 256, then the slots.
 */
final class WedgingOps implements MempoolOps<WedgingOps.Store> {
    static final String NAME = "test_wedging";
    private static final int ENQUEUE_LOCK = 0;
    private static final int DEQUEUE_LOCK = 64;
    private static final int COUNT = 128;
    private static final int HEAD = 192;
    private static final int TAIL = 256;
    private static final int SLOTS = 320;
    private static final int WEDGE_AT = Integer.getInteger("test.wedge.enqueue", 0);
    private static int enqueues;

    /** A view of the store in its range. */
    record Store(long address, int capacity) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Store alloc(final OpsConfig config) {
        throw new UnsupportedOperationException(NAME + " lives in memzones only");
    }

    @Override
    public long memzoneBytes(final OpsConfig config) {
        return SLOTS + 8L * config.capacity();
    }

    @Override
    public Store allocIn(final OpsConfig config, final long address, final long length) {
        UnsafeApi.setMemory(address, length, (byte) 0);
        return new Store(address, config.capacity());
    }

    @Override
    public Store attach(final OpsConfig config, final long address, final long length) {
        return new Store(address, config.capacity());
    }

    @Override
    public boolean enqueue(final Store store, final long[] objs, final int offset, final int n) {
        Objects.checkFromIndexSize(offset, n, objs.length);
        lock(store.address() + ENQUEUE_LOCK);
        try {
            if (++enqueues == WEDGE_AT) {
                System.out.println("wedged");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE); // holding the lock, as a process killed mid-operation
            }
            if (UnsafeApi.getLongVolatile(null, store.address() + COUNT) + n > store.capacity()) {
                return false;
            }
            long tail = UnsafeApi.getLong(store.address() + TAIL);
            for (int i = 0; i < n; i++, tail++) {
                UnsafeApi.putLong(store.address() + SLOTS + 8 * (tail % store.capacity()), objs[offset + i]);
            }
            UnsafeApi.putLong(store.address() + TAIL, tail);
            UnsafeApi.getAndAddLong(null, store.address() + COUNT, n); // publishes the slots to the dequeue side
            return true;
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            UnsafeApi.putLongRelease(null, store.address() + ENQUEUE_LOCK, 0);
        }
    }

    @Override
    public boolean dequeue(final Store store, final long[] objs, final int offset, final int n) {
        Objects.checkFromIndexSize(offset, n, objs.length);
        lock(store.address() + DEQUEUE_LOCK);
        try {
            if (UnsafeApi.getLongVolatile(null, store.address() + COUNT) < n) {
                return false;
            }
            long head = UnsafeApi.getLong(store.address() + HEAD);
            for (int i = 0; i < n; i++, head++) {
                objs[offset + i] = UnsafeApi.getLong(store.address() + SLOTS + 8 * (head % store.capacity()));
            }
            UnsafeApi.putLong(store.address() + HEAD, head);
            UnsafeApi.getAndAddLong(null, store.address() + COUNT, -n); // frees the slots for the enqueue side
            return true;
        } finally {
            UnsafeApi.putLongRelease(null, store.address() + DEQUEUE_LOCK, 0);
        }
    }

    @Override
    public int count(final Store store) {
        return (int) UnsafeApi.getLongVolatile(null, store.address() + COUNT);
    }

    @Override
    public void free(final Store store) {
        // the memory is the memzone's
    }

    private static void lock(final long word) {
        while (!UnsafeApi.compareAndSetLong(null, word, 0, 1)) {
            Thread.onSpinWait();
        }
    }
}
