package io.mempool.driver.agrona;

import static io.mempool.driver.agrona.AgronaStoreDescriptor.ALIGNMENT;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CAPACITY_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CONSUMER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.PRODUCER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.SLOT_COUNT_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.SLOT_LENGTH_OFFSET;

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
 * <p><b>Note:</b> {@link #free()} releases the memory at once. A call on a freed store throws
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

    private final ByteBuffer memory;
    private final int length;
    private volatile int freed;

    OffHeapLongStore(final int capacity, final int slotLength) {
        final int slotCount = AgronaStoreDescriptor.checkCapacity(capacity, slotLength);
        this.capacity = capacity;
        this.mask = slotCount - 1;
        this.length = AgronaStoreDescriptor.bufferLength(slotCount, slotLength);
        // allocateDirectAligned returns a slice, which BufferUtil.free refuses: keep the parent to free it.
        this.memory = ByteBuffer.allocateDirect(length + ALIGNMENT);
        final int misalignment = (int) (BufferUtil.address(memory) & (ALIGNMENT - 1));
        final int start = misalignment == 0 ? 0 : ALIGNMENT - misalignment;
        this.buffer = new UnsafeBuffer(memory, start, length);
        buffer.verifyAlignment();
        // plain: written once, before the subclass's volatile store of the producer index publishes them
        buffer.putInt(CAPACITY_OFFSET, capacity);
        buffer.putInt(SLOT_COUNT_OFFSET, slotCount);
        buffer.putInt(SLOT_LENGTH_OFFSET, slotLength);
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
     * Releases the off-heap memory now rather than at garbage collection. Idempotent and safe from any
     * thread; see the class's <b>Note</b> on calls still running.
     */
    public void free() {
        // CAS: of racing callers exactly one releases the memory
        if (casFreed(0, 1)) {
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
