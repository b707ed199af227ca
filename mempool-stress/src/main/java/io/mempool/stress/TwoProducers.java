package io.mempool.stress;

import java.util.function.IntFunction;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * Two producers race bulk puts of two handles each into an empty store with room for both: both must
 * succeed, and all four handles come out exactly once (multi-producer sides only).
 */
public abstract class TwoProducers extends StoreScenario {

    TwoProducers(final IntFunction<HandleStore> factory) {
        super(factory, 4, 4, 0, puts(1, 2), puts(3, 4));
    }

    /** Puts handles 1 and 2. */
    public void producer1() {
        ok1 = store.enqueue(t1, 0, 2);
    }

    /** Puts handles 3 and 4. */
    public void producer2() {
        ok2 = store.enqueue(t2, 0, 2);
    }

    /** @param r the verdict; a failed put had room, so it is a broken call. */
    public void arbiter(final IIIII_Result r) {
        settle(r, !ok1, !ok2, (ok1 ? 0 : 1) + (ok2 ? 0 : 1));
    }
}
