package com.example.mempool.regionstack;

import io.mempool.api.OffHeapRegion;
import io.mempool.core.Memzone;
import io.mempool.testkit.MemzoneRegions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.function.Consumer;

import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.CAPACITY_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.HEADER_LENGTH;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.LOCK_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.MAGIC_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.TOP_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.VERSION_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.bytesFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the conformance suite cannot see from outside: the layout's offsets, the newest-first order in
 * both forms, an {@code attach} that names the header word it refuses, a refused {@code createIn} that
 * writes nothing, and a view's lifetime ending with its memzone's.
 */
class SpinLockLongStackTest {
    private static final int CAPACITY = 10;
    private static final long SENTINEL = 0x5e5e_5e5e_5e5e_5e5eL;

    private final MemzoneRegions regions = new MemzoneRegions();

    @AfterEach
    void freeRegions() {
        regions.close();
    }

    @Test
    void theLockLineSitsABlockAwayFromTheHeaderAndFromSlotZero() {
        assertEquals(0, MAGIC_OFFSET);
        assertEquals(8, VERSION_OFFSET);
        assertEquals(12, CAPACITY_OFFSET);
        assertEquals(128, LOCK_OFFSET, "two cache lines after the header's words");
        assertEquals(136, TOP_OFFSET, "on the lock's line: the lock holder writes both");
        assertEquals(256, HEADER_LENGTH, "slot 0 two cache lines after the lock");
        assertEquals(256 + 8 * CAPACITY, bytesFor(CAPACITY));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void popsGiveTheNewestFirstAllOrNothing(final boolean offHeap) {
        final SpinLockLongStack stack = offHeap
            ? SpinLockLongStack.createIn(regions.region(bytesFor(CAPACITY)), CAPACITY)
            : SpinLockLongStack.onHeap(CAPACITY);
        assertTrue(stack.push(new long[] {1, 2, 3, 4, 5}, 0, 5), "push of 5");
        assertTrue(stack.push(new long[] {0, 6, 7, 8}, 1, 3), "push of 3 from offset 1");
        assertFalse(stack.push(new long[] {9, 10, 11}, 0, 3), "push of 3 with room for 2");
        assertEquals(8, stack.count(), "count after a refused push");

        final long[] table = new long[10];
        Arrays.fill(table, SENTINEL);
        assertFalse(stack.pop(table, 0, 9), "pop of 9 from 8");
        assertTrue(Arrays.stream(table).allMatch(h -> h == SENTINEL), "a refused pop wrote the table");
        assertTrue(stack.pop(table, 1, 4), "pop of 4");
        assertArrayEquals(new long[] {8, 7, 6, 5}, Arrays.copyOfRange(table, 1, 5), "the newest first");
        assertEquals(SENTINEL, table[0], "slot before the range");
        assertTrue(Arrays.stream(table, 5, 10).allMatch(h -> h == SENTINEL), "a slot after the range was written");
        assertEquals(4, stack.count(), "count after the pop");
        assertTrue(stack.toString().contains(offHeap ? "off-heap" : "on the heap"), stack.toString());
    }

    @Test
    void attachOpensTheSameStackThroughAnotherView() {
        final OffHeapRegion region = regions.region(bytesFor(CAPACITY));
        final SpinLockLongStack creator = SpinLockLongStack.createIn(region, CAPACITY);
        assertTrue(creator.push(new long[] {11, 22, 33}, 0, 3));
        final SpinLockLongStack view = SpinLockLongStack.attach(region);
        assertEquals(CAPACITY, view.capacity(), "capacity read from the header");
        final long[] out = new long[2];
        assertTrue(view.pop(out, 0, 2));
        assertArrayEquals(new long[] {33, 22}, out);
        assertEquals(1, creator.count(), "count through the creator's view");
    }

    @Test
    void attachNamesTheHeaderWordItRefuses() {
        assertRefused("magic: 0x0 (expected: 0x534c535441434b01, a SpinLockLongStack made by createIn)",
            region -> region.putLong(MAGIC_OFFSET, 0L));
        assertRefused("layout version: 2 (expected: 1)", region -> region.putInt(VERSION_OFFSET, 2));
        assertRefused("capacity: 0 (expected: 1..1073741824)", region -> region.putInt(CAPACITY_OFFSET, 0));
        assertRefused("length: 336 (expected: >= 344, a stack of capacity 11)",
            region -> region.putInt(CAPACITY_OFFSET, CAPACITY + 1));
        assertRefused("lock word: 7 (expected: 0 (free) or 1 (held))", region -> region.putLong(LOCK_OFFSET, 7));
        assertRefused("top: 11 (expected: 0..10, the capacity)", region -> region.putLong(TOP_OFFSET, CAPACITY + 1));
        final OffHeapRegion region = regions.region(bytesFor(CAPACITY));
        assertMessage("length: 255 (expected: >= 256, a SpinLockLongStack's header)",
            () -> SpinLockLongStack.attach(region.slice(0, HEADER_LENGTH - 1)));
    }

    /** A stack whose header {@code corrupt} changed is refused by attach with {@code message}. */
    private void assertRefused(final String message, final Consumer<OffHeapRegion> corrupt) {
        final OffHeapRegion region = regions.region(bytesFor(CAPACITY));
        SpinLockLongStack.createIn(region, CAPACITY);
        corrupt.accept(region);
        assertMessage(message, () -> SpinLockLongStack.attach(region));
    }

    private static void assertMessage(final String message, final Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void aRefusedCreateInWritesNothing() {
        final OffHeapRegion region = regions.region(bytesFor(CAPACITY) + 8);
        assertMessage("length: 335 (expected: >= 336, a stack of capacity 10)",
            () -> SpinLockLongStack.createIn(region.slice(0, bytesFor(CAPACITY) - 1), CAPACITY));
        final OffHeapRegion misaligned = region.slice(4, bytesFor(CAPACITY));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> SpinLockLongStack.createIn(misaligned, CAPACITY));
        assertTrue(ex.getMessage().startsWith("address: 0x") && ex.getMessage().endsWith("(expected: 8-byte aligned, "
            + "for the atomic lock and top words)"), ex.getMessage());
        assertMessage("capacity: 0 (expected: 1..1073741824)", () -> SpinLockLongStack.createIn(region, 0));
        for (long at = 0; at < region.length(); at += Long.BYTES) {
            assertEquals(0L, region.getLong(at), "byte " + at + " written by a refused createIn");
        }
    }

    /**
     * On JDK 22+ a region is a segment of the memzone's arena: once the memzone is freed, a view of a stack
     * in it throws instead of touching freed memory. (On JDK 17 to 21 that access is undefined: never do it.)
     */
    @Test
    void aViewOutlivingItsMemzoneThrowsOnJdk22() {
        assumeTrue(Runtime.version().feature() >= 22, "JDK " + Runtime.version().feature()
            + ": access after free is undefined before JDK 22, so it is not tried");
        final Memzone zone = Memzone.reserve("spinlock_stack_lifetime", bytesFor(CAPACITY), 64);
        final SpinLockLongStack stack = SpinLockLongStack.createIn(zone.region(), CAPACITY);
        assertTrue(stack.push(new long[] {1}, 0, 1));
        zone.free();
        assertThrows(IllegalStateException.class, stack::count, "count after the memzone was freed");
    }
}
