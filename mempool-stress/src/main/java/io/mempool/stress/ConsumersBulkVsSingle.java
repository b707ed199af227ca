package io.mempool.stress;

import java.util.function.IntFunction;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * A bulk take of two and a single take race for a full store of two: exactly one succeeds, whichever comes
 * first, and the loser's table stays untouched (multi-consumer sides only).
 */
public abstract class ConsumersBulkVsSingle extends StoreScenario {

    ConsumersBulkVsSingle(final IntFunction<HandleStore> factory) {
        super(factory, 2, 2, 2, takes(2), takes(1));
    }

    /** Takes two, all or none. */
    public void bulkConsumer() {
        ok1 = store.dequeue(t1, 0, 2);
    }

    /** Takes one. */
    public void singleConsumer() {
        ok2 = store.dequeue(t2, 0, 1);
    }

    /** @param r the verdict; a dirty failure, or both failing, is a broken call. */
    public void arbiter(final IIIII_Result r) {
        settle(r, ok1, ok2, dirty(ok1, t1) + dirty(ok2, t2) + (ok1 || ok2 ? 0 : 1));
    }
}
