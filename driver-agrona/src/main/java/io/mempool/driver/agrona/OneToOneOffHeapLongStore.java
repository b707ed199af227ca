package io.mempool.driver.agrona;

import static io.mempool.driver.agrona.AgronaStoreDescriptor.CACHED_CONSUMER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CACHED_PRODUCER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.ONE_TO_ONE_SLOT_LENGTH;

import io.mempool.api.Checks;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A bounded FIFO store of {@code long} handles for one producer thread and one consumer thread at a time,
 * with bulk all-or-nothing enqueue and dequeue, kept off-heap in an Agrona buffer
 * ({@link AgronaStoreDescriptor}, 8-byte slots). It backs the {@code agrona_sp_sc} ops. The name follows
 * Agrona's {@code OneToOneRingBuffer}: one producer to one consumer, off-heap, of {@code long}s.
 *
 * <p><b>Algorithm</b> (Lamport's ring with index caching, as Agrona's and JCTools' SPSC queues): two
 * free-running 64-bit indices on their own 128-byte lines; each side alone writes its index, so neither
 * side uses a CAS. The producer checks {@code head + n - tail <= capacity} against a private copy of the
 * consumer index kept on its own line, and reads the real consumer index only when that copy says "full";
 * it then writes the {@code n} handles with plain stores and publishes them all with one release store of
 * {@code head + n}. The consumer mirrors it with its copy of the producer index, reads the handles, and
 * returns the slots with one release store of {@code tail + n}. A failing call changes nothing, and a
 * failing dequeue writes nothing to the caller's table. <b>Why:</b> one release store per bulk call and
 * no shared line written by both sides is the least an SPSC handoff can cost.
 *
 * <p><b>Preemption.</b> No thread ever waits: a thread preempted mid-copy has not yet published, so the
 * other side sees the store as it was before the call (a consumer may see too few handles, a producer too
 * little room) and returns false rather than wait.
 *
 * <p><b>Count</b> is the producer index minus the consumer index (clamped to {@code 0..capacity}), read
 * consumer first from any thread: it counts published handles only. It may lag under concurrency and is
 * exact when neither side is inside a call.
 *
 * <p><b>Capacity</b> is exact: the store holds at most the capacity it was made with; slots are rounded up
 * to a power of two so a position's slot is a mask, never a division.
 *
 * <p><b>Thread safety:</b> at most one thread inside {@link #enqueue} and at most one inside
 * {@link #dequeue} at any time (they may differ between calls if the hand-over happens-before);
 * {@link #count()} from any thread. <b>Memory consistency effects:</b> actions of the producer before it
 * enqueues a handle happen-before actions of the consumer after a dequeue that returns it (the release of
 * the producer index pairs with the consumer's acquire of it). No heap object is made per handle.
 *
 * <p><b>Note:</b> two producers or two consumers at once corrupt the store silently; use
 * {@link ManyToManyOffHeapLongStore} when the promise cannot be kept.
 */
public final class OneToOneOffHeapLongStore extends OffHeapLongStore {
    /** log2 of {@link AgronaStoreDescriptor#ONE_TO_ONE_SLOT_LENGTH}. */
    private static final int SLOT_SHIFT = 3;

    /**
     * Makes an empty store in fresh off-heap memory.
     *
     * @param capacity how many handles it holds at most,
     *                 {@code 1..AgronaStoreDescriptor.maxCapacity(ONE_TO_ONE_SLOT_LENGTH)}.
     * @throws IllegalArgumentException if {@code capacity} is out of range.
     */
    public OneToOneOffHeapLongStore(final int capacity) {
        this(Region.own(capacity, ONE_TO_ONE_SLOT_LENGTH), true);
    }

    private OneToOneOffHeapLongStore(final Region region, final boolean format) {
        super(region, ONE_TO_ONE_SLOT_LENGTH, format);
        if (format) {
            publish(); // the slots need no initial state
        }
    }

    /**
     * Formats an empty store in a range the caller owns (the {@code agrona_sp_sc} ops' {@code allocIn}).
     * The one-producer, one-consumer promise then holds across every view and process.
     *
     * @param capacity how many handles it holds at most.
     * @param address  the range's start, non-zero and 8-byte aligned.
     * @param length   the range's length, at least {@link AgronaStoreDescriptor#bufferLength} of the store.
     * @return the store; its {@link #free()} leaves the memory alone.
     * @throws IllegalArgumentException if an argument is out of range; nothing is written then.
     */
    static OneToOneOffHeapLongStore createIn(final int capacity, final long address, final long length) {
        return new OneToOneOffHeapLongStore(Region.in(capacity, ONE_TO_ONE_SLOT_LENGTH, address, length), true);
    }

    /**
     * Opens a one-to-one store formatted in a range, by this process or another.
     *
     * @param address the range's start.
     * @param length  the range's length.
     * @return a view of the store, which shares everything (the index caches too) with its other views.
     * @throws IllegalArgumentException if the range is short or holds no one-to-one store of this layout.
     */
    static OneToOneOffHeapLongStore attach(final long address, final long length) {
        return new OneToOneOffHeapLongStore(Region.attached(ONE_TO_ONE_SLOT_LENGTH, address, length), false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only one producer thread at a time.
     */
    @Override
    public boolean enqueue(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        checkNotFreed();
        if (n == 0) {
            return true;
        }
        final UnsafeBuffer buffer = this.buffer;
        final long capacity = this.capacity;
        // plain: only this producer writes the producer index
        final long head = lpProducerIndex(buffer);
        final long limit = head + n - capacity; // room for n iff tail >= limit
        // plain: the cache is the producer's private copy
        if (lpCachedConsumerIndex(buffer) < limit) {
            // volatile: pairs with the consumer's release, so the slots it returned are read out
            final long tail = lvConsumerIndex(buffer);
            if (tail < limit) {
                return false; // no room for all n: nothing written
            }
            spCachedConsumerIndex(buffer, tail);
        }
        final int mask = this.mask;
        for (int i = 0; i < n; i++) {
            // plain: published by the release of the producer index below
            spSlot(buffer, slotOffset(head + i, mask), objs[offset + i]);
        }
        // release: the n handles, and all the producer did before, before the consumer can see them
        soProducerIndex(buffer, head + n);
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only one consumer thread at a time.
     */
    @Override
    public boolean dequeue(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        checkNotFreed();
        if (n == 0) {
            return true;
        }
        final UnsafeBuffer buffer = this.buffer;
        // plain: only this consumer writes the consumer index
        final long tail = lpConsumerIndex(buffer);
        final long limit = tail + n; // n handles present iff head >= limit
        // plain: the cache is the consumer's private copy
        if (lpCachedProducerIndex(buffer) < limit) {
            // volatile: pairs with the producer's release, so the handles it published are seen
            final long head = lvProducerIndex(buffer);
            if (head < limit) {
                return false; // fewer than n: nothing taken, objs untouched
            }
            spCachedProducerIndex(buffer, head);
        }
        final int mask = this.mask;
        for (int i = 0; i < n; i++) {
            // plain: ordered after the acquire of the producer index (now or at the cache's refresh)
            objs[offset + i] = lpSlot(buffer, slotOffset(tail + i, mask));
        }
        // release: the reads above complete before the producer may overwrite these slots
        soConsumerIndex(buffer, limit);
        return true;
    }

    private static int slotOffset(final long position, final int mask) {
        return AgronaStoreDescriptor.slotOffset(position, mask, SLOT_SHIFT);
    }

    private static long lpCachedConsumerIndex(final UnsafeBuffer buffer) {
        return buffer.getLong(CACHED_CONSUMER_INDEX_OFFSET);
    }

    private static void spCachedConsumerIndex(final UnsafeBuffer buffer, final long value) {
        buffer.putLong(CACHED_CONSUMER_INDEX_OFFSET, value);
    }

    private static long lpCachedProducerIndex(final UnsafeBuffer buffer) {
        return buffer.getLong(CACHED_PRODUCER_INDEX_OFFSET);
    }

    private static void spCachedProducerIndex(final UnsafeBuffer buffer, final long value) {
        buffer.putLong(CACHED_PRODUCER_INDEX_OFFSET, value);
    }
}
