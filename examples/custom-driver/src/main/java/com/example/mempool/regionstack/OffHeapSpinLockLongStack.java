package com.example.mempool.regionstack;

import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.CAPACITY_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.HEADER_LENGTH;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.LAYOUT_VERSION;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.LOCK_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.MAGIC;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.MAGIC_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.SLOT_LENGTH;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.TOP_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.VERSION_OFFSET;

import io.mempool.api.Checks;
import io.mempool.api.OffHeapRegion;

/**
 * A {@link SpinLockLongStack} in off-heap memory the caller owns, laid out by
 * {@link SpinLockLongStackDescriptor}: every word is read and written through an {@link OffHeapRegion}
 * (bounds-checked, no JVM flag on any JDK), with the same memory orders as the heap form's VarHandle.
 * This object holds only the region, sliced to exactly the stack, and the capacity read from the
 * header, so any number of views, in any processes, are the same stack.
 *
 * <p>Thread safety and memory effects: see {@link SpinLockLongStack}; they hold across processes that
 * map the same memory.
 */
final class OffHeapSpinLockLongStack extends SpinLockLongStack {
    private final OffHeapRegion region;

    private OffHeapSpinLockLongStack(final OffHeapRegion region, final int capacity) {
        super(capacity);
        this.region = region;
    }

    /** Writes a new, empty stack; the caller checked the capacity and the alignment, and sliced the region to it. */
    static SpinLockLongStack format(final OffHeapRegion region, final int capacity) {
        // volatile: a view attaching while an old stack here is overwritten sees no magic, not half a header
        region.putLongVolatile(MAGIC_OFFSET, 0L);
        region.putInt(VERSION_OFFSET, LAYOUT_VERSION); // plain: the magic's release publishes them
        region.putInt(CAPACITY_OFFSET, capacity);
        region.putLong(LOCK_OFFSET, FREE);
        region.putLong(TOP_OFFSET, 0L);
        // release: a view that reads the magic with acquire sees the whole header above
        region.putLongRelease(MAGIC_OFFSET, MAGIC);
        return new OffHeapSpinLockLongStack(region, capacity);
    }

    /** Opens the stack after checking every header word; the caller checked the alignment and the header's length. */
    static SpinLockLongStack open(final OffHeapRegion region) {
        // acquire: pairs with createIn's release, so the words read below are the creator's
        final long magic = region.getLongAcquire(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new IllegalArgumentException(Checks.message("magic", "0x" + Long.toHexString(magic),
                "0x" + Long.toHexString(MAGIC) + ", a SpinLockLongStack made by createIn"));
        }
        final int version = region.getInt(VERSION_OFFSET);
        if (version != LAYOUT_VERSION) {
            throw new IllegalArgumentException(Checks.message("layout version", version, String.valueOf(LAYOUT_VERSION)));
        }
        final int capacity = SpinLockLongStackDescriptor.checkCapacity(region.getInt(CAPACITY_OFFSET));
        final long bytes = SpinLockLongStackDescriptor.bytesFor(capacity);
        SpinLockLongStackDescriptor.checkLength(region.length(), bytes, "a stack of capacity " + capacity);
        // volatile: other views may hold the lock and move the top right now; any of their values is sound
        final long lock = region.getLongVolatile(LOCK_OFFSET);
        if (lock != FREE && lock != HELD) {
            throw new IllegalArgumentException(Checks.message("lock word", lock, FREE + " (free) or " + HELD + " (held)"));
        }
        final long top = region.getLongVolatile(TOP_OFFSET);
        if (top < 0 || top > capacity) {
            throw new IllegalArgumentException(Checks.message("top", top, "0.." + capacity + ", the capacity"));
        }
        // the view covers exactly the stack, so no access can reach past its slots
        return new OffHeapSpinLockLongStack(region.slice(0, bytes), capacity);
    }

    @Override
    String where() {
        return "off-heap at 0x" + Long.toHexString(region.address());
    }

    @Override
    long lvLock() {
        return region.getLongVolatile(LOCK_OFFSET);
    }

    @Override
    boolean casLock(final long expect, final long update) {
        return region.compareAndSetLong(LOCK_OFFSET, expect, update);
    }

    @Override
    void soLock(final long value) {
        region.putLongRelease(LOCK_OFFSET, value);
    }

    @Override
    long lpTop() {
        return region.getLong(TOP_OFFSET);
    }

    @Override
    long lvTop() {
        return region.getLongVolatile(TOP_OFFSET);
    }

    @Override
    void soTop(final long value) {
        region.putLongRelease(TOP_OFFSET, value);
    }

    @Override
    void copyIn(final long slot, final long[] table, final int offset, final int n) {
        region.putLongs(HEADER_LENGTH + slot * SLOT_LENGTH, table, offset, n);
    }

    @Override
    void copyOut(final long slot, final long[] table, final int offset, final int n) {
        region.getLongs(HEADER_LENGTH + slot * SLOT_LENGTH, table, offset, n);
    }
}
