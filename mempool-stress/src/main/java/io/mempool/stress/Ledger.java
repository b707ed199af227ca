package io.mempool.stress;

import java.util.Arrays;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * The arbiter's tally: how often each handle of a known universe was seen, in the store or in an actor's
 * hands, and how many values outside it. Used by one thread, after the actors.
 */
final class Ledger {
    /** What an actor's take-table holds before the call: a failed take must leave it so. */
    static final long SENTINEL = -1L;

    private final long[] universe;
    private final int[] seen;
    private int foreign;

    /**
     * @param universe every handle that exists, sorted ascending, distinct.
     */
    Ledger(final long[] universe) {
        this.universe = universe;
        this.seen = new int[universe.length];
    }

    /**
     * @param n how many handles.
     * @return handles 1..n of a store test: distinct, non-zero, 64-byte aligned like a pool's objects.
     */
    static long[] handles(final int n) {
        final long[] handles = new long[n];
        for (int i = 0; i < n; i++) {
            handles[i] = handle(i + 1);
        }
        return handles;
    }

    /**
     * @param i the handle's number, from 1.
     * @return the handle.
     */
    static long handle(final int i) {
        return (long) i << 6;
    }

    /**
     * @param table a take-table.
     * @return whether every slot still holds {@link #SENTINEL}.
     */
    static boolean untouched(final long[] table) {
        for (final long value : table) {
            if (value != SENTINEL) {
                return false;
            }
        }
        return true;
    }

    void saw(final long handle) {
        final int index = Arrays.binarySearch(universe, handle);
        if (index >= 0) {
            seen[index]++;
        } else {
            foreign++;
        }
    }

    void saw(final long[] table, final int offset, final int n) {
        for (int i = offset; i < offset + n; i++) {
            saw(table[i]);
        }
    }

    /**
     * Takes every handle left in the store, one at a time, and tallies it.
     *
     * @param store a quiescent store.
     * @return how many were taken.
     */
    int drain(final HandleStore store) {
        final long[] one = new long[1];
        int drained = 0;
        while (store.dequeue(one, 0, 1)) {
            saw(one[0]);
            drained++;
            if (drained > universe.length + 1) {
                break; // a store that keeps handing out values is broken; enough to grade it
            }
        }
        return drained;
    }

    /**
     * Writes the verdict: {@code lost, duplicated, foreign, countError, brokenCalls}.
     *
     * @param r           the result.
     * @param countError  the store's (or pool's) quiescent count minus what was really there.
     * @param brokenCalls failed calls that wrote the caller's table or failed although they had room.
     */
    void record(final IIIII_Result r, final int countError, final int brokenCalls) {
        int lost = 0;
        int duplicated = 0;
        for (final int times : seen) {
            if (times == 0) {
                lost++;
            } else {
                duplicated += times - 1;
            }
        }
        r.r1 = lost;
        r.r2 = duplicated;
        r.r3 = foreign;
        r.r4 = countError;
        r.r5 = brokenCalls;
    }

    boolean conserved() {
        if (foreign != 0) {
            return false;
        }
        for (final int times : seen) {
            if (times != 1) {
                return false;
            }
        }
        return true;
    }
}
