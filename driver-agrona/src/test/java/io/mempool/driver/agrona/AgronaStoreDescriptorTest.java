package io.mempool.driver.agrona;

import static io.mempool.driver.agrona.AgronaStoreDescriptor.ALIGNMENT;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CACHED_CONSUMER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CACHED_PRODUCER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CAPACITY_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.CONSUMER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.HANDLE_IN_SLOT;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.HEADER_LENGTH;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.MAGIC_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.MANY_TO_MANY_SLOT_LENGTH;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.ONE_TO_ONE_SLOT_LENGTH;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.PRODUCER_INDEX_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.SEQUENCE_IN_SLOT;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.SLOT_COUNT_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.SLOT_LENGTH_OFFSET;
import static io.mempool.driver.agrona.AgronaStoreDescriptor.VERSION_OFFSET;
import static org.agrona.BitUtil.CACHE_LINE_LENGTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class AgronaStoreDescriptorTest {

    @Test
    void countersSitOnTheirOwnLinesTwoCacheLinesApart() {
        assertEquals(2 * CACHE_LINE_LENGTH, ALIGNMENT);
        assertTrue(MAGIC_OFFSET == 0 && SLOT_LENGTH_OFFSET + Integer.BYTES <= CACHE_LINE_LENGTH,
            "metadata within the first line");
        assertEquals(List.of(0, 8, 12, 16, 20),
            List.of(MAGIC_OFFSET, VERSION_OFFSET, CAPACITY_OFFSET, SLOT_COUNT_OFFSET, SLOT_LENGTH_OFFSET));
        assertEquals(2 * CACHE_LINE_LENGTH, PRODUCER_INDEX_OFFSET - MAGIC_OFFSET);
        assertEquals(2 * CACHE_LINE_LENGTH, CONSUMER_INDEX_OFFSET - PRODUCER_INDEX_OFFSET);
        assertEquals(2 * CACHE_LINE_LENGTH, HEADER_LENGTH - CONSUMER_INDEX_OFFSET);
        assertEquals(0, PRODUCER_INDEX_OFFSET % ALIGNMENT);
        assertEquals(0, CONSUMER_INDEX_OFFSET % ALIGNMENT);
        assertEquals(0, HEADER_LENGTH % ALIGNMENT);
    }

    @Test
    void eachCacheSitsOnItsOwnersLine() {
        assertEquals(PRODUCER_INDEX_OFFSET / CACHE_LINE_LENGTH, CACHED_CONSUMER_INDEX_OFFSET / CACHE_LINE_LENGTH);
        assertEquals(CONSUMER_INDEX_OFFSET / CACHE_LINE_LENGTH, CACHED_PRODUCER_INDEX_OFFSET / CACHE_LINE_LENGTH);
        assertEquals(0, CACHED_CONSUMER_INDEX_OFFSET % Long.BYTES);
        assertEquals(0, CACHED_PRODUCER_INDEX_OFFSET % Long.BYTES);
    }

    @Test
    void slotsAreAlignedToTheirLength() {
        assertEquals(8, ONE_TO_ONE_SLOT_LENGTH);
        assertEquals(16, MANY_TO_MANY_SLOT_LENGTH);
        assertEquals(0, SEQUENCE_IN_SLOT);
        assertEquals(8, HANDLE_IN_SLOT);
        final int mask = 63;
        for (long position = 0; position < 200; position++) {
            final int manyToMany = AgronaStoreDescriptor.slotOffset(position, mask, 4);
            final int oneToOne = AgronaStoreDescriptor.slotOffset(position, mask, 3);
            assertEquals(0, manyToMany % MANY_TO_MANY_SLOT_LENGTH);
            assertEquals(0, oneToOne % ONE_TO_ONE_SLOT_LENGTH);
            assertEquals(HEADER_LENGTH + (position & mask) * 16, manyToMany);
            assertEquals(HEADER_LENGTH + (position & mask) * 8, oneToOne);
        }
        assertEquals(HEADER_LENGTH, AgronaStoreDescriptor.slotOffset(1L << 40, mask, 4), "wraps on the mask");
    }

    @Test
    void checkCapacityRoundsSlotsUpToAPowerOfTwoOfAtLeastTwo() {
        assertEquals(2, AgronaStoreDescriptor.checkCapacity(1, MANY_TO_MANY_SLOT_LENGTH));
        assertEquals(2, AgronaStoreDescriptor.checkCapacity(2, MANY_TO_MANY_SLOT_LENGTH));
        assertEquals(4, AgronaStoreDescriptor.checkCapacity(3, ONE_TO_ONE_SLOT_LENGTH));
        assertEquals(128, AgronaStoreDescriptor.checkCapacity(100, ONE_TO_ONE_SLOT_LENGTH));
        assertEquals(1024, AgronaStoreDescriptor.checkCapacity(1024, MANY_TO_MANY_SLOT_LENGTH));
        assertEquals(1 << 26, AgronaStoreDescriptor.maxCapacity(MANY_TO_MANY_SLOT_LENGTH));
        assertEquals(1 << 27, AgronaStoreDescriptor.maxCapacity(ONE_TO_ONE_SLOT_LENGTH));
        assertEquals(1 << 26, AgronaStoreDescriptor.checkCapacity(1 << 26, MANY_TO_MANY_SLOT_LENGTH));
        assertEquals(HEADER_LENGTH + (1 << 30),
            AgronaStoreDescriptor.bufferLength(1 << 26, MANY_TO_MANY_SLOT_LENGTH));
    }

    @Test
    void checkCapacityRejectsOutOfRangeNamingTheValue() {
        final IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
            () -> AgronaStoreDescriptor.checkCapacity(0, ONE_TO_ONE_SLOT_LENGTH));
        assertEquals("capacity: 0 (expected: 1..134217728)", zero.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> AgronaStoreDescriptor.checkCapacity((1 << 26) + 1, MANY_TO_MANY_SLOT_LENGTH));
        assertThrows(IllegalArgumentException.class,
            () -> AgronaStoreDescriptor.checkCapacity(Integer.MAX_VALUE, ONE_TO_ONE_SLOT_LENGTH));
        final IllegalArgumentException slot = assertThrows(IllegalArgumentException.class,
            () -> AgronaStoreDescriptor.checkCapacity(10, 12));
        assertEquals("slotLength: 12 (expected: 8 or 16)", slot.getMessage());
    }

    @Test
    void aStoreBufferIsAlignedAndCarriesItsMetadata() {
        final ManyToManyOffHeapLongStore manyToMany = new ManyToManyOffHeapLongStore(100);
        final OneToOneOffHeapLongStore oneToOne = new OneToOneOffHeapLongStore(5);
        try {
            assertLayout(manyToMany.buffer, 100, 128, MANY_TO_MANY_SLOT_LENGTH, manyToMany.bufferLength());
            assertLayout(oneToOne.buffer, 5, 8, ONE_TO_ONE_SLOT_LENGTH, oneToOne.bufferLength());
            for (int slot = 0; slot < 128; slot++) {
                assertEquals(slot, manyToMany.buffer.getLong(HEADER_LENGTH + slot * 16 + SEQUENCE_IN_SLOT),
                    "a fresh slot's sequence is its position");
            }
        } finally {
            manyToMany.free();
            oneToOne.free();
        }
    }

    private static void assertLayout(final UnsafeBuffer buffer, final int capacity, final int slotCount,
                                     final int slotLength, final int length) {
        assertEquals(0, buffer.addressOffset() & (ALIGNMENT - 1), "start aligned to 128 B");
        assertEquals(AgronaStoreDescriptor.bufferLength(slotCount, slotLength), buffer.capacity());
        assertEquals(buffer.capacity(), length);
        assertEquals(capacity, buffer.getInt(CAPACITY_OFFSET));
        assertEquals(slotCount, buffer.getInt(SLOT_COUNT_OFFSET));
        assertEquals(slotLength, buffer.getInt(SLOT_LENGTH_OFFSET));
        assertEquals(0L, buffer.getLongVolatile(PRODUCER_INDEX_OFFSET));
        assertEquals(0L, buffer.getLongVolatile(CONSUMER_INDEX_OFFSET));
    }
}
