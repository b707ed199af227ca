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
import io.mempool.driver.ring.LongRing.SyncMode;
import org.agrona.UnsafeApi;

/**
 * A {@link LongRing} in off-heap memory the caller owns, laid out by {@link LongRingDescriptor}: header
 * words and slots are read and written through Agrona's {@link UnsafeApi} at absolute addresses, with the
 * same memory orders as the heap ring's VarHandles. This object holds only the addresses and the
 * immutable config read from the header, so any number of views, in any processes, are the same ring.
 *
 * <p>Thread safety and memory effects: see {@link LongRing}; they hold across processes that map the same
 * memory. Accessor names follow the package's convention; each carries the order its caller needs.
 */
final class OffHeapLongRing extends LongRing {
    private static final long LONG_ARRAY_BASE = UnsafeApi.arrayBaseOffset(long[].class);

    private final long address;
    private final long prodHead;
    private final long prodTail;
    private final long consHead;
    private final long consTail;
    private final long slots;

    private OffHeapLongRing(final long address, final LongRingSpec spec) {
        super(spec);
        this.address = address;
        this.prodHead = address + PRODUCER_HEAD_OFFSET;
        this.prodTail = address + PRODUCER_TAIL_OFFSET;
        this.consHead = address + CONSUMER_HEAD_OFFSET;
        this.consTail = address + CONSUMER_TAIL_OFFSET;
        this.slots = address + HEADER_LENGTH;
    }

    /** Writes a new empty ring at {@code address}; the caller checked the spec, the address and the length. */
    static LongRing createIn(final long address, final LongRingSpec spec) {
        // volatile: a view attaching while an old ring here is overwritten sees no magic, not half a ring
        UnsafeApi.putLongVolatile(null, address + MAGIC_OFFSET, 0L);
        UnsafeApi.putInt(address + VERSION_OFFSET, LAYOUT_VERSION); // plain: the magic's release publishes them
        UnsafeApi.putInt(address + SLOTS_OFFSET, spec.slots());
        UnsafeApi.putInt(address + CAPACITY_OFFSET, spec.capacity());
        UnsafeApi.putInt(address + PRODUCER_SYNC_OFFSET, LongRingDescriptor.syncCode(spec.producer()));
        UnsafeApi.putInt(address + CONSUMER_SYNC_OFFSET, LongRingDescriptor.syncCode(spec.consumer()));
        UnsafeApi.putInt(address + PRODUCER_HTD_MAX_OFFSET, spec.producer() == SyncMode.RTS ? spec.htdMax() : 0);
        UnsafeApi.putInt(address + CONSUMER_HTD_MAX_OFFSET, spec.consumer() == SyncMode.RTS ? spec.htdMax() : 0);
        final long prodWord = initialWord(spec.producer(), spec.startIndex());
        final long consWord = initialWord(spec.consumer(), spec.startIndex());
        UnsafeApi.putLong(address + PRODUCER_HEAD_OFFSET, prodWord);
        UnsafeApi.putLong(address + PRODUCER_TAIL_OFFSET, prodWord);
        UnsafeApi.putLong(address + CONSUMER_HEAD_OFFSET, consWord);
        UnsafeApi.putLong(address + CONSUMER_TAIL_OFFSET, consWord);
        // release: a view that reads the magic with acquire sees the whole header above
        UnsafeApi.putLongRelease(null, address + MAGIC_OFFSET, MAGIC);
        return new OffHeapLongRing(address, spec);
    }

    /**
     * Opens the ring in the range after checking every header field; writes nothing. The caller checked
     * the address and that the length covers the header.
     */
    static LongRing open(final long address, final long length) {
        // acquire: pairs with createIn's release, so the fields read below are the creator's
        final long magic = UnsafeApi.getLongAcquire(null, address + MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new IllegalArgumentException(Checks.message("magic", "0x" + Long.toHexString(magic),
                "0x" + Long.toHexString(MAGIC) + ", a LongRing made by createIn"));
        }
        final int version = UnsafeApi.getInt(address + VERSION_OFFSET);
        if (version != LAYOUT_VERSION) {
            throw new IllegalArgumentException(Checks.message("layout version", version, String.valueOf(LAYOUT_VERSION)));
        }
        final int slots = UnsafeApi.getInt(address + SLOTS_OFFSET);
        if (slots < 1 || slots > MAX_SLOTS || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException(Checks.message("slots", slots, "a power of two in 1.." + MAX_SLOTS));
        }
        LongRingDescriptor.checkLength(length, LongRingDescriptor.bytesFor(slots), slots + " slots");
        final int capacity = Checks.inRange("capacity", UnsafeApi.getInt(address + CAPACITY_OFFSET), 0, slots - 1);
        final SyncMode producer = LongRingDescriptor.checkSyncCode("producer sync",
            UnsafeApi.getInt(address + PRODUCER_SYNC_OFFSET));
        final SyncMode consumer = LongRingDescriptor.checkSyncCode("consumer sync",
            UnsafeApi.getInt(address + CONSUMER_SYNC_OFFSET));
        final int prodHtdMax = checkHtdMax("producer htd max", producer,
            UnsafeApi.getInt(address + PRODUCER_HTD_MAX_OFFSET), capacity);
        final int consHtdMax = checkHtdMax("consumer htd max", consumer,
            UnsafeApi.getInt(address + CONSUMER_HTD_MAX_OFFSET), capacity);
        if (producer == SyncMode.RTS && consumer == SyncMode.RTS && prodHtdMax != consHtdMax) {
            throw new IllegalArgumentException(Checks.message("consumer htd max", consHtdMax,
                prodHtdMax + ", the producer's: one bound for both RTS sides"));
        }
        final int htdMax = producer == SyncMode.RTS ? prodHtdMax : consHtdMax;
        return new OffHeapLongRing(address, new LongRingSpec(slots, capacity, producer, consumer, htdMax, 0));
    }

    private static int checkHtdMax(final String name, final SyncMode mode, final int value, final int capacity) {
        return mode == SyncMode.RTS ? Checks.inRange(name, value, 0, capacity) : Checks.inRange(name, value, 0, 0);
    }

    @Override
    String where() {
        return "off-heap at 0x" + Long.toHexString(address);
    }

    @Override
    void copyIn(final long[] objs, final int offset, final int head, final int k) {
        final int index = head & mask;
        final int beforeWrap = mask + 1 - index;
        final long from = LONG_ARRAY_BASE + (long) offset * SLOT_LENGTH;
        if (k <= beforeWrap) {
            UnsafeApi.copyMemory(objs, from, null, slots + (long) index * SLOT_LENGTH, (long) k * SLOT_LENGTH);
        } else {
            UnsafeApi.copyMemory(objs, from, null, slots + (long) index * SLOT_LENGTH, (long) beforeWrap * SLOT_LENGTH);
            UnsafeApi.copyMemory(objs, from + (long) beforeWrap * SLOT_LENGTH, null, slots,
                (long) (k - beforeWrap) * SLOT_LENGTH);
        }
    }

    @Override
    void copyOut(final long[] objs, final int offset, final int head, final int k) {
        final int index = head & mask;
        final int beforeWrap = mask + 1 - index;
        final long to = LONG_ARRAY_BASE + (long) offset * SLOT_LENGTH;
        if (k <= beforeWrap) {
            UnsafeApi.copyMemory(null, slots + (long) index * SLOT_LENGTH, objs, to, (long) k * SLOT_LENGTH);
        } else {
            UnsafeApi.copyMemory(null, slots + (long) index * SLOT_LENGTH, objs, to, (long) beforeWrap * SLOT_LENGTH);
            UnsafeApi.copyMemory(null, slots, objs, to + (long) beforeWrap * SLOT_LENGTH,
                (long) (k - beforeWrap) * SLOT_LENGTH);
        }
    }

    @Override
    long lpHead(final boolean prod) {
        return UnsafeApi.getLong(prod ? prodHead : consHead);
    }

    @Override
    void spHead(final boolean prod, final long value) {
        UnsafeApi.putLong(prod ? prodHead : consHead, value);
    }

    @Override
    long laHead(final boolean prod) {
        return UnsafeApi.getLongAcquire(null, prod ? prodHead : consHead);
    }

    @Override
    boolean weakCasHeadRelease(final boolean prod, final long expect, final long update) {
        return UnsafeApi.weakCompareAndSetLongRelease(null, prod ? prodHead : consHead, expect, update);
    }

    @Override
    long laTail(final boolean prod) {
        return UnsafeApi.getLongAcquire(null, prod ? prodTail : consTail);
    }

    @Override
    void soTail(final boolean prod, final long value) {
        UnsafeApi.putLongRelease(null, prod ? prodTail : consTail, value);
    }

    @Override
    boolean weakCasTailRelease(final boolean prod, final long expect, final long update) {
        return UnsafeApi.weakCompareAndSetLongRelease(null, prod ? prodTail : consTail, expect, update);
    }

    @Override
    long caxTail(final boolean prod, final long expect, final long update) {
        return UnsafeApi.compareAndExchangeLong(null, prod ? prodTail : consTail, expect, update);
    }
}
