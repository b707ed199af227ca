package io.mempool.tests;

import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;

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

    /** A view of the store in its region. */
    record Store(OffHeapRegion region, int capacity) {
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
    public Store allocIn(final OpsConfig config, final OffHeapRegion region) {
        region.fill(0, region.length(), (byte) 0);
        return new Store(region, config.capacity());
    }

    @Override
    public Store attach(final OpsConfig config, final OffHeapRegion region) {
        return new Store(region, config.capacity());
    }

    @Override
    public boolean enqueue(final Store store, final long[] objs, final int offset, final int n) {
        Objects.checkFromIndexSize(offset, n, objs.length);
        final OffHeapRegion r = store.region();
        lock(r, ENQUEUE_LOCK);
        try {
            if (++enqueues == WEDGE_AT) {
                System.out.println("wedged");
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE); // holding the lock, as a process killed mid-operation
            }
            if (r.getLongVolatile(COUNT) + n > store.capacity()) {
                return false;
            }
            long tail = r.getLong(TAIL);
            for (int i = 0; i < n; i++, tail++) {
                r.putLong(SLOTS + 8 * (tail % store.capacity()), objs[offset + i]);
            }
            r.putLong(TAIL, tail);
            r.getAndAddLong(COUNT, n); // publishes the slots to the dequeue side
            return true;
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            r.putLongRelease(ENQUEUE_LOCK, 0);
        }
    }

    @Override
    public boolean dequeue(final Store store, final long[] objs, final int offset, final int n) {
        Objects.checkFromIndexSize(offset, n, objs.length);
        final OffHeapRegion r = store.region();
        lock(r, DEQUEUE_LOCK);
        try {
            if (r.getLongVolatile(COUNT) < n) {
                return false;
            }
            long head = r.getLong(HEAD);
            for (int i = 0; i < n; i++, head++) {
                objs[offset + i] = r.getLong(SLOTS + 8 * (head % store.capacity()));
            }
            r.putLong(HEAD, head);
            r.getAndAddLong(COUNT, -n); // frees the slots for the enqueue side
            return true;
        } finally {
            r.putLongRelease(DEQUEUE_LOCK, 0);
        }
    }

    @Override
    public int count(final Store store) {
        return (int) store.region().getLongVolatile(COUNT);
    }

    @Override
    public void free(final Store store) {
        // the memory is the memzone's
    }

    private static void lock(final OffHeapRegion region, final long word) {
        while (!region.compareAndSetLong(word, 0, 1)) { // CAS: one holder per side
            Thread.onSpinWait();
        }
    }
}
