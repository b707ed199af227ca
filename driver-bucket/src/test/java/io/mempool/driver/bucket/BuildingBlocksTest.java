package io.mempool.driver.bucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The two lock-free building blocks on one thread; the races are jcstress's (mempool-stress, BucketStress). */
class BuildingBlocksTest {

    @Test
    void stackIsLifoOverTheCallersLinks() {
        final int[] next = new int[4];
        final LockFreeBucketStack stack = new LockFreeBucketStack();
        assertEquals(LockFreeBucketStack.EMPTY, stack.pop(next));
        stack.push(next, 2);
        stack.push(next, 0);
        stack.push(next, 3);
        assertEquals(3, stack.size());
        assertEquals(3, stack.pop(next));
        assertEquals(0, stack.pop(next));
        stack.push(next, 1);
        assertEquals(1, stack.pop(next));
        assertEquals(2, stack.pop(next));
        assertEquals(LockFreeBucketStack.EMPTY, stack.pop(next));
        assertEquals(0, stack.size());
        assertThrows(IndexOutOfBoundsException.class, () -> stack.push(next, 4));
    }

    @Test
    void stackHeadStampsEveryChange() {
        final long head = LockFreeBucketStack.nextHead(0, 5);
        assertEquals(5, LockFreeBucketStack.topOf(head));
        final long popped = LockFreeBucketStack.nextHead(head, LockFreeBucketStack.EMPTY);
        assertEquals(LockFreeBucketStack.EMPTY, LockFreeBucketStack.topOf(popped));
        assertEquals(2, popped >>> Integer.SIZE, "two changes, two stamps");
        final long wrapped = LockFreeBucketStack.nextHead(-1L << Integer.SIZE, Integer.MAX_VALUE - 1);
        assertEquals(Integer.MAX_VALUE - 1, LockFreeBucketStack.topOf(wrapped));
        assertEquals(0, wrapped >>> Integer.SIZE, "the stamp wraps");
    }

    @Test
    void ringIsFifoBoundedAndClaimedByOneConsumer() {
        final MpscAdoptionRing ring = new MpscAdoptionRing(4);
        assertTrue(ring.isEmpty());
        for (long h = 1; h <= 4; h++) {
            assertTrue(ring.offer(h << 6));
        }
        assertFalse(ring.offer(5 << 6), "full");
        assertEquals(4, ring.size());
        assertTrue(ring.tryClaim());
        assertFalse(ring.tryClaim(), "one consumer at a time");
        assertEquals(1 << 6, ring.poll());
        assertEquals(2 << 6, ring.poll());
        assertTrue(ring.offer(5 << 6), "a consumed slot is reused");
        assertEquals(3 << 6, ring.poll());
        assertEquals(4 << 6, ring.poll());
        assertEquals(5 << 6, ring.poll());
        assertEquals(0, ring.poll(), "empty");
        ring.release();
        assertTrue(ring.tryClaim(), "released");
        ring.release();
        assertEquals(0, ring.size());
    }

    @Test
    void ringRefusesBadArguments() {
        assertEquals("capacity: 3 (expected: a power of two in 1..1073741824)",
            assertThrows(IllegalArgumentException.class, () -> new MpscAdoptionRing(3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MpscAdoptionRing(0));
        assertEquals("handle: 0x0 (expected: non-zero)",
            assertThrows(IllegalArgumentException.class, () -> new MpscAdoptionRing(1).offer(0)).getMessage());
    }
}
