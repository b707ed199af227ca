package io.mempool.stress;

import java.util.function.IntFunction;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * At the full boundary: a store of three holds two; a producer's bulk put of two fits only once the
 * consumer's single take has freed a slot. The take always succeeds; the put may go either way. One
 * thread per side, so every sync mode runs it.
 */
public abstract class FullBoundary extends StoreScenario {

    FullBoundary(final IntFunction<HandleStore> factory) {
        super(factory, 3, 4, 2, puts(3, 4), takes(1));
    }

    /** Puts handles 3 and 4, all or none. */
    public void producer() {
        ok1 = store.enqueue(t1, 0, 2);
    }

    /** Takes one. */
    public void consumer() {
        ok2 = store.dequeue(t2, 0, 1);
    }

    /** @param r the verdict; a failed take (the store always held two) is a broken call. */
    public void arbiter(final IIIII_Result r) {
        settle(r, !ok1, ok2, ok2 ? 0 : 1);
    }
}
