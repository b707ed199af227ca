package io.mempool.driver.ring;

import io.mempool.api.Checks;
import io.mempool.api.OffHeapRegion;
import io.mempool.driver.ring.LongRing.SyncMode;

/**
 * Describes a {@link LongRing}: DPDK's {@code rte_ring_create} count and flags. Made by
 * {@link LongRing#builder(int)}; {@link #build()} puts the ring on the heap, {@link #createIn} in off-heap
 * memory.
 *
 * <p>Not thread-safe. {@link #build()} and {@link #createIn} check everything, change nothing in the
 * builder, and may be called again for another ring.
 */
public final class LongRingBuilder {
    private final int count;
    private SyncMode producer = SyncMode.MULTI;
    private SyncMode consumer = SyncMode.MULTI;
    private boolean exactSize;
    private boolean htdMaxSet;
    private int htdMax;
    private int startIndex;

    LongRingBuilder(final int count) {
        this.count = count;
    }

    /**
     * @param mode how producers synchronise; default {@link SyncMode#MULTI}.
     * @return this builder.
     * @throws IllegalArgumentException if {@code mode} is null.
     */
    public LongRingBuilder producer(final SyncMode mode) {
        producer = Checks.notNull("producer", mode);
        return this;
    }

    /**
     * @param mode how consumers synchronise; default {@link SyncMode#MULTI}.
     * @return this builder.
     * @throws IllegalArgumentException if {@code mode} is null.
     */
    public LongRingBuilder consumer(final SyncMode mode) {
        consumer = Checks.notNull("consumer", mode);
        return this;
    }

    /**
     * DPDK's {@code RING_F_EXACT_SZ}: the count is the exact capacity, and the ring gets
     * {@code pow2(count + 1)} slots.
     *
     * @param exact whether the count is the capacity; default false.
     * @return this builder.
     */
    public LongRingBuilder exactSize(final boolean exact) {
        exactSize = exact;
        return this;
    }

    /**
     * The largest head - tail distance of the RTS sides ({@code rte_ring_set_prod_htd_max} and
     * {@code rte_ring_set_cons_htd_max}): a thread starts an operation only while its side has at most
     * this many indices in flight; 0 serialises the side fully. Default: capacity / 8, as DPDK.
     *
     * @param max {@code 0..capacity}; {@link #build()} checks the upper bound.
     * @return this builder.
     * @throws IllegalArgumentException if {@code max} is negative.
     */
    public LongRingBuilder htdMax(final int max) {
        htdMax = Checks.atLeast("htdMax", max, 0);
        htdMaxSet = true;
        return this;
    }

    /** Test hook: every head and tail starts at this index instead of 0, e.g. just below 2^32. */
    LongRingBuilder startIndex(final int index) {
        startIndex = index;
        return this;
    }

    /**
     * @return a new empty ring on the Java heap.
     * @throws IllegalArgumentException if the count breaks DPDK's rules (a power of two in
     *     {@code 1..}{@link LongRing#MAX_SLOTS}; with exact size {@code 1..}{@link LongRing#MAX_EXACT_CAPACITY}),
     *     or {@code htdMax} was set beyond the capacity or with no RTS side ({@code -ENOTSUP} in DPDK).
     */
    public LongRing build() {
        return new HeapLongRing(spec());
    }

    /**
     * @return the bytes {@link #createIn} needs for this ring: {@link LongRingDescriptor#bytesFor}{@code (slots)}.
     * @throws IllegalArgumentException as {@link #build()}.
     */
    public long bytes() {
        return LongRingDescriptor.bytesFor(spec().slots());
    }

    /**
     * Creates the ring in off-heap memory the caller owns (DPDK's {@code rte_ring_init} on a memzone),
     * laid out by {@link LongRingDescriptor}; {@link LongRing#attach(OffHeapRegion)} opens it from other
     * views or processes.
     *
     * @param region where the ring lives: 8-byte aligned (128-byte aligned keeps its words on lines of their
     *               own), at least {@link #bytes()} long; kept mapped while any view is used.
     * @return a new empty ring in the first {@link #bytes()} of the region; the bytes past them are not touched.
     * @throws IllegalArgumentException as {@link #build()}, or if the region is misaligned or short; nothing
     *                                  is written then.
     */
    public LongRing createIn(final OffHeapRegion region) {
        Checks.notNull("region", region);
        final LongRingSpec spec = spec();
        LongRingDescriptor.checkAddress(region.address());
        final long bytes = LongRingDescriptor.bytesFor(spec.slots());
        LongRingDescriptor.checkLength(region.length(), bytes, "LongRingDescriptor.bytesFor(" + spec.slots() + " slots)");
        return OffHeapLongRing.createIn(region.slice(0, bytes), spec);
    }

    /**
     * As {@link #createIn(OffHeapRegion)} for a range given by address, which must lie in a live memzone of
     * this process ({@link OffHeapRegion#containing}).
     *
     * @param address where the ring starts: non-zero, 8-byte aligned.
     * @param length  the bytes available there, at least {@link #bytes()}.
     * @return a new empty ring in that memory.
     * @throws IllegalArgumentException as {@link #createIn(OffHeapRegion)}, or if the range lies in no memzone.
     */
    public LongRing createIn(final long address, final long length) {
        final LongRingSpec spec = spec();
        LongRingDescriptor.checkAddress(address);
        LongRingDescriptor.checkLength(length, LongRingDescriptor.bytesFor(spec.slots()),
            "LongRingDescriptor.bytesFor(" + spec.slots() + " slots)");
        return createIn(OffHeapRegion.containing(address, length));
    }

    /** Checks everything and describes the ring. */
    LongRingSpec spec() {
        final int slots;
        final int capacity;
        if (exactSize) {
            Checks.inRange("count", count, 1, LongRing.MAX_EXACT_CAPACITY);
            slots = 1 << 32 - Integer.numberOfLeadingZeros(count); // pow2(count + 1)
            capacity = count;
        } else {
            if (count < 1 || count > LongRing.MAX_SLOTS || Integer.bitCount(count) != 1) {
                throw new IllegalArgumentException(Checks.message("count", count, "a power of two in 1.."
                    + LongRing.MAX_SLOTS + ", or 1.." + LongRing.MAX_EXACT_CAPACITY + " with exactSize(true)"));
            }
            slots = count;
            capacity = count - 1;
        }
        if (htdMaxSet) {
            if (producer != SyncMode.RTS && consumer != SyncMode.RTS) {
                throw new IllegalArgumentException(Checks.message("htdMax", htdMax, "set only with an RTS side"));
            }
            Checks.inRange("htdMax", htdMax, 0, capacity);
        }
        final int distance = htdMaxSet ? htdMax : capacity >>> 3; // DPDK: capacity / HTD_MAX_DEF (8)
        return new LongRingSpec(slots, capacity, producer, consumer, distance, startIndex);
    }
}
