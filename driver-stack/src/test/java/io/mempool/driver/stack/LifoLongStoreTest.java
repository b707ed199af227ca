package io.mempool.driver.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract both stacks keep: LIFO order, exact capacity, all-or-nothing, argument checks. */
class LifoLongStoreTest {

    static Stream<Named<IntFunction<LifoLongStore>>> stores() {
        return Stores.factories();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void singlePushesPopNewestFirst(final IntFunction<LifoLongStore> factory) {
        final LifoLongStore stack = factory.apply(8);
        for (long h = 1; h <= 3; h++) {
            assertTrue(stack.push(new long[] {h}, 0, 1));
        }
        final long[] one = new long[1];
        for (long h = 3; h >= 1; h--) {
            assertTrue(stack.pop(one, 0, 1));
            assertEquals(h, one[0]);
        }
        assertEquals(0, stack.count());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void bulkPopReturnsNewestFirstAsDpdkStdPop(final IntFunction<LifoLongStore> factory) {
        final LifoLongStore stack = factory.apply(8);
        assertTrue(stack.push(new long[] {10, 11, 12}, 0, 3));
        final long[] out = new long[3];
        assertTrue(stack.pop(out, 0, 3));
        assertArrayEquals(new long[] {12, 11, 10}, out);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void bulkPushesAndPopsInterleaveAsOneLifo(final IntFunction<LifoLongStore> factory) {
        final LifoLongStore stack = factory.apply(16);
        assertTrue(stack.push(new long[] {99, 1, 2, 3, 99}, 1, 3));
        assertTrue(stack.push(new long[] {4, 5}, 0, 2));
        final long[] out = new long[6];
        assertTrue(stack.pop(out, 1, 4));
        assertArrayEquals(new long[] {0, 5, 4, 3, 2, 0}, out);
        assertTrue(stack.push(new long[] {6}, 0, 1));
        assertTrue(stack.pop(out, 0, 2));
        assertEquals(6, out[0]);
        assertEquals(1, out[1]);
        assertEquals(0, stack.count());
    }

    @Test
    void bothStacksGiveTheSameOrder() {
        final LifoLongStore locked = new LongStack(64);
        final LifoLongStore lockFree = new LockFreeLongStack(64);
        final SplittableRandom rnd = new SplittableRandom(42);
        final long[] in = Stores.handles(1, 64);
        final long[] outLocked = new long[64];
        final long[] outLockFree = new long[64];
        for (int step = 0; step < 2_000; step++) {
            final int n = 1 + rnd.nextInt(8);
            if (rnd.nextBoolean()) {
                final int from = rnd.nextInt(64 - n + 1);
                assertEquals(locked.push(in, from, n), lockFree.push(in, from, n));
            } else {
                final int at = rnd.nextInt(64 - n + 1);
                assertEquals(locked.pop(outLocked, at, n), lockFree.pop(outLockFree, at, n));
                assertArrayEquals(outLocked, outLockFree, "step " + step);
            }
            assertEquals(locked.count(), lockFree.count());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void capacityOneHoldsExactlyOne(final IntFunction<LifoLongStore> factory) {
        final LifoLongStore stack = factory.apply(1);
        assertEquals(1, stack.capacity());
        assertTrue(stack.push(new long[] {7}, 0, 1));
        assertFalse(stack.push(new long[] {8}, 0, 1));
        assertEquals(1, stack.count());
        final long[] out = new long[2];
        assertFalse(stack.pop(out, 0, 2));
        assertTrue(stack.pop(out, 0, 1));
        assertEquals(7, out[0]);
        assertFalse(stack.pop(out, 0, 1));
        for (int i = 0; i < 1_000; i++) {
            assertTrue(stack.push(new long[] {i + 1}, 0, 1));
            assertTrue(stack.pop(out, 0, 1));
            assertEquals(i + 1, out[0]);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void capacityIsExactlyAsAsked(final IntFunction<LifoLongStore> factory) {
        for (final int capacity : new int[] {1, 2, 3, 7, 100, 1000}) {
            final LifoLongStore stack = factory.apply(capacity);
            assertEquals(capacity, stack.capacity());
            assertTrue(stack.push(Stores.handles(1, capacity), 0, capacity), "fill " + capacity);
            assertEquals(capacity, stack.count());
            assertFalse(stack.push(new long[] {1}, 0, 1), "one past " + capacity);
            final long[] out = new long[capacity];
            assertTrue(stack.pop(out, 0, capacity));
            assertEquals(capacity, out[0]);
            assertEquals(1, out[capacity - 1]);
            assertEquals(0, stack.count());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void pushPastFreeSpaceFailsAndChangesNothing(final IntFunction<LifoLongStore> factory) {
        final LifoLongStore stack = factory.apply(5);
        assertTrue(stack.push(new long[] {1, 2, 3}, 0, 3));
        assertFalse(stack.push(new long[] {4, 5, 6}, 0, 3));
        assertFalse(stack.push(Stores.handles(10, 6), 0, 6), "n > capacity");
        assertEquals(3, stack.count());
        assertTrue(stack.push(new long[] {4, 5}, 0, 2), "the failed pushes left the free space whole");
        final long[] out = new long[5];
        assertTrue(stack.pop(out, 0, 5));
        assertArrayEquals(new long[] {5, 4, 3, 2, 1}, out);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void popPastLengthFailsAndWritesNothing(final IntFunction<LifoLongStore> factory) {
        final LifoLongStore stack = factory.apply(8);
        assertTrue(stack.push(new long[] {1, 2}, 0, 2));
        final long[] out = {-1, -1, -1, -1};
        assertFalse(stack.pop(out, 0, 3));
        assertFalse(stack.pop(out, 1, 3));
        assertArrayEquals(new long[] {-1, -1, -1, -1}, out);
        assertEquals(2, stack.count());
        assertTrue(stack.pop(out, 2, 2));
        assertArrayEquals(new long[] {-1, -1, 2, 1}, out);
        assertFalse(stack.pop(out, 0, 1), "empty");
        assertArrayEquals(new long[] {-1, -1, 2, 1}, out);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void zeroSucceedsAndChangesNothing(final IntFunction<LifoLongStore> factory) {
        final LifoLongStore stack = factory.apply(2);
        final long[] out = {-1};
        assertTrue(stack.pop(out, 0, 0), "pop 0 from empty");
        assertTrue(stack.pop(out, 1, 0), "offset at the end of the table");
        assertTrue(stack.push(new long[0], 0, 0));
        assertArrayEquals(new long[] {-1}, out);
        assertEquals(0, stack.count());
        assertTrue(stack.push(new long[] {1, 2}, 0, 2));
        assertTrue(stack.push(new long[] {3}, 0, 0), "push 0 onto a full stack");
        assertEquals(2, stack.count());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void badArgumentsAreRejectedBeforeAnythingChanges(final IntFunction<LifoLongStore> factory) {
        final LifoLongStore stack = factory.apply(4);
        assertTrue(stack.push(new long[] {1, 2}, 0, 2));
        final long[] table = {-1, -1};
        assertThrows(IllegalArgumentException.class, () -> stack.push(null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> stack.pop(null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> stack.push(table, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> stack.pop(table, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> stack.push(table, 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> stack.pop(table, 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> stack.push(table, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> stack.pop(table, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> stack.pop(table, 3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> stack.pop(table, Integer.MAX_VALUE, 2));
        assertArrayEquals(new long[] {-1, -1}, table);
        assertEquals(2, stack.count());
        assertTrue(stack.pop(table, 0, 2));
        assertArrayEquals(new long[] {2, 1}, table);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void capacityLimitsAreRejectedWithAClearMessage(final IntFunction<LifoLongStore> factory) {
        for (final int capacity : new int[] {0, -1, Integer.MIN_VALUE, (1 << 30) + 1, Integer.MAX_VALUE}) {
            final IllegalArgumentException ex =
                assertThrows(IllegalArgumentException.class, () -> factory.apply(capacity));
            assertEquals("capacity: " + capacity + " (expected: 1..1073741824)", ex.getMessage());
        }
        assertEquals(LongStack.MAX_CAPACITY, LockFreeLongStack.MAX_CAPACITY);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void countFollowsEveryCall(final IntFunction<LifoLongStore> factory) {
        final LifoLongStore stack = factory.apply(100);
        final long[] table = Stores.handles(1, 100);
        int expected = 0;
        for (int n = 1; expected + n <= 100; n++) {
            assertTrue(stack.push(table, expected, n));
            expected += n;
            assertEquals(expected, stack.count());
        }
        final long[] out = new long[100];
        Arrays.fill(out, -1);
        while (expected > 0) {
            final int n = Math.min(7, expected);
            assertTrue(stack.pop(out, 0, n));
            for (int i = 0; i < n; i++) {
                assertEquals(expected - i, out[i]);
            }
            expected -= n;
            assertEquals(expected, stack.count());
        }
    }
}
