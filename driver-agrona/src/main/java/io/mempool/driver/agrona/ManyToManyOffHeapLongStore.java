package io.mempool.driver.agrona;

import static io.mempool.driver.agrona.AgronaStoreDescriptor.HANDLE_IN_SLOT;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.MANY_TO_MANY_SLOT_LENGTH;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.SEQUENCE_IN_SLOT;

import io.mempool.api.Checks;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A bounded FIFO store of {@code long} handles for any number of producer and consumer threads at once,
 * with bulk all-or-nothing enqueue and dequeue, kept off-heap in an Agrona buffer
 * ({@link AgronaStoreDescriptor}, 16-byte slots). It backs the {@code agrona_mp_mc} ops. The name follows
 * Agrona's shapes ({@code ManyToManyConcurrentArrayQueue}): many producers to many consumers, off-heap,
 * of {@code long}s; "store" rather than "queue" because it is no {@code java.util.Queue}.
 *
 * <p><b>Algorithm.</b> Two free-running 64-bit indices, producer and consumer, on their own 128-byte
 * lines, and in every slot a sequence word beside the handle (Vyukov's bounded queue, made bulk):
 * <ul>
 *   <li>A producer reads the producer index {@code h} and the consumer index {@code t}; if
 *       {@code h + n - t > capacity} it returns false having claimed nothing, else it claims
 *       {@code [h, h + n)} by one CAS on the producer index (retrying if another producer won). For each
 *       claimed position {@code p} it waits until the slot's sequence is {@code p} (the consumer of the
 *       previous lap has read it), writes the handle, then release-stores sequence {@code p + 1}.</li>
 *   <li>A consumer mirrors it: it claims {@code [t, t + n)} by CAS on the consumer index if
 *       {@code h - t >= n}, else returns false without writing the caller's table; for each position it
 *       waits for sequence {@code p + 1}, reads the handle, then release-stores {@code p + slotCount}, which
 *       frees the slot for the producer of the next lap.</li>
 * </ul>
 * A claim is checked against the other side's <em>claimed</em> index, so every claimed slot is already
 * owned by a thread of the other side that will finish with it; the wait is for that one thread's copy of
 * that one slot. <b>Why:</b> no thread ever waits for another thread of its own side, nor for an in-order
 * tail. In rte_ring's MP/MC scheme every producer waits until all earlier producers have published their
 * tail, so one preempted producer stalls every later producer and hides every later handle from
 * consumers. Here the claims are one CAS each, the copies of different threads proceed in parallel, and
 * a claim never fails for a reason other than "not enough room" or "not enough handles".
 *
 * <p><b>Preemption.</b> A thread preempted after its claim stalls only the other-side threads that have
 * claimed the very same positions (a consumer of a handle not yet written, a producer of a slot not yet
 * read), and only until it runs again; those threads spin briefly, then {@link Thread#yield()} the core
 * to it. Threads of its own side and other positions are not affected. A thread preempted before its
 * claim holds nothing.
 *
 * <p><b>Count</b> is the producer index minus the consumer index (clamped to {@code 0..capacity}), read
 * consumer first: an enqueue counts from its claim, a dequeue from its claim. It may lag under
 * concurrency and is exact when no thread is inside an enqueue or dequeue.
 *
 * <p><b>Capacity</b> is exact: the store holds at most the capacity it was made with; slots are rounded up
 * to a power of two ({@code >= 2}) so a position's slot is a mask, never a division.
 *
 * <p><b>Thread safety:</b> every method may be called by any number of threads at once.
 * <b>Memory consistency effects:</b> actions of a thread before it enqueues a handle happen-before actions
 * of the thread after a dequeue that returns it (the release of the slot's sequence pairs with the
 * consumer's acquire of it). No heap object is made per handle.
 *
 * <p><b>Note:</b> a thread that dies between its claim and the end of its copy (it cannot, short of
 * {@code Thread.stop} or a crash of a process sharing the buffer) would leave the threads waiting on its
 * slots spinning forever; rte_ring has the same exposure.
 */
public final class ManyToManyOffHeapLongStore extends OffHeapLongStore {
    /** log2 of {@link AgronaStoreDescriptor#MANY_TO_MANY_SLOT_LENGTH}. */
    private static final int SLOT_SHIFT = 4;

    /**
     * Makes an empty store in fresh off-heap memory.
     *
     * @param capacity how many handles it holds at most,
     *                 {@code 1..AgronaStoreDescriptor.maxCapacity(MANY_TO_MANY_SLOT_LENGTH)}.
     * @throws IllegalArgumentException if {@code capacity} is out of range.
     */
    public ManyToManyOffHeapLongStore(final int capacity) {
        this(Region.own(capacity, MANY_TO_MANY_SLOT_LENGTH), true);
    }

    private ManyToManyOffHeapLongStore(final Region region, final boolean format) {
        super(region, MANY_TO_MANY_SLOT_LENGTH, format);
        if (format) {
            final UnsafeBuffer buffer = this.buffer;
            final int mask = this.mask;
            for (int position = 0; position <= mask; position++) {
                // plain: publish() below publishes these
                spSlot(buffer, slotOffset(position, mask) + SEQUENCE_IN_SLOT, position);
            }
            publish();
        }
    }

    /**
     * Formats an empty store in a range the caller owns (the {@code agrona_mp_mc} ops' {@code allocIn}).
     *
     * @param capacity how many handles it holds at most.
     * @param address  the range's start, non-zero and 8-byte aligned.
     * @param length   the range's length, at least {@link AgronaStoreDescriptor#bufferLength} of the store.
     * @return the store; its {@link #free()} leaves the memory alone.
     * @throws IllegalArgumentException if an argument is out of range; nothing is written then.
     */
    static ManyToManyOffHeapLongStore createIn(final int capacity, final long address, final long length) {
        return new ManyToManyOffHeapLongStore(Region.in(capacity, MANY_TO_MANY_SLOT_LENGTH, address, length), true);
    }

    /**
     * Opens a many-to-many store formatted in a range, by this process or another.
     *
     * @param address the range's start.
     * @param length  the range's length.
     * @return a view of the store, which shares everything with its other views.
     * @throws IllegalArgumentException if the range is short or holds no many-to-many store of this layout.
     */
    static ManyToManyOffHeapLongStore attach(final long address, final long length) {
        return new ManyToManyOffHeapLongStore(Region.attached(MANY_TO_MANY_SLOT_LENGTH, address, length), false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Safe for any number of concurrent producers and consumers.
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
        while (true) {
            final long head = lvProducerIndex(buffer);
            // [count = head - tail]; the consumer index read after the producer index is never older
            if (head + n - lvConsumerIndex(buffer) > capacity) {
                return false; // no room for all n at this instant: nothing claimed
            }
            // CAS: the linearization point; on success [head, head + n) is this thread's alone
            if (casProducerIndex(buffer, head, head + n)) {
                fill(buffer, head, objs, offset, n);
                return true;
            }
            Thread.onSpinWait(); // another producer moved the index
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Safe for any number of concurrent producers and consumers.
     */
    @Override
    public boolean dequeue(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        checkNotFreed();
        if (n == 0) {
            return true;
        }
        final UnsafeBuffer buffer = this.buffer;
        while (true) {
            final long tail = lvConsumerIndex(buffer);
            // [count = head - tail]; the producer index read after the consumer index is never older
            if (lvProducerIndex(buffer) - tail < n) {
                return false; // fewer than n at this instant: nothing claimed, objs untouched
            }
            // CAS: the linearization point; on success [tail, tail + n) is this thread's alone
            if (casConsumerIndex(buffer, tail, tail + n)) {
                drain(buffer, tail, objs, offset, n);
                return true;
            }
            Thread.onSpinWait(); // another consumer moved the index
        }
    }

    private void fill(final UnsafeBuffer buffer, final long head, final long[] objs, final int offset, final int n) {
        final int mask = this.mask;
        for (int i = 0; i < n; i++) {
            final long position = head + i;
            final int slot = slotOffset(position, mask);
            // acquire: the consumer of the previous lap has finished reading this slot
            if (laSlot(buffer, slot + SEQUENCE_IN_SLOT) != position) {
                awaitSlot(buffer, slot + SEQUENCE_IN_SLOT, position); // that consumer is mid-copy
            }
            // plain: published by the release of the sequence just below
            spSlot(buffer, slot + HANDLE_IN_SLOT, objs[offset + i]);
            // release: the handle, and all the caller did before, before the slot reads full
            soSlot(buffer, slot + SEQUENCE_IN_SLOT, position + 1);
        }
    }

    private void drain(final UnsafeBuffer buffer, final long tail, final long[] objs, final int offset, final int n) {
        final int mask = this.mask;
        final long slotCount = mask + 1L;
        for (int i = 0; i < n; i++) {
            final long position = tail + i;
            final int slot = slotOffset(position, mask);
            // acquire: pairs with the producer's release, so its handle and its writes before it are seen
            if (laSlot(buffer, slot + SEQUENCE_IN_SLOT) != position + 1) {
                awaitSlot(buffer, slot + SEQUENCE_IN_SLOT, position + 1); // that producer is mid-copy
            }
            // plain: ordered after the acquire above
            objs[offset + i] = lpSlot(buffer, slot + HANDLE_IN_SLOT);
            // release: the read above completes before the next lap's producer may overwrite the slot
            soSlot(buffer, slot + SEQUENCE_IN_SLOT, position + slotCount);
        }
    }

    private static int slotOffset(final long position, final int mask) {
        return AgronaStoreDescriptor.slotOffset(position, mask, SLOT_SHIFT);
    }
}
