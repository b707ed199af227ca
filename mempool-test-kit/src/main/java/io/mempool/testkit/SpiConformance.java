package io.mempool.testkit;

import io.mempool.api.MempoolOps;
import io.mempool.core.MempoolOpsRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SPI rules ({@link MempoolOpsConformanceRules.Spi}) on raw stores of the ops under test, filled
 * with made-up handles {@code BASE + 64 x i}: a store must hand back what it was given without
 * interpreting it. Single-threaded.
 */
abstract class SpiConformance extends ConformanceGroup implements MempoolOpsConformanceRules.Spi {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,31}");
    /** Made-up handles start at a typical 64-bit user-space address. */
    private static final long BASE = 0x0000_7f00_0000_0000L;
    private static final long SENTINEL = 0x5e5e_5e5e_5e5e_5e5eL;
    private static final int SMALL = 64;

    SpiConformance(final MempoolOpsConformance kit) {
        super(kit);
    }

    static long handle(final int i) {
        return BASE + 64L * i;
    }

    static long[] handles(final int from, final int n) {
        final long[] objs = new long[n];
        for (int i = 0; i < n; i++) {
            objs[i] = handle(from + i);
        }
        return objs;
    }

    private static long[] sentinels(final int n) {
        final long[] objs = new long[n];
        Arrays.fill(objs, SENTINEL);
        return objs;
    }

    private static void assertSentinels(final long[] objs, final int from, final int to, final String what) {
        for (int i = from; i < to; i++) {
            assertEquals(SENTINEL, objs[i], what + ": slot " + i + " of the caller's table was written");
        }
    }

    /** Bound on probing past the capacity: a store taking more is treated as unbounded. */
    private static int probeLimit(final int capacity) {
        return 4 * capacity + SMALL;
    }

    /** Enqueues fresh handles one by one until the store refuses; returns how many it took. */
    private static int fillUp(final RawStore<?> store, final int from, final int limit) {
        final long[] one = new long[1];
        int taken = 0;
        while (taken < limit) {
            one[0] = handle(from + taken);
            if (!store.enqueue(one, 0, 1)) {
                break;
            }
            taken++;
        }
        return taken;
    }

    /** Takes everything (one bulk of {@code count()}), checks the store is then empty, returns it sorted. */
    private static long[] drain(final RawStore<?> store) {
        final int n = store.count();
        final long[] out = new long[n];
        assertTrue(store.dequeue(out, 0, n), "dequeue of count() = " + n + " handles failed");
        assertEquals(0, store.count(), "count after taking count() handles");
        assertFalse(store.dequeue(new long[1], 0, 1), "dequeue from a drained store succeeded");
        Arrays.sort(out);
        return out;
    }

    private static long[] sorted(final long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(Arrays::stream).sorted().toArray();
    }

    @Test
    @Override
    public void required_spi_nameIsWellFormed() {
        final MempoolOps<?> ops = MempoolOpsRegistry.get(opsName());
        final String name = ops.name();
        assertTrue(name != null && NAME.matcher(name).matches(), "name(): " + name + " (expected: [a-z0-9_]{1,31})");
        assertEquals(opsName(), name, "the registry returned an ops with another name");
    }

    @Test
    @Override
    public void required_spi_allocGivesAnEmptyStore() {
        final RawStore<?> store = store(SMALL);
        assertEquals(0, store.count(), "count of a new store");
        final long[] table = sentinels(4);
        assertFalse(store.dequeue(table, 1, 1), "dequeue from a new store succeeded");
        assertSentinels(table, 0, table.length, "failed dequeue");
        assertEquals(0, store.count(), "count after a failed dequeue");
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 3, SMALL, DPDK_SIZE})
    @Override
    public void required_spi_holdsAtLeastCapacity(final int capacity) {
        final RawStore<?> store = store(capacity);
        final long[] one = new long[1];
        for (int i = 0; i < capacity; i++) {
            one[0] = handle(i);
            assertTrue(store.enqueue(one, 0, 1), "enqueue #" + (i + 1) + " of capacity " + capacity + " failed");
            assertEquals(i + 1, store.count(), "count after enqueue #" + (i + 1));
        }
        final int held = capacity + fillUp(store, capacity, probeLimit(capacity));
        assertEquals(held, store.count(), "count once full");
        assertArrayEquals(handles(0, held), drain(store), "handles taken back");
    }

    @Test
    @Override
    public void required_spi_enqueueIsAllOrNothing() {
        final RawStore<?> empty = store(SMALL);
        final RawStore<?> store = store(SMALL);
        assertTrue(store.enqueue(handles(0, SMALL), 0, SMALL), "enqueue of capacity handles failed");
        final int extra = fillUp(store, SMALL, probeLimit(SMALL));
        assumeTrue(extra < probeLimit(SMALL), "the store took more than " + (SMALL + extra)
            + " handles for capacity " + SMALL + ": it has no full state to refuse an enqueue in");
        final int full = SMALL + extra;

        final long[] taken = new long[5];
        assertTrue(store.dequeue(taken, 0, 5), "dequeue of 5 from a full store failed");
        final long[] refused = handles(100_000, 6);
        assertFalse(store.enqueue(refused, 0, 6), "enqueue of 6 with room for 5 succeeded");
        assertEquals(full - 5, store.count(), "count after a refused enqueue");
        final long[] fresh = handles(200_000, 5);
        assertTrue(store.enqueue(fresh, 0, 5), "enqueue of 5 with room for 5 failed after a refused one");
        assertEquals(full, store.count(), "count once full again");

        final long[] kept = Arrays.stream(handles(0, full))
            .filter(h -> Arrays.stream(taken).noneMatch(t -> t == h)).toArray();
        assertArrayEquals(sorted(kept, fresh), drain(store), "contents: a refused enqueue added handles");

        final long[] tooMany = handles(300_000, full + 1);
        assertFalse(empty.enqueue(tooMany, 0, full + 1), "enqueue of " + (full + 1) + " into an empty store succeeded");
        assertEquals(0, empty.count(), "count after a refused enqueue into an empty store");
    }

    @Test
    @Override
    public void required_spi_dequeueIsAllOrNothing() {
        final RawStore<?> store = store(SMALL);
        final long[] in = handles(0, 10);
        assertTrue(store.enqueue(in, 0, 10), "enqueue of 10 failed");
        final long[] table = sentinels(32);
        assertFalse(store.dequeue(table, 5, 11), "dequeue of 11 from a store of 10 succeeded");
        assertSentinels(table, 0, table.length, "refused dequeue");
        assertEquals(10, store.count(), "count after a refused dequeue");

        assertTrue(store.dequeue(table, 5, 10), "dequeue of 10 from a store of 10 failed");
        assertSentinels(table, 0, 5, "dequeue at offset 5");
        assertSentinels(table, 15, table.length, "dequeue of 10 at offset 5");
        final long[] out = Arrays.copyOfRange(table, 5, 15);
        Arrays.sort(out);
        assertArrayEquals(in, out, "handles taken");
        assertEquals(0, store.count(), "count after taking all");

        Arrays.fill(table, SENTINEL);
        assertFalse(store.dequeue(table, 0, 1), "dequeue from an empty store succeeded");
        assertSentinels(table, 0, table.length, "refused dequeue from an empty store");
    }

    @Test
    @Override
    public void required_spi_countIsExactWhenQuiescent() {
        final Random random = new Random(0x6d656d70L);
        final RawStore<?> store = store(SMALL);
        final long[] table = new long[16];
        int model = 0;
        int next = 0;
        for (int step = 0; step < 2_000; step++) {
            final int n = random.nextInt(17);
            if (random.nextBoolean()) {
                for (int i = 0; i < n; i++) {
                    table[i] = handle(next + i);
                }
                final boolean added = store.enqueue(table, 0, n);
                if (model + n <= SMALL) {
                    assertTrue(added, "step " + step + ": enqueue of " + n + " into a store of " + model
                        + " with capacity " + SMALL + " failed");
                }
                if (added) {
                    model += n;
                    next += n;
                }
            } else {
                final boolean taken = store.dequeue(table, 0, n);
                assertEquals(n <= model, taken, "step " + step + ": dequeue of " + n + " from a store of " + model);
                if (taken) {
                    model -= n;
                }
            }
            assertEquals(model, store.count(), "step " + step + ": count");
        }
    }

    @Test
    @Override
    public void required_spi_everyHandleReturnedExactlyOnce() {
        final Random random = new Random(0x706f6f6cL);
        final int total = DPDK_SIZE;
        final RawStore<?> store = store(total);
        final long[] table = new long[128];
        int added = 0;
        while (added < total) {
            final int n = Math.min(total - added, 1 + random.nextInt(SMALL));
            final int offset = random.nextInt(table.length - n + 1);
            for (int i = 0; i < n; i++) {
                table[offset + i] = handle(added + i);
            }
            assertTrue(store.enqueue(table, offset, n), "enqueue of " + n + " at offset " + offset + " failed");
            added += n;
        }
        assertEquals(total, store.count(), "count once every handle is in");

        final BitSet seen = new BitSet(total);
        int left = total;
        while (left > 0) {
            final int n = Math.min(left, 1 + random.nextInt(SMALL));
            final int offset = random.nextInt(table.length - n + 1);
            Arrays.fill(table, SENTINEL);
            assertTrue(store.dequeue(table, offset, n), "dequeue of " + n + " with " + left + " left failed");
            assertSentinels(table, 0, offset, "dequeue at offset " + offset);
            assertSentinels(table, offset + n, table.length, "dequeue of " + n + " at offset " + offset);
            for (int i = offset; i < offset + n; i++) {
                final long h = table[i];
                final long index = (h - BASE) / 64;
                if ((h - BASE) % 64 != 0 || index < 0 || index >= total) {
                    fail("dequeue returned 0x" + Long.toHexString(h) + ", which was never enqueued");
                }
                if (seen.get((int)index)) {
                    fail("dequeue returned 0x" + Long.toHexString(h) + " twice");
                }
                seen.set((int)index);
            }
            left -= n;
        }
        assertEquals(total, seen.cardinality(), "distinct handles returned");
        assertEquals(0, store.count(), "count once every handle is out");
    }

    @Test
    @Override
    public void required_spi_handlesRoundTripUnchanged() {
        final long[] in = {
            1L, 8L, 63L, (1L << 32) - 8, 1L << 32, (1L << 32) + 8, 0x0000_7fff_ffff_f000L,
            0x00ff_ffff_ffff_ffc0L, 0x4000_0000_0000_0000L, Long.MAX_VALUE - 63, Long.MAX_VALUE,
        };
        final RawStore<?> store = store(in.length);
        assertTrue(store.enqueue(in, 0, in.length), "enqueue of " + in.length + " handles failed");
        final long[] out = drain(store);
        final long[] expected = in.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, out, "handles came back changed");
    }

    @Test
    @Override
    public void required_spi_zeroLengthCallsChangeNothing() {
        final RawStore<?> store = store(SMALL);
        final long[] table = sentinels(4);
        assertZeroLengthCallsChangeNothing(store, table, "empty store");

        final int held = fillUp(store, 0, probeLimit(SMALL));
        assertTrue(held >= SMALL, "the store took " + held + " handles for capacity " + SMALL);
        assertZeroLengthCallsChangeNothing(store, table, "full store of " + held);
        assertArrayEquals(handles(0, held), drain(store), "contents after zero-length calls");
    }

    private static void assertZeroLengthCallsChangeNothing(final RawStore<?> store, final long[] table,
                                                           final String what) {
        final int count = store.count();
        assertTrue(store.enqueue(table, 0, 0), what + ": enqueue of 0 failed");
        assertTrue(store.dequeue(table, 0, 0), what + ": dequeue of 0 failed");
        assertTrue(store.enqueue(table, table.length, 0), what + ": enqueue of 0 at offset == length failed");
        assertTrue(store.dequeue(table, table.length, 0), what + ": dequeue of 0 at offset == length failed");
        assertTrue(store.enqueue(new long[0], 0, 0), what + ": enqueue of 0 from an empty table failed");
        assertTrue(store.dequeue(new long[0], 0, 0), what + ": dequeue of 0 into an empty table failed");
        assertSentinels(table, 0, table.length, what + ": dequeue of 0");
        assertEquals(count, store.count(), what + ": count after zero-length calls");
    }

    @ParameterizedTest
    @EnumSource(BadTable.class)
    @Override
    public void required_spi_enqueueRejectsBadArguments(final BadTable bad) {
        final RawStore<?> store = store(SMALL);
        final long[] held = handles(0, BadTable.TABLE_LENGTH);
        assertTrue(store.enqueue(held, 0, held.length), "enqueue of " + held.length + " failed");
        final long[] table = bad.table();
        if (table != null) {
            System.arraycopy(handles(1_000, table.length), 0, table, 0, table.length);
        }
        assertThrows(bad.expected(), () -> store.enqueue(table, bad.offset(), bad.n()),
            "enqueue(" + bad + ": offset " + bad.offset() + ", n " + bad.n() + ")");
        assertEquals(held.length, store.count(), "count after a rejected enqueue");
        assertArrayEquals(held, drain(store), "contents after a rejected enqueue");
    }

    @ParameterizedTest
    @EnumSource(BadTable.class)
    @Override
    public void required_spi_dequeueRejectsBadArguments(final BadTable bad) {
        final RawStore<?> store = store(SMALL);
        final long[] held = handles(0, BadTable.TABLE_LENGTH);
        assertTrue(store.enqueue(held, 0, held.length), "enqueue of " + held.length + " failed");
        final long[] table = bad.table();
        if (table != null) {
            Arrays.fill(table, SENTINEL);
        }
        assertThrows(bad.expected(), () -> store.dequeue(table, bad.offset(), bad.n()),
            "dequeue(" + bad + ": offset " + bad.offset() + ", n " + bad.n() + ")");
        if (table != null) {
            assertSentinels(table, 0, table.length, "rejected dequeue");
        }
        assertEquals(held.length, store.count(), "count after a rejected dequeue");
        assertArrayEquals(held, drain(store), "contents after a rejected dequeue");
    }

    @Test
    @Override
    public void required_spi_storesAreIndependent() {
        final RawStore<?> a = store(16);
        final RawStore<?> b = store(16);
        final long[] inA = handles(0, 4);
        assertTrue(a.enqueue(inA, 0, 4), "enqueue of 4 into the first store failed");
        assertEquals(0, b.count(), "count of the second store after an enqueue into the first");
        assertFalse(b.dequeue(new long[1], 0, 1), "dequeue from the second store took from the first");
        final long[] inB = handles(100, 2);
        assertTrue(b.enqueue(inB, 0, 2), "enqueue of 2 into the second store failed");
        assertEquals(4, a.count(), "count of the first store after an enqueue into the second");
        assertArrayEquals(inA, drain(a), "contents of the first store");
        assertArrayEquals(inB, drain(b), "contents of the second store");
    }

    @Test
    @Override
    public void required_spi_freeAcceptsAStoreWithHandles() {
        final RawStore<?> store = store(16);
        assertTrue(store.enqueue(handles(0, 16), 0, 16), "enqueue of 16 failed");
        assertDoesNotThrow(store::close, "free of a store holding 16 handles");
    }

    @Test
    @Override
    public void required_spi_noContigBlocksMeansUnsupported() {
        final RawStore<?> store = store(SMALL);
        final int blockSize = store.contigBlockSize();
        assumeTrue(blockSize == 0, "contigBlockSize() returned " + blockSize
            + ": the store has contiguous blocks (see optional_spi_contigBlocksAreWhole)");
        assertTrue(store.enqueue(handles(0, 8), 0, 8), "enqueue of 8 failed");
        final long[] firsts = sentinels(2);
        assertThrows(UnsupportedOperationException.class, () -> store.dequeueContigBlocks(firsts, 0, 1),
            "dequeueContigBlocks with contigBlockSize() 0");
        assertSentinels(firsts, 0, firsts.length, "refused dequeueContigBlocks");
        assertEquals(8, store.count(), "count after a refused dequeueContigBlocks");
    }

    @Test
    @Override
    public void optional_spi_contigBlocksAreWhole() {
        final RawStore<?> store = store(DPDK_SIZE);
        final int blockSize = store.contigBlockSize();
        assumeTrue(blockSize > 0, "contigBlockSize() returned 0: the store has no contiguous blocks");
        final long[] in = handles(0, DPDK_SIZE);
        assertTrue(store.enqueue(in, 0, in.length), "enqueue of " + in.length + " failed");
        final long[] firsts = sentinels(3);
        final boolean taken = store.dequeueContigBlocks(firsts, 1, 1);
        if (!taken) {
            assertSentinels(firsts, 0, firsts.length, "refused dequeueContigBlocks");
            assertEquals(in.length, store.count(), "count after a refused dequeueContigBlocks");
        }
        assumeTrue(taken, "dequeueContigBlocks found no whole block among handles 64 bytes apart;"
            + " optional_pool_contigBlocksAreWhole checks blocks of real pool memory");
        assertSentinels(firsts, 0, 1, "dequeueContigBlocks at offset 1");
        assertSentinels(firsts, 2, 3, "dequeueContigBlocks of 1 at offset 1");
        assertTrue(Arrays.binarySearch(in, firsts[1]) >= 0,
            "first handle 0x" + Long.toHexString(firsts[1]) + " was never enqueued");
        assertEquals(in.length - blockSize, store.count(), "count after taking one block of " + blockSize);
    }
}
