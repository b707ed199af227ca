package io.mempool.stress;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * The state every store scenario shares: a fresh store, prefilled with the first handles of a small
 * universe, and one table per actor. jcstress makes a new instance for every race and publishes it to the
 * actors and then to the arbiter with happens-before edges of its own, so plain fields suffice.
 */
public abstract class StoreScenario {
    final HandleStore store;
    final long[] universe;
    /** The first actor's table: handles to put, or {@link Ledger#SENTINEL}s to take into. */
    final long[] t1;
    /** The second actor's table. */
    final long[] t2;
    /** Whether the first actor's call succeeded. */
    boolean ok1;
    /** Whether the second actor's call succeeded. */
    boolean ok2;

    /**
     * @param factory   makes the store from its capacity.
     * @param capacity  the store's capacity.
     * @param handles   the universe's size: handles 1..handles exist.
     * @param prefilled handles 1..prefilled start in the store.
     * @param t1        the first actor's table.
     * @param t2        the second actor's table.
     */
    StoreScenario(final IntFunction<HandleStore> factory, final int capacity, final int handles,
                  final int prefilled, final long[] t1, final long[] t2) {
        this.store = factory.apply(capacity);
        this.universe = Ledger.handles(handles);
        this.t1 = t1;
        this.t2 = t2;
        if (prefilled > 0 && !store.enqueue(universe, 0, prefilled)) {
            throw new IllegalStateException("prefill of " + prefilled + " refused by an empty store of " + capacity);
        }
    }

    /** @return handles {@code from..to} (numbers from 1), to put. */
    static long[] puts(final int from, final int to) {
        final long[] table = new long[to - from + 1];
        for (int i = from; i <= to; i++) {
            table[i - from] = Ledger.handle(i);
        }
        return table;
    }

    /** @return a take-table of {@code n} sentinels. */
    static long[] takes(final int n) {
        final long[] table = new long[n];
        Arrays.fill(table, Ledger.SENTINEL);
        return table;
    }

    /** @return 1 if a failed take wrote its table, else 0. */
    static int dirty(final boolean ok, final long[] table) {
        return !ok && !Ledger.untouched(table) ? 1 : 0;
    }

    /**
     * Tallies what each actor holds and what the store still has, then frees the store.
     *
     * @param r       the result.
     * @param held1   whether the first actor holds its table (a failed put, or a successful take).
     * @param held2   whether the second actor holds its table.
     * @param broken  calls that broke the contract, found by the scenario.
     */
    final void settle(final IIIII_Result r, final boolean held1, final boolean held2, final int broken) {
        final Ledger ledger = new Ledger(universe);
        if (held1) {
            ledger.saw(t1, 0, t1.length);
        }
        if (held2) {
            ledger.saw(t2, 0, t2.length);
        }
        final int count = store.count();
        final int drained = ledger.drain(store);
        store.free();
        ledger.record(r, count - drained, broken);
    }
}
