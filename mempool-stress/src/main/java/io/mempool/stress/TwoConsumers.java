package io.mempool.stress;

import java.util.function.IntFunction;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Two consumers race bulk takes of two from a store holding three: exactly one succeeds, the loser's
 * table stays untouched, and the third handle stays in the store (multi-consumer sides only).
 */
public abstract class TwoConsumers extends StoreScenario {

    TwoConsumers(final IntFunction<HandleStore> factory) {
        super(factory, 3, 3, 3, takes(2), takes(2));
    }

    /** Takes two. */
    public void consumer1() {
        ok1 = store.dequeue(t1, 0, 2);
    }

    /** Takes two. */
    public void consumer2() {
        ok2 = store.dequeue(t2, 0, 2);
    }

    /** @param r the verdict; a dirty failure, or both failing, is a broken call. */
    public void arbiter(final IIIII_Result r) {
        settle(r, ok1, ok2, dirty(ok1, t1) + dirty(ok2, t2) + (ok1 || ok2 ? 0 : 1));
    }
}
