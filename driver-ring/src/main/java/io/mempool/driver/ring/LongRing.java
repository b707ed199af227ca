package io.mempool.driver.ring;

import io.mempool.api.Checks;
import io.mempool.api.OffHeapRegion;

/**
 * DPDK's {@code rte_ring} for {@code long} handles: a bounded FIFO of power-of-two slots with
 * free-running 32-bit indices, bulk (all or nothing) and burst (as many as possible) calls, and a
 * {@link SyncMode} per side chosen at build time, as DPDK's ring flags choose it.
 *
 * <pre>{@code
 * LongRing ring = LongRing.builder(1024).producer(SyncMode.MULTI).consumer(SyncMode.SINGLE).build();
 * int added = ring.enqueueBulk(table, 0, 32);   // 32 or 0
 * int taken = ring.dequeueBurst(table, 0, 32);  // 0..32
 * }</pre>
 *
 * <p><b>Thread safety.</b> A {@link SyncMode#MULTI}, {@link SyncMode#RTS} or {@link SyncMode#HTS} side
 * may be called by any number of threads at once; a {@link SyncMode#SINGLE} side by one thread at a time
 * (handing it to another thread needs a happens-before edge of the caller's own). The two sides never
 * wait for each other. Every call is all-or-nothing for bulk and a FIFO prefix for burst.
 *
 * <p><b>Memory consistency effects.</b> Writing a handle's memory and then enqueuing the handle
 * happens-before reading that memory after a dequeue returns the handle: a producer publishes with a
 * release store (or CAS) of its tail, a consumer reads the producer tail with an acquire load before it
 * reads a slot, and the same edge runs the other way before a producer overwrites a freed slot.
 *
 * <p><b>Where it lives.</b> {@link LongRingBuilder#build()} puts a ring on the Java heap: its words are
 * fields of a padded object, its slots a {@code long[]}. {@link LongRingBuilder#createIn} and
 * {@link #createIn(OffHeapRegion, int)} put one in off-heap memory the caller owns (an {@link OffHeapRegion},
 * so no JVM flag on any JDK), header and slots laid out by {@link LongRingDescriptor}, holding numbers only,
 * so that a ring in a file mapped by several processes (a shared memzone) passes object indices between
 * JVMs; {@link #attach(OffHeapRegion)} opens it in another process. Both kinds behave alike; calls on an off-heap ring cross processes, and the
 * single-producer/consumer promises of a {@link SyncMode#SINGLE} side then count across processes too.
 *
 * <p><b>Layout.</b> Each side has two 64-bit words on cache lines of their own (128 bytes apart, so
 * adjacent-line prefetch does not couple them). Indices are 32-bit and free-running: slot
 * {@code index & mask}, distances by {@code int} subtraction, so crossing 2<sup>32</sup> is harmless.
 * <b>In every mode the low 32 bits of a side's tail word are that side's tail index</b>, which is the
 * only thing the opposite side ever reads, so any two modes combine (DPDK's headtail structs keep the
 * tail at one offset for the same reason). The high 32 bits and the head word depend on the mode:
 * <table>
 *   <caption>Words per sync mode</caption>
 *   <tr><th>mode</th><th>head word</th><th>tail word</th></tr>
 *   <tr><td>SINGLE, MULTI</td><td>{head index, 0}</td><td>{tail index, 0}</td></tr>
 *   <tr><td>RTS</td><td>{head index, head count}</td><td>{tail index, tail count}</td></tr>
 *   <tr><td>HTS</td><td>unused</td><td>{tail index, head index}: one CAS sees and moves both</td></tr>
 * </table>
 * (Each pair is written {low, high}.)
 *
 * <p><b>Note:</b> {@link #count()} may lag while other threads enqueue or dequeue; it is exact when the
 * ring is quiescent. A MULTI side is not preemption-safe: a thread descheduled between reserving and
 * publishing stalls the threads of its side behind it; RTS and HTS exist for that case (and a process
 * that dies mid-call stalls the others for good, as in DPDK). An off-heap ring reads and writes its memory
 * through its region, bounds-checked: the caller keeps the memory mapped while any view of the ring is
 * used (on JDK 22+ a view of freed memory throws {@link IllegalStateException}).
 */
public abstract class LongRing extends LongRingHeadTail {

    /** Largest slot count: the largest power of two within DPDK's {@code RTE_RING_SZ_MASK} (0x7fffffff). */
    public static final int MAX_SLOTS = 1 << 30;

    /** Largest capacity of an exact-size ring: its slots, {@code pow2(count + 1)}, must fit {@link #MAX_SLOTS}. */
    public static final int MAX_EXACT_CAPACITY = MAX_SLOTS - 1;

    /** How the threads of one side (producers or consumers) synchronise: DPDK's ring sync types. */
    public enum SyncMode {
        /** One thread at a time ({@code RING_F_SP_ENQ} / {@code RING_F_SC_DEQ}): a plain head, no CAS, no wait. */
        SINGLE,
        /** Any threads (DPDK's default MP/MC): CAS on the head, then publish the tail in reservation order. */
        MULTI,
        /**
         * Relaxed tail sync ({@code RING_F_MP_RTS_ENQ} / {@code RING_F_MC_RTS_DEQ}): the last of the
         * threads in flight moves the tail, so nobody waits on one particular predecessor; a new thread
         * waits only while the head runs more than {@code htdMax} ahead of the tail.
         *
         * <p><b>Note:</b> the tail index moves only when the last operation in flight finishes, so the
         * opposite side may see up to {@code htdMax} + the largest request fewer free slots (or handles)
         * than are really done; size the ring for that if puts of circulating handles must never fail.
         */
        RTS,
        /**
         * Head/tail sync ({@code RING_F_MP_HTS_ENQ} / {@code RING_F_MC_HTS_DEQ}): an operation starts only
         * when the side's head equals its tail, so operations of one side run one at a time.
         */
        HTS
    }

    LongRing(final LongRingSpec spec) {
        super(spec);
    }

    /**
     * Starts a ring description; {@code build()} validates it.
     *
     * @param count the slot count, a power of two in {@code 1..}{@link #MAX_SLOTS} (capacity
     *              {@code count - 1}); or, with {@link LongRingBuilder#exactSize(boolean) exactSize(true)}, the
     *              exact capacity, {@code 1..}{@link #MAX_EXACT_CAPACITY}.
     * @return a builder with both sides {@link SyncMode#MULTI}.
     */
    public static LongRingBuilder builder(final int count) {
        return new LongRingBuilder(count);
    }

    /**
     * The off-heap bytes of a ring that holds {@code capacity} handles: {@link LongRingDescriptor#HEADER_LENGTH}
     * plus 8 bytes per slot, {@code pow2(capacity + 1)} slots. That is the size of
     * {@code builder(count).exactSize(true)} with {@code count = capacity}, and of {@code builder(count)} with
     * {@code count = capacity + 1} a power of two.
     *
     * @param capacity {@code 0..}{@link #MAX_EXACT_CAPACITY}.
     * @return the length {@link #createIn} needs at least.
     * @throws IllegalArgumentException if {@code capacity} is out of range.
     */
    public static long bytesFor(final int capacity) {
        Checks.inRange("capacity", capacity, 0, MAX_EXACT_CAPACITY);
        return LongRingDescriptor.bytesFor(1 << 32 - Integer.numberOfLeadingZeros(capacity)); // pow2(capacity + 1)
    }

    /**
     * Creates an empty exact-size ring of {@code capacity} handles, both sides {@link SyncMode#MULTI}, in
     * {@code region} (a memzone's, say: {@code Memzone.reserveShared(...).region()}):
     * {@code builder(capacity).exactSize(true).createIn(region)}. Other modes: {@link LongRingBuilder#createIn}.
     *
     * @param region   where the ring lives: 8-byte aligned (128-byte aligned keeps its words on lines of their
     *                 own), at least {@link #bytesFor}{@code (capacity)} bytes; kept mapped while the ring is used.
     * @param capacity the handles it holds, {@code 1..}{@link #MAX_EXACT_CAPACITY}.
     * @return the ring; {@link #attach(OffHeapRegion)} opens the same ring from another view or process.
     * @throws IllegalArgumentException if an argument is out of range; nothing is written.
     */
    public static LongRing createIn(final OffHeapRegion region, final int capacity) {
        return builder(capacity).exactSize(true).createIn(region);
    }

    /**
     * As {@link #createIn(OffHeapRegion, int)} for a range given by address, which must lie in a live
     * memzone of this process ({@link OffHeapRegion#containing}).
     *
     * @param address  where the ring starts: non-zero, 8-byte aligned.
     * @param length   the bytes available there, at least {@link #bytesFor}{@code (capacity)}.
     * @param capacity the handles it holds, {@code 1..}{@link #MAX_EXACT_CAPACITY}.
     * @return the ring.
     * @throws IllegalArgumentException if an argument is out of range, or the range lies in no memzone;
     *                                  nothing is written.
     */
    public static LongRing createIn(final long address, final long length, final int capacity) {
        LongRingDescriptor.checkAddress(address);
        return createIn(OffHeapRegion.containing(address, length), capacity);
    }

    /**
     * Opens a ring that {@link #createIn} made in the same memory, in this process or another (through a
     * file both map). The sync modes, capacity and slots are the creator's, read from the ring's header
     * after checking its magic and layout version.
     *
     * @param region the memory: 8-byte aligned, at least the ring's header and slots.
     * @return a view of the ring; views share everything, so a SINGLE side stays one thread at a time
     *     across all of them.
     * @throws IllegalArgumentException if the region is too short or misaligned, or holds no ring (a wrong
     *                                  magic or layout version, impossible sizes or modes); the message
     *                                  names the value found and the value expected. Nothing is written.
     */
    public static LongRing attach(final OffHeapRegion region) {
        Checks.notNull("region", region);
        LongRingDescriptor.checkAddress(region.address());
        LongRingDescriptor.checkLength(region.length(), LongRingDescriptor.HEADER_LENGTH, "a LongRing's header");
        return OffHeapLongRing.open(region);
    }

    /**
     * As {@link #attach(OffHeapRegion)} for a range given by address, which must lie in a live memzone of
     * this process ({@link OffHeapRegion#containing}).
     *
     * @param address where the ring starts: non-zero, 8-byte aligned.
     * @param length  the bytes mapped there, at least the ring's header and slots.
     * @return a view of the ring.
     * @throws IllegalArgumentException as {@link #attach(OffHeapRegion)}, or if the range lies in no memzone.
     */
    public static LongRing attach(final long address, final long length) {
        LongRingDescriptor.checkAddress(address);
        LongRingDescriptor.checkLength(length, LongRingDescriptor.HEADER_LENGTH, "a LongRing's header");
        return attach(OffHeapRegion.containing(address, length));
    }

    /**
     * Adds all of {@code objs[offset .. offset + n)} or none: DPDK's {@code rte_ring_enqueue_bulk}.
     * Callable as the producer side's {@link SyncMode} allows.
     *
     * @param objs   the handles.
     * @param offset the first slot of {@code objs} read.
     * @param n      how many handles.
     * @return {@code n} if all were added; 0 if there was no room for all (nothing was added) or n is 0.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} negative; nothing changes.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}; nothing changes.
     */
    public int enqueueBulk(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        return enqueue(objs, offset, n, FIXED);
    }

    /**
     * Adds as many of {@code objs[offset .. offset + n)} as there is room for, in order: DPDK's
     * {@code rte_ring_enqueue_burst}. Callable as the producer side's {@link SyncMode} allows.
     *
     * @param objs   the handles.
     * @param offset the first slot of {@code objs} read.
     * @param n      how many handles at most.
     * @return how many were added, {@code 0..n}: the first ones of the range.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} negative; nothing changes.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}; nothing changes.
     */
    public int enqueueBurst(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        return enqueue(objs, offset, n, VARIABLE);
    }

    /**
     * Takes the {@code n} oldest handles into {@code objs[offset .. offset + n)}, or none: DPDK's
     * {@code rte_ring_dequeue_bulk}. Callable as the consumer side's {@link SyncMode} allows.
     *
     * @param objs   the table to fill.
     * @param offset the first slot of {@code objs} written.
     * @param n      how many handles.
     * @return {@code n} if all were taken; 0 if fewer were present or n is 0, and then {@code objs} was
     *     not written.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} negative; nothing changes.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}; nothing changes.
     */
    public int dequeueBulk(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        return dequeue(objs, offset, n, FIXED);
    }

    /**
     * Takes up to {@code n} of the oldest handles into {@code objs[offset ..)}: DPDK's
     * {@code rte_ring_dequeue_burst}. Callable as the consumer side's {@link SyncMode} allows.
     *
     * @param objs   the table to fill.
     * @param offset the first slot of {@code objs} written.
     * @param n      how many handles at most.
     * @return how many were taken, {@code 0..n}; only that many slots of {@code objs} were written.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} negative; nothing changes.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}; nothing changes.
     */
    public int dequeueBurst(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        return dequeue(objs, offset, n, VARIABLE);
    }

    /**
     * The number of handles in the ring: DPDK's {@code rte_ring_count}. Any thread may call it.
     * <b>Note:</b> it may lag while other threads enqueue or dequeue, and is exact when they do not.
     *
     * @return the count, {@code 0..capacity()}.
     */
    public int count() {
        // acquire both; consumer tail first: tails only grow, so the producer tail read after it is not behind it
        final int consumerTail = (int) laTail(CONS);
        final int producerTail = (int) laTail(PROD);
        final int count = producerTail - consumerTail;
        // consumers and producers moved between the two reads: clamp as DPDK does
        return Integer.compareUnsigned(count, capacity) > 0 ? capacity : count;
    }

    /**
     * DPDK's {@code rte_ring_free_count}. <b>Note:</b> lags like {@link #count()}.
     *
     * @return {@code capacity() - count()}.
     */
    public int freeCount() {
        return capacity - count();
    }

    /**
     * @return the most handles the ring holds at once.
     */
    public int capacity() {
        return capacity;
    }

    /**
     * @return the number of slots, a power of two: {@code capacity() + 1}, or more for an exact-size ring.
     */
    public int slots() {
        return mask + 1;
    }

    /**
     * <b>Note:</b> lags like {@link #count()}.
     *
     * @return whether {@code count() == capacity()}.
     */
    public boolean isFull() {
        return count() == capacity;
    }

    /**
     * <b>Note:</b> lags like {@link #count()}.
     *
     * @return whether {@code count() == 0}.
     */
    public boolean isEmpty() {
        return count() == 0;
    }

    /**
     * @return how producers synchronise.
     */
    public SyncMode producerSync() {
        return prodSync;
    }

    /**
     * @return how consumers synchronise.
     */
    public SyncMode consumerSync() {
        return consSync;
    }

    /**
     * @return a summary: where it lives, modes, capacity, slots and the current count.
     */
    @Override
    public String toString() {
        return "LongRing{" + where() + ", producer=" + prodSync + ", consumer=" + consSync + ", capacity=" + capacity
            + ", slots=" + slots() + ", count=" + count() + '}';
    }

}
