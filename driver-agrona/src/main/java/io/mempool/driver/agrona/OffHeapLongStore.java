package io.mempool.driver.agrona;

import static io.mempool.driver.agrona.AgronaStoreDescriptor.ALIGNMENT;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CACHED_CONSUMER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CACHED_PRODUCER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CAPACITY_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CONSUMER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.HEADER_LENGTH;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.LAYOUT_VERSION;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.MAGIC;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.MAGIC_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.PRODUCER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.SLOT_COUNT_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.SLOT_LENGTH_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.VERSION_OFFSET;

import io.mempool.api.Checks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A bounded store of {@code long} handles whose slots and counters live off-heap, in one Agrona
 * {@link UnsafeBuffer} over {@link AgronaStoreDescriptor#ALIGNMENT}-aligned direct memory laid out by
 * {@link AgronaStoreDescriptor}. Enqueue and dequeue are all-or-nothing and FIFO; the store holds exactly
 * {@link #capacity()} handles and adds no heap object per handle.
 *
 * <p><b>Thread safety</b> is the subclass's shape: {@link ManyToManyOffHeapLongStore} takes any number of
 * producers and consumers, {@link OneToOneOffHeapLongStore} one of each at a time. {@link #count()} and
 * {@link #free()} may be called by any thread.
 *
 * <p><b>Memory consistency effects:</b> actions of a thread before it enqueues a handle happen-before
 * actions of the thread after a dequeue that returns that handle.
 *
 * <p><b>Memory.</b> A store made by its constructor owns aligned direct memory, which {@link #free()}
 * releases. A store made in a memzone (the ops' {@code allocIn}) or opened there ({@code attach}) lives in
 * memory the caller owns: {@link #free()} then only retires this view, and other views, in this process or
 * another, keep working. The buffer starts with a magic and a layout version, written last when a store
 * is formatted, which {@code attach} checks with the rest of the metadata before it trusts any of it.
 *
 * <p><b>Note:</b> {@link #free()} releases owned memory at once. A call on a freed store throws
 * {@link IllegalStateException}, but a call still running in another thread while the store is freed reads
 * released memory: the caller frees a store only when no other thread uses it.
 */
public abstract sealed class OffHeapLongStore permits ManyToManyOffHeapLongStore, OneToOneOffHeapLongStore {
    /** Spins on a slot before each wait starts yielding the core to the thread that owns the slot. */
    static final int SPINS_BEFORE_YIELD = 128;

    /** The aligned view of {@link #memory} holding header and slots. */
    final UnsafeBuffer buffer;
    /** How many handles the store holds at most: exactly the requested capacity. */
    final int capacity;
    /** {@code slotCount - 1}; the slot count is a power of two. */
    final int mask;

    /** The direct memory this store owns and frees; null when the memory is the caller's (a memzone). */
    private final ByteBuffer memory;
    private final int length;
    private volatile int freed;

    /**
     * Where a store's bytes are: its own aligned direct memory, or a range the caller owns.
     *
     * @param buffer   the view of exactly the store's bytes.
     * @param owned    the memory to free with the store, or null.
     * @param capacity the store's capacity, asked for or read from a checked header.
     */
    record Region(UnsafeBuffer buffer, ByteBuffer owned, int capacity) {
        /** Fresh aligned direct memory for a new store; the capacity is checked first. */
        static Region own(final int capacity, final int slotLength) {
            final int length = AgronaStoreDescriptor.bufferLength(
                AgronaStoreDescriptor.checkCapacity(capacity, slotLength), slotLength);
            // allocateDirectAligned returns a slice, which BufferUtil.free refuses: keep the parent to free it.
            final ByteBuffer memory = ByteBuffer.allocateDirect(length + ALIGNMENT);
            final int misalignment = (int) (BufferUtil.address(memory) & (ALIGNMENT - 1));
            final int start = misalignment == 0 ? 0 : ALIGNMENT - misalignment;
            return new Region(new UnsafeBuffer(memory, start, length), memory, capacity);
        }

        /** A range of the caller's for a new store: capacity, address and length checked before any write. */
        static Region in(final int capacity, final int slotLength, final long address, final long length) {
            final int needed = AgronaStoreDescriptor.bufferLength(
                AgronaStoreDescriptor.checkCapacity(capacity, slotLength), slotLength);
            checkRange(address, length, needed, "AgronaStoreDescriptor.bufferLength for capacity " + capacity);
            return new Region(new UnsafeBuffer(address, needed), null, capacity);
        }

        /** The range of an existing store of this shape: every metadata field checked before it is trusted. */
        static Region attached(final int slotLength, final long address, final long length) {
            checkRange(address, length, HEADER_LENGTH, "a store's header");
            final UnsafeBuffer header = new UnsafeBuffer(address, HEADER_LENGTH);
            // acquire: pairs with the formatting's release, so the fields read below are the creator's
            final long magic = header.getLongAcquire(MAGIC_OFFSET);
            if (magic != MAGIC) {
                throw new IllegalArgumentException(Checks.message("magic", "0x" + Long.toHexString(magic),
                    "0x" + Long.toHexString(MAGIC) + ", a store made by allocIn"));
            }
            expect("layout version", header.getInt(VERSION_OFFSET), LAYOUT_VERSION);
            expect("slot length", header.getInt(SLOT_LENGTH_OFFSET), slotLength);
            final int capacity = Checks.inRange("capacity", header.getInt(CAPACITY_OFFSET), 1,
                AgronaStoreDescriptor.maxCapacity(slotLength));
            final int slotCount = AgronaStoreDescriptor.checkCapacity(capacity, slotLength);
            expect("slot count", header.getInt(SLOT_COUNT_OFFSET), slotCount);
            final int needed = AgronaStoreDescriptor.bufferLength(slotCount, slotLength);
            checkRange(address, length, needed, slotCount + " slots of " + slotLength + " bytes");
            return new Region(new UnsafeBuffer(address, needed), null, capacity);
        }

        private static void checkRange(final long address, final long length, final long needed, final String why) {
            if (address == 0 || (address & (Long.BYTES - 1)) != 0) {
                throw new IllegalArgumentException(Checks.message("address", "0x" + Long.toHexString(address),
                    "non-zero and 8-byte aligned"));
            }
            if (length < needed) {
                throw new IllegalArgumentException(Checks.message("length", length, ">= " + needed + ", " + why));
            }
        }

        private static void expect(final String name, final int found, final int expected) {
            if (found != expected) {
                throw new IllegalArgumentException(Checks.message(name, found, String.valueOf(expected)));
            }
        }
    }

    /**
     * Takes a region; formats it as an empty store unless it was attached. A subclass that formats then
     * writes its slots' initial state and calls {@link #publish()}.
     */
    OffHeapLongStore(final Region region, final int slotLength, final boolean format) {
        this.buffer = region.buffer();
        this.memory = region.owned();
        this.capacity = region.capacity();
        this.length = buffer.capacity();
        final int slotCount = AgronaStoreDescriptor.checkCapacity(capacity, slotLength);
        this.mask = slotCount - 1;
        buffer.verifyAlignment();
        if (format) {
            // volatile: a view attaching while an old store here is overwritten sees no magic, not half a store
            buffer.putLongVolatile(MAGIC_OFFSET, 0L);
            // plain: published by the subclass's volatile store of the producer index and the magic's release
            buffer.putInt(VERSION_OFFSET, LAYOUT_VERSION);
            buffer.putInt(CAPACITY_OFFSET, capacity);
            buffer.putInt(SLOT_COUNT_OFFSET, slotCount);
            buffer.putInt(SLOT_LENGTH_OFFSET, slotLength);
            buffer.putLong(CACHED_CONSUMER_INDEX_OFFSET, 0L); // a memzone may hold an old store's bytes
            buffer.putLong(CACHED_PRODUCER_INDEX_OFFSET, 0L);
            buffer.putLong(CONSUMER_INDEX_OFFSET, 0L);
        }
    }

    /** The last step of formatting: the zeroed indices, then the magic that lets views attach. */
    final void publish() {
        // volatile: orders the formatting before any thread's first read of an index
        svProducerIndex(buffer, 0L);
        // release: a view that reads the magic with acquire sees the whole formatted store
        buffer.putLongRelease(MAGIC_OFFSET, MAGIC);
    }

    /**
     * Adds {@code objs[offset .. offset + n)} in order, all or none.
     *
     * @param objs   the handles.
     * @param offset the first slot of {@code objs} read.
     * @param n      how many handles, {@code >= 0}; 0 succeeds and changes nothing.
     * @return true if all {@code n} were added; false if there is no room for all, and nothing was added.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} is negative.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the store was freed.
     */
    public abstract boolean enqueue(long[] objs, int offset, int n);

    /**
     * Takes the {@code n} oldest handles into {@code objs[offset .. offset + n)}, all or none.
     *
     * @param objs   the table to fill.
     * @param offset the first slot of {@code objs} written.
     * @param n      how many handles, {@code >= 0}; 0 succeeds and changes nothing.
     * @return true if all {@code n} were taken; false if fewer are present, and then nothing was taken and
     *     {@code objs} was not written.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} is negative.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}.
     * @throws IllegalStateException     if the store was freed.
     */
    public abstract boolean dequeue(long[] objs, int offset, int n);

    /**
     * The number of handles in the store: claimed producer positions minus claimed consumer positions,
     * clamped to {@code 0..capacity()}. Safe from any thread. <b>Note:</b> under concurrency it may lag,
     * and it counts an enqueue from its claim and a dequeue from its claim (before their copies finish);
     * it is exact when no thread is inside an enqueue or dequeue.
     *
     * @return the count, {@code 0..capacity()}.
     * @throws IllegalStateException if the store was freed.
     */
    public int count() {
        checkNotFreed();
        final UnsafeBuffer buffer = this.buffer;
        // consumer first: the producer index read after it is never older, and [consumer <= producer]
        final long tail = lvConsumerIndex(buffer);
        final long head = lvProducerIndex(buffer);
        return (int) Math.min(head - tail, capacity);
    }

    /**
     * @return how many handles the store holds at most: exactly the capacity it was made with.
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Releases owned off-heap memory now rather than at garbage collection; retires a memzone view without
     * touching the memory, which other views keep using. Idempotent and safe from any thread; see the
     * class's <b>Note</b> on calls still running.
     */
    public void free() {
        // CAS: of racing callers exactly one releases the memory
        if (casFreed(0, 1) && memory != null) {
            BufferUtil.free(memory);
        }
    }

    /**
     * @return whether {@link #free()} has been called.
     */
    public boolean isFreed() {
        return lvFreed() != 0;
    }

    /**
     * @return the buffer's length in bytes, header and slots (the allocation adds up to
     *     {@link AgronaStoreDescriptor#ALIGNMENT} bytes for alignment).
     */
    public int bufferLength() {
        return length;
    }

    /**
     * Throws if the store was freed; hot paths call it first.
     *
     * @throws IllegalStateException if the store was freed.
     */
    final void checkNotFreed() {
        // plain: freeing concurrently with a call is the caller's bug (class Note); this catches later calls
        if (lpFreed() != 0) {
            throw new IllegalStateException(getClass().getSimpleName() + ": freed (expected: a live store)");
        }
    }

    /**
     * Waits until a slot's word reaches {@code expected}: spins, then yields so that the thread that owns
     * the slot, perhaps preempted in the middle of its copy, gets a core to finish on.
     */
    static void awaitSlot(final UnsafeBuffer buffer, final int offset, final long expected) {
        int spins = 0;
        // acquire: pairs with the owner's release of the slot
        while (laSlot(buffer, offset) != expected) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    static long lvProducerIndex(final UnsafeBuffer buffer) {
        return buffer.getLongVolatile(PRODUCER_INDEX_OFFSET);
    }

    static long lpProducerIndex(final UnsafeBuffer buffer) {
        return buffer.getLong(PRODUCER_INDEX_OFFSET);
    }

    static void soProducerIndex(final UnsafeBuffer buffer, final long value) {
        buffer.putLongRelease(PRODUCER_INDEX_OFFSET, value);
    }

    static void svProducerIndex(final UnsafeBuffer buffer, final long value) {
        buffer.putLongVolatile(PRODUCER_INDEX_OFFSET, value);
    }

    static boolean casProducerIndex(final UnsafeBuffer buffer, final long expected, final long value) {
        return buffer.compareAndSetLong(PRODUCER_INDEX_OFFSET, expected, value);
    }

    static long lvConsumerIndex(final UnsafeBuffer buffer) {
        return buffer.getLongVolatile(CONSUMER_INDEX_OFFSET);
    }

    static long lpConsumerIndex(final UnsafeBuffer buffer) {
        return buffer.getLong(CONSUMER_INDEX_OFFSET);
    }

    static void soConsumerIndex(final UnsafeBuffer buffer, final long value) {
        buffer.putLongRelease(CONSUMER_INDEX_OFFSET, value);
    }

    static boolean casConsumerIndex(final UnsafeBuffer buffer, final long expected, final long value) {
        return buffer.compareAndSetLong(CONSUMER_INDEX_OFFSET, expected, value);
    }

    static long laSlot(final UnsafeBuffer buffer, final int offset) {
        return buffer.getLongAcquire(offset);
    }

    static long lpSlot(final UnsafeBuffer buffer, final int offset) {
        return buffer.getLong(offset);
    }

    static void soSlot(final UnsafeBuffer buffer, final int offset, final long value) {
        buffer.putLongRelease(offset, value);
    }

    static void spSlot(final UnsafeBuffer buffer, final int offset, final long value) {
        buffer.putLong(offset, value);
    }

    private int lpFreed() {
        return (int) FREED.get(this);
    }

    private int lvFreed() {
        return (int) FREED.getVolatile(this);
    }

    private boolean casFreed(final int expected, final int value) {
        return FREED.compareAndSet(this, expected, value);
    }

    private static final VarHandle FREED;

    static {
        try {
            FREED = MethodHandles.lookup().findVarHandle(OffHeapLongStore.class, "freed", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
