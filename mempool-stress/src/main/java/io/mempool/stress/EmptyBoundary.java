package io.mempool.stress;

import java.util.function.IntFunction;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * At the empty boundary: a store of three holds one; a consumer's bulk take of two succeeds only once the
 * producer's single put has landed. The put always succeeds; the take may go either way and, failing,
 * leaves its table untouched. One thread per side, so every sync mode runs it.
 */
public abstract class EmptyBoundary extends StoreScenario {

    EmptyBoundary(final IntFunction<HandleStore> factory) {
        super(factory, 3, 2, 1, puts(2, 2), takes(2));
    }

    /** Puts handle 2. */
    public void producer() {
        ok1 = store.enqueue(t1, 0, 1);
    }

    /** Takes two, all or none. */
    public void consumer() {
        ok2 = store.dequeue(t2, 0, 2);
    }

    /** @param r the verdict; a failed put (there was room) or a dirty failed take is a broken call. */
    public void arbiter(final IIIII_Result r) {
        settle(r, !ok1, ok2, (ok1 ? 0 : 1) + dirty(ok2, t2));
    }
}
