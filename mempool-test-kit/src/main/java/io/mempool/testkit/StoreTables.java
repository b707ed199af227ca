package io.mempool.testkit;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the SPI rules do to raw stores and tables, over and over: sentinel tables, filling a store to
 * its limit, draining it. Thread-safe: static and stateless.
 */
final class StoreTables {
    /** Written into a caller's table beforehand, so a write the store should not make shows. */
    static final long SENTINEL = 0x5e5e_5e5e_5e5e_5e5eL;

    private StoreTables() {
    }

    static long[] sentinels(final int n) {
        final long[] objs = new long[n];
        Arrays.fill(objs, SENTINEL);
        return objs;
    }

    static void assertSentinels(final long[] objs, final int from, final int to, final String what) {
        for (int i = from; i < to; i++) {
            assertEquals(SENTINEL, objs[i], what + ": slot " + i + " of the caller's table was written");
        }
    }

    /** Bound on probing past the capacity: a store taking more is treated as unbounded. */
    static int probeLimit(final int capacity) {
        return 4 * capacity + 64;
    }

    /**
     * Enqueues {@code handles[from ..)} one by one until the store refuses or {@code limit} are in.
     *
     * @return how many it took.
     */
    static int fillUp(final RawStore<?> store, final long[] handles, final int from, final int limit) {
        final long[] one = new long[1];
        int taken = 0;
        while (taken < limit) {
            one[0] = handles[from + taken];
            if (!store.enqueue(one, 0, 1)) {
                break;
            }
            taken++;
        }
        return taken;
    }

    /** Takes everything (one bulk of {@code count()}), checks the store is then empty, returns it sorted. */
    static long[] drain(final RawStore<?> store) {
        final int n = store.count();
        final long[] out = new long[n];
        assertTrue(store.dequeue(out, 0, n), "dequeue of count() = " + n + " handles failed");
        assertEquals(0, store.count(), "count after taking count() handles");
        assertFalse(store.dequeue(new long[1], 0, 1), "dequeue from a drained store succeeded");
        Arrays.sort(out);
        return out;
    }

    /** {@code objs[from .. to)}, sorted: what a drain must give back. */
    static long[] sorted(final long[] objs, final int from, final int to) {
        final long[] copy = Arrays.copyOfRange(objs, from, to);
        Arrays.sort(copy);
        return copy;
    }

    /** The parts joined and sorted. */
    static long[] sorted(final long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(Arrays::stream).sorted().toArray();
    }
}
