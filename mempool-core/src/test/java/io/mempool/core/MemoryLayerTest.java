package io.mempool.core;

import io.mempool.api.OffHeapRegion;
import io.mempool.core.memory.MemoryLayer;
import io.mempool.core.memory.MemoryScope;
import io.mempool.core.memory.NativeRegion;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory layer, run from the packaged multi-release jar (see the module's pom): on JDK 17-21 the base
 * (sun.misc.Unsafe, direct buffers), on 22+ the versioned classes (arenas); both keep the same contract,
 * and on 22+ freed memory throws instead of being reached.
 */
class MemoryLayerTest {
    private static final boolean ARENAS = Runtime.version().feature() >= 22;

    @Test
    void theJdkPicksItsImplementationFromTheJar() {
        assertEquals(ARENAS ? "java.lang.foreign arenas (JDK 22+)" : "sun.misc.Unsafe and direct ByteBuffers (JDK 17-21)",
            MemoryLayer.implementation());
    }

    @Test
    void everyAccessorKeepsItsContract() {
        try (MemoryScope scope = MemoryLayer.newScope()) {
            final NativeRegion r = scope.allocate(256, 64);
            assertEquals(0, r.address() % 64);
            assertEquals(256, r.length());
            for (long at = 0; at < 256; at += 8) {
                assertEquals(0, r.getLong(at), "zeroed at " + at);
            }
            r.putLong(0, 1);
            r.putLongVolatile(8, 2);
            r.putLongRelease(16, 3);
            assertEquals(1, r.getLongVolatile(0));
            assertEquals(2, r.getLongAcquire(8));
            assertEquals(3, r.getLong(16));
            assertTrue(r.compareAndSetLong(16, 3, 4));
            assertFalse(r.compareAndSetLong(16, 3, 5));
            assertEquals(4, r.compareAndExchangeLong(16, 9, 10), "a failed exchange returns the witness");
            assertEquals(4, r.compareAndExchangeLong(16, 4, 11));
            assertEquals(11, r.getAndAddLong(16, 5));
            assertEquals(16, r.getLong(16));
            r.putInt(32, 7);
            r.putIntVolatile(36, 8);
            r.putIntRelease(40, 9);
            assertEquals(7, r.getIntVolatile(32));
            assertEquals(8, r.getIntAcquire(36));
            assertTrue(r.compareAndSetInt(40, 9, 10));
            assertEquals(10, r.compareAndExchangeInt(40, 0, 1));
            assertEquals(10, r.getAndAddInt(40, -3));
            assertEquals(7, r.getInt(40));
            r.putByte(44, (byte) -2);
            assertEquals(-2, r.getByte(44));
            r.putLongs(64, new long[] {5, 6, 7, 8}, 1, 3);
            final long[] back = new long[5];
            r.getLongs(64, back, 2, 3);
            assertArrayEquals(new long[] {0, 0, 6, 7, 8}, back);
            r.fill(128, 128, (byte) 0x11);
            assertEquals(0x1111111111111111L, r.getLong(248));
            final OffHeapRegion slice = r.slice(64, 24);
            assertEquals(r.address() + 64, slice.address());
            assertEquals(7, slice.getLong(8), "a slice is the same memory");
        }
    }

    @Test
    void accessesOutsideTheRegionOrMisalignedAtomicsChangeNothing() {
        try (MemoryScope scope = MemoryLayer.newScope()) {
            final NativeRegion r = scope.allocate(64, 64);
            assertEquals("offset: 57 (expected: 0..56 for 8 bytes in a region of 64)",
                assertThrows(IndexOutOfBoundsException.class, () -> r.getLong(57)).getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> r.putLong(-1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> r.putInt(61, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> r.getByte(64));
            assertThrows(IndexOutOfBoundsException.class, () -> r.putLongs(40, new long[4], 0, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> r.getLongs(0, new long[4], 2, 4));
            assertThrows(IllegalArgumentException.class, () -> r.getLongs(0, null, 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> r.fill(60, 8, (byte) 1));
            assertThrows(IndexOutOfBoundsException.class, () -> r.slice(32, 33));
            assertThrows(IndexOutOfBoundsException.class, () -> r.byteBuffer(1, 64));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> r.compareAndSetLong(4, 0, 1)).getMessage()
                .startsWith("offset: 4 (expected: an address aligned to 8 bytes for an atomic access"));
            assertThrows(IllegalArgumentException.class, () -> r.getIntVolatile(2));
            r.putLong(1, -1); // a plain access may be unaligned
            assertEquals(-1, r.getLong(1));
            for (long at = 9; at < 64; at++) {
                assertEquals(0, r.getByte(at), "byte " + at + " written by a refused access");
            }
        }
    }

    /**
     * Every single accessor, at the region's end and at a misaligned offset, throws the api's exception with
     * the api's message on both layers: on JDK 22+ the segment's own check fires and is translated.
     */
    @Test
    void everySingleAccessorRefusesAlikeOnBothLayers() {
        try (MemoryScope scope = MemoryLayer.newScope()) {
            final NativeRegion r = scope.allocate(64, 64);
            final List<Access> longs = List.of(o -> r.getLong(o), o -> r.putLong(o, 1), o -> r.getLongVolatile(o),
                o -> r.putLongVolatile(o, 1), o -> r.getLongAcquire(o), o -> r.putLongRelease(o, 1),
                o -> r.compareAndSetLong(o, 0, 1), o -> r.compareAndExchangeLong(o, 0, 1), o -> r.getAndAddLong(o, 1));
            final List<Access> ints = List.of(o -> r.getInt(o), o -> r.putInt(o, 1), o -> r.getIntVolatile(o),
                o -> r.putIntVolatile(o, 1), o -> r.getIntAcquire(o), o -> r.putIntRelease(o, 1),
                o -> r.compareAndSetInt(o, 0, 1), o -> r.compareAndExchangeInt(o, 0, 1), o -> r.getAndAddInt(o, 1));
            for (int i = 0; i < longs.size(); i++) {
                final Access access = longs.get(i);
                assertEquals("offset: 60 (expected: 0..56 for 8 bytes in a region of 64)",
                    assertThrows(IndexOutOfBoundsException.class, () -> access.at(60)).getMessage(), "long accessor " + i);
                assertEquals("offset: -8 (expected: 0..56 for 8 bytes in a region of 64)",
                    assertThrows(IndexOutOfBoundsException.class, () -> access.at(-8)).getMessage(), "long accessor " + i);
                if (i >= 2) {
                    assertTrue(assertThrows(IllegalArgumentException.class, () -> access.at(12)).getMessage()
                        .startsWith("offset: 12 (expected: an address aligned to 8 bytes"), "long accessor " + i);
                }
            }
            for (int i = 0; i < ints.size(); i++) {
                final Access access = ints.get(i);
                assertEquals("offset: 62 (expected: 0..60 for 4 bytes in a region of 64)",
                    assertThrows(IndexOutOfBoundsException.class, () -> access.at(62)).getMessage(), "int accessor " + i);
                if (i >= 2) {
                    assertTrue(assertThrows(IllegalArgumentException.class, () -> access.at(6)).getMessage()
                        .startsWith("offset: 6 (expected: an address aligned to 4 bytes"), "int accessor " + i);
                }
            }
            assertEquals("offset: 64 (expected: 0..63 for 1 bytes in a region of 64)",
                assertThrows(IndexOutOfBoundsException.class, () -> r.putByte(64, (byte) 1)).getMessage());
            final long[] one = {7};
            r.putLongs(56, one, 0, 1); // a bulk of one takes the single path: the same memory
            assertEquals(7, r.getLong(56));
            one[0] = 0;
            r.getLongs(56, one, 0, 1);
            assertEquals(7, one[0]);
            assertThrows(IndexOutOfBoundsException.class, () -> r.getLongs(57, one, 0, 1));
            for (long at = 0; at < 56; at++) {
                assertEquals(0, r.getByte(at), "byte " + at + " written by a refused access");
            }
        }
    }

    /** One accessor of a region, at an offset. */
    @FunctionalInterface
    private interface Access {
        void at(long offset);
    }

    @Test
    void viewsAreDirectNativeOrderedAndTheSameMemory() {
        try (MemoryScope scope = MemoryLayer.newScope()) {
            final NativeRegion r = scope.allocate(128, 64);
            final ByteBuffer view = r.byteBuffer(64, 32);
            assertTrue(view.isDirect());
            assertEquals(ByteOrder.nativeOrder(), view.order());
            assertEquals(0, view.position());
            assertEquals(32, view.limit());
            assertEquals(32, view.capacity());
            view.putLong(8, 0x0102030405060708L);
            assertEquals(0x0102030405060708L, r.getLong(72));
        }
    }

    @Test
    void aClosedScopeIsForgottenAndOnJdk22PlusUnreachable() {
        final MemoryScope scope = MemoryLayer.newScope();
        final NativeRegion r = scope.allocate(64, 64);
        final ByteBuffer view = r.byteBuffer(0, 64);
        assertEquals(r.address() + 8, OffHeapRegion.containing(r.address() + 8, 8).address());
        scope.close();
        scope.close(); // idempotent
        assertTrue(scope.isClosed());
        assertThrows(IllegalArgumentException.class, () -> OffHeapRegion.containing(r.address(), 8));
        assertThrows(IllegalStateException.class, () -> scope.allocate(8, 8));
        if (ARENAS) {
            assertThrows(IllegalStateException.class, () -> r.getLong(0));
            assertThrows(IllegalStateException.class, () -> view.getLong(0));
        }
    }

    @Test
    void aClosedPoolsViewsThrowOnJdk22Plus() {
        RecordingOps.ensureRegistered();
        final Mempool mp = Mempool.builder("mlt_closed").size(16).elementSize(64).privateDataSize(8)
            .ops(RecordingOps.NAME).create();
        final long obj = mp.get();
        final ByteBuffer element = mp.byteBuffer(obj);
        final ByteBuffer privateData = mp.privateData();
        element.putLong(0, 1);
        privateData.putLong(0, 2);
        mp.close(true);
        assertThrows(IllegalStateException.class, () -> mp.byteBuffer(obj));
        assertThrows(IllegalStateException.class, mp::privateData);
        if (ARENAS) {
            assertThrows(IllegalStateException.class, () -> element.getLong(0));
            assertThrows(IllegalStateException.class, () -> privateData.getLong(0));
        }
    }

    @Test
    void memzonesGiveRegionsAndViewsOfTheirMemory() {
        final Memzone zone = Memzone.reserve("mlt_zone", 100, 64);
        try {
            zone.region().putLong(8, 42);
            final ByteBuffer view = zone.byteBuffer();
            assertEquals(100, view.capacity());
            assertEquals(42, view.getLong(8));
            assertEquals(zone.address(), zone.region().address());
        } finally {
            zone.free();
        }
        assertThrows(IllegalStateException.class, zone::region);
        assertThrows(IllegalStateException.class, zone::byteBuffer);
    }
}
