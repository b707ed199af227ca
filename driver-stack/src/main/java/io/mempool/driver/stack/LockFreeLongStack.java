package io.mempool.driver.stack;

import io.mempool.api.Checks;

/**
 * A bounded lock-free LIFO of {@code long} handles: DPDK's {@code rte_stack} with
 * {@code RTE_STACK_F_LF} (the {@code lf_stack} mempool ops), with a tagged-index head in one 64-bit
 * CAS instead of DPDK's 128-bit {pointer, counter} CAS. Its capacity is exactly the one asked for.
 *
 * <p><b>Order.</b> The same as {@link LongStack}: {@link #pop} returns the newest handle first, and a
 * bulk push popped in one bulk comes back reversed.
 *
 * <p><b>Thread safety.</b> Any number of threads may push and pop at once. No thread ever waits for
 * another: a thread descheduled anywhere inside a call delays no one else, which makes this store
 * safe for preemptible threads and real-time priorities, where {@link LongStack}'s spinlock is not.
 * The price is two reservations and two head CASes per call, and a walk of {@code n} nodes that
 * repeats when another thread changes the same list first; DPDK measured its version 0.6 to 3.5
 * times slower than the spinlock stack.
 *
 * <p><b>Memory consistency effects.</b> Actions of a thread before it pushes a handle happen-before
 * the actions of the thread whose pop returns that handle.
 *
 * <p><b>Algorithm.</b> {@code capacity} nodes are allocated once: {@code long[] values} and
 * {@code int[] next} ({@code -1} ends a chain). Each node is on one of two LIFO lists, {@code used}
 * (holding handles) and {@code free}, or owned by exactly one thread between its two CASes. A list
 * has a head word, packing a stamp and the top node's index, and a length.
 * <ul>
 *   <li>push n: reserve n on {@code free}'s length (fails, changing nothing, if it is below n:
 *       the stack is full); unlink a chain of n nodes from {@code free} by one head CAS; write the
 *       handles into it newest on top; link the chain onto {@code used} by one head CAS; add n to
 *       {@code used}'s length.</li>
 *   <li>pop n: the mirror image; reserve n on {@code used}'s length (fails, changing nothing, if it
 *       is below n); walk n nodes from the top, copying their values to the caller's table, and
 *       swing the head past them by one CAS (a walk that meets the end or a CAS that fails reloads
 *       the head and walks again); link the chain onto {@code free}.</li>
 * </ul>
 * A length is lowered before its nodes are unlinked and raised after they are linked, so it never
 * exceeds the nodes a walk from the head can reach: a reservation always finds its nodes. The
 * count is {@code used}'s length, which may lag the list but is exact when no call is in flight.
 *
 * <p><b>Memory order.</b> {@code values} and {@code next} are written with plain stores, only by
 * the thread that owns the node (it unlinked it by a successful CAS), and are published by the
 * release of the CAS that links the node; a walker reads the head with acquire first. A walker may
 * also read a chain that another thread is rewriting at that moment: such racy reads can return
 * any value ever stored there, so every index is bounds-checked before use (an out-of-range or
 * early end only means "reload"), and nothing read is trusted until the head CAS succeeds. A
 * successful CAS from the head the walk started at proves that no push or pop changed that list in
 * between, so no node of the walked chain changed owner, and every value read is the one published.
 * Nothing is allocated after construction.
 *
 * <p><b>ABA and the stamp.</b> Every change of a head adds 1 to its stamp. The head keeps the top
 * index + 1 in the lowest {@code b} bits, {@code b} just enough for the capacity
 * ({@code 32 - numberOfLeadingZeros(capacity)}), and the stamp in the other {@code 64 - b} bits: 33
 * bits at {@link #MAX_CAPACITY}, 44 bits up to a capacity of 1,048,575 objects, 51 bits up to 8,191.
 * A walker's CAS can succeed wrongly only if, between its head load and its CAS, that list's head
 * changes a multiple of {@code 2^(64 - b)} times and stops on the same top node: at least
 * {@code 2^33} (8.6 billion) successful CASes on one cache line while one thread walks at most
 * {@code n} nodes. At 100 million head changes per second, more than one contended line sustains,
 * that needs the walker descheduled mid-walk for over 85 seconds at the largest capacity, over 48
 * hours at 1,048,575 and over 260 days at 8,191. DPDK's 64-bit counter makes the same bet.
 */
public final class LockFreeLongStack implements LifoLongStore {
    /** The largest capacity accepted: 2^30 nodes (12 GiB of heap), leaving a 33-bit stamp. */
    public static final int MAX_CAPACITY = 1 << 30;

    private final long[] values;
    private final int[] next;
    private final LfStackList used;
    private final LfStackList free;

    /**
     * Creates an empty stack, with all {@code capacity} nodes on the free list.
     *
     * @param capacity how many handles it holds at most, {@code 1..}{@value #MAX_CAPACITY}.
     * @throws IllegalArgumentException if {@code capacity} is outside that range.
     */
    public LockFreeLongStack(final int capacity) {
        Checks.inRange("capacity", capacity, 1, MAX_CAPACITY);
        values = new long[capacity];
        next = new int[capacity];
        for (int i = 0; i < capacity - 1; i++) {
            next[i] = i + 1;
        }
        next[capacity - 1] = LfStackList.NIL;
        final int indexBits = indexBits(capacity);
        used = new LfStackList(next, values, indexBits, LfStackList.NIL, 0);
        free = new LfStackList(next, values, indexBits, 0, capacity);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Lock-free: one reservation and two head CASes when uncontended.
     */
    @Override
    public boolean push(final long[] table, final int offset, final int n) {
        Checks.checkTable(table, offset, n);
        if (n == 0) {
            return true;
        }
        if (!free.reserve(n)) {
            return false;
        }
        final long chain = free.unlink(n, null, 0);
        final int first = LfStackList.first(chain);
        final long[] vals = values;
        final int[] links = next;
        final int newest = offset + n - 1;
        int node = first;
        for (int i = 0; i < n; i++) {
            // plain: this thread owns the chain; used.link's release publishes it
            vals[node] = table[newest - i];
            node = links[node];
        }
        used.link(first, LfStackList.last(chain), n);
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Lock-free: one reservation and two head CASes when uncontended.
     */
    @Override
    public boolean pop(final long[] table, final int offset, final int n) {
        Checks.checkTable(table, offset, n);
        if (n == 0) {
            return true;
        }
        if (!used.reserve(n)) {
            return false;
        }
        // from here the pop cannot fail, so the walk may write the caller's table
        final long chain = used.unlink(n, table, offset);
        free.link(LfStackList.first(chain), LfStackList.last(chain), n);
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The used list's length: it may under-report while pushes are in flight, never over-report.
     */
    @Override
    public int count() {
        return used.count();
    }

    /** {@inheritDoc} */
    @Override
    public int capacity() {
        return values.length;
    }

    /**
     * @param capacity a capacity, {@code 1..MAX_CAPACITY}.
     * @return how many low bits of a head hold the top index + 1 ({@code 0..capacity}).
     */
    static int indexBits(final int capacity) {
        return Integer.SIZE - Integer.numberOfLeadingZeros(capacity);
    }

    /**
     * @param capacity a capacity, {@code 1..MAX_CAPACITY}.
     * @return how many high bits of a head hold the ABA stamp.
     */
    static int stampBits(final int capacity) {
        return Long.SIZE - indexBits(capacity);
    }
}
