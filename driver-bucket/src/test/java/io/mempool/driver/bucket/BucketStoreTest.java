package io.mempool.driver.bucket;

import static io.mempool.driver.bucket.Fixtures.BASE;
import static io.mempool.driver.bucket.Fixtures.QUARTERS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.ElementGeometry;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SPI contract on one thread: all-or-nothing, exact counts, partly filled buckets, blocks, foreign handles. */
class BucketStoreTest {
    private static final long SENTINEL = -1;

    /** 3 buckets of 4, the last one short: 10 objects. */
    private static Fixtures.Populated ten() {
        return Fixtures.populated(10, 1, 4, QUARTERS);
    }

    @Test
    void dequeueIsAllOrNothingAndCountIsExact() {
        final Fixtures.Populated p = ten();
        final long[] table = new long[11];
        Arrays.fill(table, SENTINEL);
        assertFalse(p.store.dequeue(table, 0, 11));
        assertTrue(Arrays.stream(table).allMatch(v -> v == SENTINEL), "a failed dequeue wrote the table");
        assertEquals(10, p.store.count());
        assertTrue(p.store.dequeue(table, 1, 7));
        assertEquals(3, p.store.count());
        assertFalse(p.store.dequeue(table, 0, 4));
        assertEquals(3, p.store.count());
        assertTrue(p.store.enqueue(table, 1, 7));
        Fixtures.assertHoldsExactly(p.store, p.handles);
    }

    @Test
    void partlyFilledBucketsAreCountedAndRetrievable() {
        final Fixtures.Populated p = Fixtures.populated(12, 1, 4, QUARTERS);
        final long[] all = new long[12];
        assertTrue(p.store.dequeue(all, 0, 12));
        // two objects of each bucket come back: no bucket is whole again
        final long[] back = {all[0], all[1], all[4], all[5], all[8], all[9]};
        assertTrue(p.store.enqueue(back, 0, back.length));
        assertEquals(6, p.store.count());
        final long[] out = new long[6];
        assertTrue(p.store.dequeue(out, 0, 6), "DPDK's bucket cannot hand these out; this store must");
        assertEquals(set(back), set(out));
        assertEquals(0, p.store.count());
    }

    @Test
    void aRemainderBreaksOneBucketAndItsRestStaysRetrievable() {
        final Fixtures.Populated p = Fixtures.populated(12, 1, 4, QUARTERS);
        final long[] one = new long[1];
        assertTrue(p.store.dequeue(one, 0, 1));
        assertEquals(11, p.store.count());
        final long[] blocks = new long[2];
        assertTrue(p.store.dequeueContigBlocks(blocks, 0, 2), "two buckets are still whole");
        assertFalse(p.store.dequeueContigBlocks(blocks, 0, 1), "the broken one is not");
        final long[] rest = new long[3];
        assertTrue(p.store.dequeue(rest, 0, 3));
        final Set<Long> bucket = set(rest);
        bucket.add(one[0]);
        assertEquals(1, bucket.stream().map(h -> h & -1024L).distinct().count(), "the remainder came from one bucket");
        assertEquals(4, bucket.size());
    }

    @Test
    void contigBlocksAreWholeBucketsOfAdjacentObjects() {
        final Fixtures.Populated p = ten();
        final long[] firsts = {SENTINEL, SENTINEL, SENTINEL};
        assertFalse(p.store.dequeueContigBlocks(firsts, 0, 3), "only two buckets are whole (the third holds two)");
        assertArrayEquals(new long[] {SENTINEL, SENTINEL, SENTINEL}, firsts);
        assertEquals(10, p.store.count());
        assertTrue(p.store.dequeueContigBlocks(firsts, 1, 2));
        assertEquals(SENTINEL, firsts[0]);
        final Set<Long> taken = new HashSet<>();
        for (int b = 1; b <= 2; b++) {
            assertEquals(64, firsts[b] & 1023, "a block starts at its bucket's first object");
            for (int k = 0; k < p.store.contigBlockSize(); k++) {
                taken.add(firsts[b] + k * 256L);
            }
        }
        assertEquals(8, taken.size());
        assertEquals(2, p.store.count());
        final long[] rest = new long[2];
        assertTrue(p.store.dequeue(rest, 0, 2));
        for (final long handle : rest) {
            assertFalse(taken.contains(handle), "a block's object was handed out again");
        }
        for (final long handle : taken) {
            assertTrue(p.store.enqueue(new long[] {handle}, 0, 1), "block objects go back one by one");
        }
        assertTrue(p.store.enqueue(rest, 0, 2));
        Fixtures.assertHoldsExactly(p.store, p.handles);
    }

    @Test
    void foreignHandlesAreRefusedAndNothingIsAdded() {
        final BucketStore empty = new BucketStore(4, 1, 4);
        final IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
            () -> empty.enqueue(new long[] {BASE + 64}, 0, 1));
        assertTrue(none.getMessage().contains("populate has not run"), none.getMessage());

        final Fixtures.Populated p = ten();
        final long[] out = new long[10];
        assertTrue(p.store.dequeue(out, 0, 10));
        final long[] foreign = {
            BASE - 1024 + 64,      // before the chunk
            BASE + 3 * 1024 + 64,  // after it
            BASE,                  // a bucket's first byte: header room
            BASE + 64 + 8,         // inside an object
            BASE + 64 + 256 + 128, // between two handles
            BASE + 2048 + 64 + 2 * 256, // the short last bucket's third slot: never placed
            0L,
        };
        for (final long handle : foreign) {
            final long[] batch = {out[0], out[1], handle};
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> p.store.enqueue(batch, 0, 3), "0x" + Long.toHexString(handle));
            assertTrue(ex.getMessage().startsWith("obj: 0x" + Long.toHexString(handle) + " (expected: an object this store placed: "),
                ex.getMessage());
            assertEquals(0, p.store.count(), "a refused batch added nothing");
        }
        assertTrue(p.store.enqueue(out, 0, 10));
        assertEquals(10, p.store.count());
    }

    @Test
    void aDoublePutIsNotCountedTwice() {
        final Fixtures.Populated p = ten();
        final long[] two = new long[2];
        assertTrue(p.store.dequeue(two, 0, 2));
        assertTrue(p.store.enqueue(new long[] {two[0], two[0]}, 0, 2));
        assertEquals(9, p.store.count());
        assertTrue(p.store.enqueue(two, 1, 1));
        Fixtures.assertHoldsExactly(p.store, p.handles);
    }

    @Test
    void aPutOfRunsAcrossWordsAndBucketsCountsEveryObjectOnce() {
        // 64-byte elements in 8 KiB buckets: 128 objects a bucket, two bitmap words; 3 buckets and 16 objects
        final ElementGeometry small = new ElementGeometry(0, 64, 64);
        final Fixtures.Populated p = Fixtures.populated(400, 8, 1, small);
        assertEquals(128, p.store.contigBlockSize());
        final long[] all = new long[400];
        assertTrue(p.store.dequeue(all, 0, 400));
        // runs inside one word, across a word boundary, across buckets, and a double put inside a run
        final long[] back = new long[260];
        System.arraycopy(all, 0, back, 0, 130);
        back[130] = all[5];
        System.arraycopy(all, 130, back, 131, 129);
        assertTrue(p.store.enqueue(back, 0, back.length));
        assertEquals(259, p.store.count(), "the double put of one handle counted once");
        assertTrue(p.store.enqueue(all, 259, 141));
        Fixtures.assertHoldsExactly(p.store, p.handles);
        final long[] blocks = new long[3];
        assertTrue(p.store.dequeueContigBlocks(blocks, 0, 3), "every bucket is whole again");
    }

    @Test
    void aForeignHandleAnywhereInALongPutIsRefusedAndNothingIsAdded() {
        final Fixtures.Populated p = Fixtures.populated(400, 8, 1, new ElementGeometry(0, 64, 64));
        final long[] all = new long[400];
        assertTrue(p.store.dequeue(all, 0, 400));
        for (final int at : new int[] {0, 255, 256, 399}) { // in and past what a put keeps from its check
            final long[] back = all.clone();
            back[at] = BASE - 64;
            assertThrows(IllegalArgumentException.class, () -> p.store.enqueue(back, 0, back.length), "foreign at " + at);
            assertEquals(0, p.store.count(), "foreign at " + at);
        }
        assertTrue(p.store.enqueue(all, 0, all.length));
        Fixtures.assertHoldsExactly(p.store, p.handles);
    }

    @Test
    void badTablesAreRefusedBeforeAnythingChanges() {
        final Fixtures.Populated p = ten();
        assertThrows(IllegalArgumentException.class, () -> p.store.enqueue(null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> p.store.dequeue(new long[1], 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> p.store.dequeue(new long[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> p.store.dequeueContigBlocks(new long[1], 1, 1));
        assertEquals(10, p.store.count());
        assertTrue(p.store.dequeue(new long[0], 0, 0));
        assertTrue(p.store.dequeueContigBlocks(new long[0], 0, 0));
    }

    @Test
    void beforePopulateThereAreNoBlocksAndNoObjects() {
        final BucketStore store = new BucketStore(8, 64, 4);
        assertEquals(0, store.contigBlockSize());
        assertEquals(0, store.count());
        assertFalse(store.dequeue(new long[1], 0, 1));
        assertThrows(UnsupportedOperationException.class, () -> store.dequeueContigBlocks(new long[1], 0, 1));
        assertEquals(8, store.capacity());
    }

    private static Set<Long> set(final long[] handles) {
        final Set<Long> set = new HashSet<>();
        for (final long handle : handles) {
            set.add(handle);
        }
        return set;
    }
}
