package io.mempool.driver.ring;

import static io.mempool.driver.ring.LongRingDescriptor.CAPACITY_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.CONSUMER_HEAD_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.CONSUMER_HTD_MAX_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.CONSUMER_SYNC_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.CONSUMER_TAIL_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.HEADER_LENGTH;
import static io.mempool.driver.ring.LongRingDescriptor.LAYOUT_VERSION;
import static io.mempool.driver.ring.LongRingDescriptor.MAGIC;
import static io.mempool.driver.ring.LongRingDescriptor.MAGIC_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.PRODUCER_HEAD_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.PRODUCER_HTD_MAX_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.PRODUCER_SYNC_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.PRODUCER_TAIL_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.SLOTS_OFFSET;
import static io.mempool.driver.ring.LongRingDescriptor.SLOT_LENGTH;
import static io.mempool.driver.ring.LongRingDescriptor.VERSION_OFFSET;

import io.mempool.api.Checks;
import io.mempool.api.OffHeapRegion;
import io.mempool.driver.ring.LongRing.SyncMode;

/**
 * A {@link LongRing} in off-heap memory the caller owns, laid out by {@link LongRingDescriptor}: header
 * words and slots are read and written through an {@link OffHeapRegion} (bounds-checked, no JVM flag on
 * any JDK), with the same memory orders as the heap ring's VarHandles. This object holds only the region
 * and the immutable config read from the header, so any number of views, in any processes, are the same ring.
 *
 * <p>Thread safety and memory effects: see {@link LongRing}; they hold across processes that map the same
 * memory. Accessor names follow the package's convention; each carries the order its caller needs.
 */
final class OffHeapLongRing extends LongRing {
    private final OffHeapRegion region;

    private OffHeapLongRing(final OffHeapRegion region, final LongRingSpec spec) {
        super(spec);
        this.region = region;
    }

    /** Writes a new empty ring in {@code region}; the caller checked the spec, the alignment and the length. */
    static LongRing createIn(final OffHeapRegion region, final LongRingSpec spec) {
        // volatile: a view attaching while an old ring here is overwritten sees no magic, not half a ring
        region.putLongVolatile(MAGIC_OFFSET, 0L);
        region.putInt(VERSION_OFFSET, LAYOUT_VERSION); // plain: the magic's release publishes them
        region.putInt(SLOTS_OFFSET, spec.slots());
        region.putInt(CAPACITY_OFFSET, spec.capacity());
        region.putInt(PRODUCER_SYNC_OFFSET, LongRingDescriptor.syncCode(spec.producer()));
        region.putInt(CONSUMER_SYNC_OFFSET, LongRingDescriptor.syncCode(spec.consumer()));
        region.putInt(PRODUCER_HTD_MAX_OFFSET, spec.producer() == SyncMode.RTS ? spec.htdMax() : 0);
        region.putInt(CONSUMER_HTD_MAX_OFFSET, spec.consumer() == SyncMode.RTS ? spec.htdMax() : 0);
        final long prodWord = initialWord(spec.producer(), spec.startIndex());
        final long consWord = initialWord(spec.consumer(), spec.startIndex());
        region.putLong(PRODUCER_HEAD_OFFSET, prodWord);
        region.putLong(PRODUCER_TAIL_OFFSET, prodWord);
        region.putLong(CONSUMER_HEAD_OFFSET, consWord);
        region.putLong(CONSUMER_TAIL_OFFSET, consWord);
        // release: a view that reads the magic with acquire sees the whole header above
        region.putLongRelease(MAGIC_OFFSET, MAGIC);
        return new OffHeapLongRing(region, spec);
    }

    /**
     * Opens the ring in the region after checking every header field; writes nothing. The caller checked
     * the alignment and that the region covers the header.
     */
    static LongRing open(final OffHeapRegion region) {
        final long length = region.length();
        // acquire: pairs with createIn's release, so the fields read below are the creator's
        final long magic = region.getLongAcquire(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new IllegalArgumentException(Checks.message("magic", "0x" + Long.toHexString(magic),
                "0x" + Long.toHexString(MAGIC) + ", a LongRing made by createIn"));
        }
        final int version = region.getInt(VERSION_OFFSET);
        if (version != LAYOUT_VERSION) {
            throw new IllegalArgumentException(Checks.message("layout version", version, String.valueOf(LAYOUT_VERSION)));
        }
        final int slots = region.getInt(SLOTS_OFFSET);
        if (slots < 1 || slots > MAX_SLOTS || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException(Checks.message("slots", slots, "a power of two in 1.." + MAX_SLOTS));
        }
        LongRingDescriptor.checkLength(length, LongRingDescriptor.bytesFor(slots), slots + " slots");
        final int capacity = Checks.inRange("capacity", region.getInt(CAPACITY_OFFSET), 0, slots - 1);
        final SyncMode producer = LongRingDescriptor.checkSyncCode("producer sync",
            region.getInt(PRODUCER_SYNC_OFFSET));
        final SyncMode consumer = LongRingDescriptor.checkSyncCode("consumer sync",
            region.getInt(CONSUMER_SYNC_OFFSET));
        final int prodHtdMax = checkHtdMax("producer htd max", producer,
            region.getInt(PRODUCER_HTD_MAX_OFFSET), capacity);
        final int consHtdMax = checkHtdMax("consumer htd max", consumer,
            region.getInt(CONSUMER_HTD_MAX_OFFSET), capacity);
        if (producer == SyncMode.RTS && consumer == SyncMode.RTS && prodHtdMax != consHtdMax) {
            throw new IllegalArgumentException(Checks.message("consumer htd max", consHtdMax,
                prodHtdMax + ", the producer's: one bound for both RTS sides"));
        }
        final int htdMax = producer == SyncMode.RTS ? prodHtdMax : consHtdMax;
        // the view covers exactly the ring, so no access can reach past its slots
        return new OffHeapLongRing(region.slice(0, LongRingDescriptor.bytesFor(slots)),
            new LongRingSpec(slots, capacity, producer, consumer, htdMax, 0));
    }

    private static int checkHtdMax(final String name, final SyncMode mode, final int value, final int capacity) {
        return mode == SyncMode.RTS ? Checks.inRange(name, value, 0, capacity) : Checks.inRange(name, value, 0, 0);
    }

    @Override
    String where() {
        return "off-heap at 0x" + Long.toHexString(region.address());
    }

    @Override
    void copyIn(final long[] objs, final int offset, final int head, final int k) {
        final int index = head & mask;
        final int beforeWrap = mask + 1 - index;
        if (k <= beforeWrap) {
            region.putLongs(HEADER_LENGTH + (long) index * SLOT_LENGTH, objs, offset, k);
        } else {
            region.putLongs(HEADER_LENGTH + (long) index * SLOT_LENGTH, objs, offset, beforeWrap);
            region.putLongs(HEADER_LENGTH, objs, offset + beforeWrap, k - beforeWrap);
        }
    }

    @Override
    void copyOut(final long[] objs, final int offset, final int head, final int k) {
        final int index = head & mask;
        final int beforeWrap = mask + 1 - index;
        if (k <= beforeWrap) {
            region.getLongs(HEADER_LENGTH + (long) index * SLOT_LENGTH, objs, offset, k);
        } else {
            region.getLongs(HEADER_LENGTH + (long) index * SLOT_LENGTH, objs, offset, beforeWrap);
            region.getLongs(HEADER_LENGTH, objs, offset + beforeWrap, k - beforeWrap);
        }
    }

    @Override
    long lpHead(final boolean prod) {
        return region.getLong(prod ? PRODUCER_HEAD_OFFSET : CONSUMER_HEAD_OFFSET);
    }

    @Override
    void spHead(final boolean prod, final long value) {
        region.putLong(prod ? PRODUCER_HEAD_OFFSET : CONSUMER_HEAD_OFFSET, value);
    }

    @Override
    long laHead(final boolean prod) {
        return region.getLongAcquire(prod ? PRODUCER_HEAD_OFFSET : CONSUMER_HEAD_OFFSET);
    }

    @Override
    boolean weakCasHeadRelease(final boolean prod, final long expect, final long update) {
        return region.compareAndSetLong(prod ? PRODUCER_HEAD_OFFSET : CONSUMER_HEAD_OFFSET, expect, update);
    }

    @Override
    long laTail(final boolean prod) {
        return region.getLongAcquire(prod ? PRODUCER_TAIL_OFFSET : CONSUMER_TAIL_OFFSET);
    }

    @Override
    void soTail(final boolean prod, final long value) {
        region.putLongRelease(prod ? PRODUCER_TAIL_OFFSET : CONSUMER_TAIL_OFFSET, value);
    }

    @Override
    boolean weakCasTailRelease(final boolean prod, final long expect, final long update) {
        return region.compareAndSetLong(prod ? PRODUCER_TAIL_OFFSET : CONSUMER_TAIL_OFFSET, expect, update);
    }

    @Override
    long caxTail(final boolean prod, final long expect, final long update) {
        return region.compareAndExchangeLong(prod ? PRODUCER_TAIL_OFFSET : CONSUMER_TAIL_OFFSET, expect, update);
    }
}
