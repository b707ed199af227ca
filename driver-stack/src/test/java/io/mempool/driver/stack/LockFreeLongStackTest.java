package io.mempool.driver.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tagged head: index width, stamp width, and the stamp's wrap. */
class LockFreeLongStackTest {

    @Test
    void stampGetsEveryBitTheIndexDoesNotNeed() {
        assertEquals(1, LockFreeLongStack.indexBits(1));
        assertEquals(63, LockFreeLongStack.stampBits(1));
        assertEquals(13, LockFreeLongStack.indexBits(8191));
        assertEquals(51, LockFreeLongStack.stampBits(8191));
        assertEquals(14, LockFreeLongStack.indexBits(8192));
        assertEquals(44, LockFreeLongStack.stampBits((1 << 20) - 1));
        assertEquals(33, LockFreeLongStack.stampBits(LockFreeLongStack.MAX_CAPACITY));
    }

    @Test
    void headPacksTopAndStamp() {
        final int bits = LockFreeLongStack.indexBits(8191);
        final long mask = (1L << bits) - 1;
        final long empty = 0L;
        assertEquals(LfStackList.NIL, LfStackList.topOf(empty, mask));
        final long h1 = LfStackList.nextHead(empty, mask, 8190);
        assertEquals(8190, LfStackList.topOf(h1, mask));
        assertEquals(1L, h1 >>> bits);
        final long h2 = LfStackList.nextHead(h1, mask, LfStackList.NIL);
        assertEquals(LfStackList.NIL, LfStackList.topOf(h2, mask));
        assertEquals(2L, h2 >>> bits);
        final long last = -1L & ~mask;
        final long wrapped = LfStackList.nextHead(last | 5, mask, 0);
        assertEquals(0, LfStackList.topOf(wrapped, mask));
        assertEquals(0L, wrapped >>> bits, "the stamp wraps to 0");
    }

    @Test
    void chainPacksFirstAndLast() {
        for (final int[] pair : new int[][] {{0, 0}, {5, 9}, {LockFreeLongStack.MAX_CAPACITY - 1, 0}, {3, -1}}) {
            final long chain = LfStackList.chain(pair[0], pair[1]);
            assertEquals(pair[0], LfStackList.first(chain));
            assertEquals(pair[1], LfStackList.last(chain));
        }
    }

    @Test
    void nodesAreReusedForeverWithoutAllocation() {
        final LockFreeLongStack stack = new LockFreeLongStack(3);
        final long[] table = new long[3];
        for (int i = 1; i <= 100_000; i++) {
            table[0] = i;
            table[1] = -i;
            assertTrue(stack.push(table, 0, 1 + (i & 1)));
            assertTrue(stack.pop(table, 1, 1 + (i & 1)));
            assertEquals((i & 1) == 1 ? -i : i, table[1]);
            assertEquals(0, stack.count());
        }
    }
}
