package io.mempool.testkit;

import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static io.mempool.testkit.StoreTables.assertSentinels;
import static io.mempool.testkit.StoreTables.drain;
import static io.mempool.testkit.StoreTables.fillUp;
import static io.mempool.testkit.StoreTables.probeLimit;
import static io.mempool.testkit.StoreTables.sentinels;
import static io.mempool.testkit.StoreTables.sorted;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SPI rules ({@link MempoolOpsConformanceRules.Spi}) on raw stores of the ops under test, filled
 * with the kit's {@link MempoolOpsConformance#handles(int) handles}: a store must hand back what it was
 * given. Single-threaded.
 */
abstract class SpiConformance extends ConformanceGroup implements MempoolOpsConformanceRules.Spi {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,31}");
    private static final Set<MempoolFlag> PROMISES = EnumSet.of(MempoolFlag.SP_PUT, MempoolFlag.SC_GET);
    private static final int SMALL = 64;

    SpiConformance(final MempoolOpsConformance kit) {
        super(kit);
    }

    /** The handles of one rule. */
    private long[] handles(final int n) {
        return kit.handles(n);
    }

    private static String hex(final long handle) {
        return "0x" + Long.toHexString(handle);
    }

    @Test
    @Override
    public void required_spi_nameIsWellFormed() {
        final MempoolOps<?> ops = ops();
        final String name = ops.name();
        assertTrue(name != null && NAME.matcher(name).matches(), "name(): " + name + " (expected: [a-z0-9_]{1,31})");
        assertEquals(opsName(), name, "the registry returned an ops with another name");
    }

    @Test
    @Override
    public void required_spi_requiredFlagsAreSingleThreadPromises() {
        final Set<MempoolFlag> flags = ops().requiredFlags();
        assertNotNull(flags, "requiredFlags() returned null");
        assertTrue(PROMISES.containsAll(flags), "requiredFlags(): " + flags + " (expected: a subset of " + PROMISES + ")");
        assertEquals(flags, ops().requiredFlags(), "requiredFlags() changed between two calls");
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
        final long[] h = handles(capacity + probeLimit(capacity));
        final RawStore<?> store = store(capacity);
        for (int i = 0; i < capacity; i++) {
            assertTrue(store.enqueue(h, i, 1), "enqueue #" + (i + 1) + " of capacity " + capacity + " failed");
            assertEquals(i + 1, store.count(), "count after enqueue #" + (i + 1));
        }
        final int held = capacity + fillUp(store, h, capacity, probeLimit(capacity));
        assertEquals(held, store.count(), "count once full");
        assertArrayEquals(sorted(h, 0, held), drain(store), "handles taken back");
    }

    @Test
    @Override
    public void required_spi_enqueueIsAllOrNothing() {
        final int limit = probeLimit(SMALL);
        final long[] h = handles(2 * (SMALL + limit) + 12);
        final RawStore<?> store = store(SMALL);
        assertTrue(store.enqueue(h, 0, SMALL), "enqueue of capacity handles failed");
        final int extra = fillUp(store, h, SMALL, limit);
        final int full = SMALL + extra;
        if (extra == limit) {
            // no full state within the probe: then every enqueue must have added all its handles
            assertEquals(full, store.count(), "count of a store that refused none of " + full + " handles");
            assertArrayEquals(sorted(h, 0, full), drain(store), "contents: an accepted enqueue lost handles");
            return;
        }
        final long[] taken = new long[5];
        assertTrue(store.dequeue(taken, 0, 5), "dequeue of 5 from a full store failed");
        assertFalse(store.enqueue(h, full, 6), "enqueue of 6 with room for 5 succeeded");
        assertEquals(full - 5, store.count(), "count after a refused enqueue");
        assertTrue(store.enqueue(h, full + 6, 5), "enqueue of 5 with room for 5 failed after a refused one");
        assertEquals(full, store.count(), "count once full again");

        final long[] kept = Arrays.stream(h, 0, full).filter(x -> Arrays.stream(taken).noneMatch(t -> t == x)).toArray();
        assertArrayEquals(sorted(kept, Arrays.copyOfRange(h, full + 6, full + 11)), drain(store),
            "contents: a refused enqueue added handles");

        final RawStore<?> empty = store(SMALL);
        assertFalse(empty.enqueue(h, full + 11, full + 1), "enqueue of " + (full + 1) + " into an empty store succeeded");
        assertEquals(0, empty.count(), "count after a refused enqueue into an empty store");
    }

    @Test
    @Override
    public void required_spi_dequeueIsAllOrNothing() {
        final RawStore<?> store = store(SMALL);
        final long[] in = handles(10);
        assertTrue(store.enqueue(in, 0, 10), "enqueue of 10 failed");
        final long[] table = sentinels(32);
        assertFalse(store.dequeue(table, 5, 11), "dequeue of 11 from a store of 10 succeeded");
        assertSentinels(table, 0, table.length, "refused dequeue");
        assertEquals(10, store.count(), "count after a refused dequeue");

        assertTrue(store.dequeue(table, 5, 10), "dequeue of 10 from a store of 10 failed");
        assertSentinels(table, 0, 5, "dequeue at offset 5");
        assertSentinels(table, 15, table.length, "dequeue of 10 at offset 5");
        assertArrayEquals(sorted(in, 0, 10), sorted(table, 5, 15), "handles taken");
        assertEquals(0, store.count(), "count after taking all");

        Arrays.fill(table, StoreTables.SENTINEL);
        assertFalse(store.dequeue(table, 0, 1), "dequeue from an empty store succeeded");
        assertSentinels(table, 0, table.length, "refused dequeue from an empty store");
    }

    @Test
    @Override
    public void required_spi_countIsExactWhenQuiescent() {
        final Random random = new Random(0x6d656d70L);
        final long[] h = handles(SMALL * SMALL);
        final RawStore<?> store = store(SMALL);
        final long[] table = new long[16];
        int model = 0;
        int next = 0;
        for (int step = 0; step < 2_000; step++) {
            final int n = random.nextInt(17);
            if (random.nextBoolean()) {
                for (int i = 0; i < n; i++) {
                    table[i] = h[(next + i) % h.length];
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
        final long[] h = handles(total);
        final Map<Long, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < total; i++) {
            indexOf.put(h[i], i);
        }
        final RawStore<?> store = store(total);
        final long[] table = new long[128];
        int added = 0;
        while (added < total) {
            final int n = Math.min(total - added, 1 + random.nextInt(SMALL));
            final int offset = random.nextInt(table.length - n + 1);
            System.arraycopy(h, added, table, offset, n);
            assertTrue(store.enqueue(table, offset, n), "enqueue of " + n + " at offset " + offset + " failed");
            added += n;
        }
        assertEquals(total, store.count(), "count once every handle is in");

        final BitSet seen = new BitSet(total);
        int left = total;
        while (left > 0) {
            final int n = Math.min(left, 1 + random.nextInt(SMALL));
            final int offset = random.nextInt(table.length - n + 1);
            Arrays.fill(table, StoreTables.SENTINEL);
            assertTrue(store.dequeue(table, offset, n), "dequeue of " + n + " with " + left + " left failed");
            assertSentinels(table, 0, offset, "dequeue at offset " + offset);
            assertSentinels(table, offset + n, table.length, "dequeue of " + n + " at offset " + offset);
            for (int i = offset; i < offset + n; i++) {
                final Integer index = indexOf.get(table[i]);
                if (index == null) {
                    fail("dequeue returned " + hex(table[i]) + ", which was never enqueued");
                }
                if (seen.get(index)) {
                    fail("dequeue returned " + hex(table[i]) + " twice");
                }
                seen.set(index);
            }
            left -= n;
        }
        assertEquals(total, seen.cardinality(), "distinct handles returned");
        assertEquals(0, store.count(), "count once every handle is out");
    }

    @Test
    @Override
    public void required_spi_handlesRoundTripUnchanged() {
        final long[] in = handles(SMALL);
        final RawStore<?> store = store(SMALL);
        assertTrue(store.enqueue(in, 0, in.length), "enqueue of " + in.length + " handles failed");
        assertArrayEquals(sorted(in, 0, in.length), drain(store), "handles came back changed");
    }

    @Test
    @Override
    public void required_spi_zeroLengthCallsChangeNothing() {
        final long[] h = handles(probeLimit(SMALL));
        final RawStore<?> store = store(SMALL);
        final long[] table = sentinels(4);
        assertZeroLengthCallsChangeNothing(store, table, "empty store");

        final int held = fillUp(store, h, 0, h.length);
        assertTrue(held >= SMALL, "the store took " + held + " handles for capacity " + SMALL);
        assertZeroLengthCallsChangeNothing(store, table, "full store of " + held);
        assertArrayEquals(sorted(h, 0, held), drain(store), "contents after zero-length calls");
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

    /** The call must throw one of the exceptions {@code bad} accepts. */
    private static void assertRejected(final BadTable bad, final String what, final Runnable call) {
        final RuntimeException thrown = assertThrows(RuntimeException.class, call::run,
            what + " (expected: one of " + bad.accepted() + ")");
        if (!bad.accepts(thrown)) {
            fail(what + " threw " + thrown + " (expected: one of " + bad.accepted() + ")", thrown);
        }
    }

    @ParameterizedTest
    @EnumSource(BadTable.class)
    @Override
    public void required_spi_enqueueRejectsBadArguments(final BadTable bad) {
        final long[] h = handles(2 * BadTable.TABLE_LENGTH);
        final RawStore<?> store = store(SMALL);
        assertTrue(store.enqueue(h, 0, BadTable.TABLE_LENGTH), "enqueue of " + BadTable.TABLE_LENGTH + " failed");
        final long[] table = bad.table();
        if (table != null) {
            System.arraycopy(h, BadTable.TABLE_LENGTH, table, 0, table.length);
        }
        assertRejected(bad, "enqueue(" + bad + ": offset " + bad.offset() + ", n " + bad.n() + ")",
            () -> store.enqueue(table, bad.offset(), bad.n()));
        assertEquals(BadTable.TABLE_LENGTH, store.count(), "count after a rejected enqueue");
        assertArrayEquals(sorted(h, 0, BadTable.TABLE_LENGTH), drain(store), "contents after a rejected enqueue");
    }

    @ParameterizedTest
    @EnumSource(BadTable.class)
    @Override
    public void required_spi_dequeueRejectsBadArguments(final BadTable bad) {
        final long[] h = handles(BadTable.TABLE_LENGTH);
        final RawStore<?> store = store(SMALL);
        assertTrue(store.enqueue(h, 0, h.length), "enqueue of " + h.length + " failed");
        final long[] table = bad.table();
        if (table != null) {
            Arrays.fill(table, StoreTables.SENTINEL);
        }
        assertRejected(bad, "dequeue(" + bad + ": offset " + bad.offset() + ", n " + bad.n() + ")",
            () -> store.dequeue(table, bad.offset(), bad.n()));
        if (table != null) {
            assertSentinels(table, 0, table.length, "rejected dequeue");
        }
        assertEquals(h.length, store.count(), "count after a rejected dequeue");
        assertArrayEquals(sorted(h, 0, h.length), drain(store), "contents after a rejected dequeue");
    }

    @Test
    @Override
    public void required_spi_storesAreIndependent() {
        final long[] h = handles(6);
        final RawStore<?> a = store(16);
        final RawStore<?> b = store(16);
        assertTrue(a.enqueue(h, 0, 4), "enqueue of 4 into the first store failed");
        assertEquals(0, b.count(), "count of the second store after an enqueue into the first");
        assertFalse(b.dequeue(new long[1], 0, 1), "dequeue from the second store took from the first");
        assertTrue(b.enqueue(h, 4, 2), "enqueue of 2 into the second store failed");
        assertEquals(4, a.count(), "count of the first store after an enqueue into the second");
        assertArrayEquals(sorted(h, 0, 4), drain(a), "contents of the first store");
        assertArrayEquals(sorted(h, 4, 6), drain(b), "contents of the second store");
    }

    @Test
    @Override
    public void required_spi_freeAcceptsAStoreWithHandles() {
        final RawStore<?> store = store(16);
        assertTrue(store.enqueue(handles(16), 0, 16), "enqueue of 16 failed");
        assertDoesNotThrow(store::close, "free of a store holding 16 handles");
    }

    @Test
    @Override
    public void optional_spi_noContigBlocksMeansUnsupported() {
        final RawStore<?> store = store(SMALL);
        final int blockSize = store.contigBlockSize();
        assumeTrue(blockSize == 0, "contigBlockSize() returned " + blockSize
            + ": the store has contiguous blocks (see optional_spi_contigBlocksAreWhole)");
        assertTrue(store.enqueue(handles(8), 0, 8), "enqueue of 8 failed");
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
        final long[] in = handles(DPDK_SIZE);
        assertTrue(store.enqueue(in, 0, in.length), "enqueue of " + in.length + " failed");
        final long[] firsts = sentinels(3);
        final boolean taken = store.dequeueContigBlocks(firsts, 1, 1);
        if (!taken) {
            assertSentinels(firsts, 0, firsts.length, "refused dequeueContigBlocks");
            assertEquals(in.length, store.count(), "count after a refused dequeueContigBlocks");
        }
        assumeTrue(taken, "dequeueContigBlocks found no whole block among the kit's handles(n);"
            + " optional_pool_contigBlocksAreWhole checks blocks of real pool memory");
        assertSentinels(firsts, 0, 1, "dequeueContigBlocks at offset 1");
        assertSentinels(firsts, 2, 3, "dequeueContigBlocks of 1 at offset 1");
        assertTrue(Arrays.binarySearch(sorted(in, 0, in.length), firsts[1]) >= 0,
            "first handle " + hex(firsts[1]) + " was never enqueued");
        assertEquals(in.length - blockSize, store.count(), "count after taking one block of " + blockSize);
    }
}
