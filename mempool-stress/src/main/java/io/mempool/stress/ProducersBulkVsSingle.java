package io.mempool.stress;

import java.util.function.IntFunction;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * A bulk put of two and a single put race for an empty store of two: exactly one fits, whichever comes
 * first, and the loser keeps its handles (multi-producer sides only).
 */
public abstract class ProducersBulkVsSingle extends StoreScenario {

    ProducersBulkVsSingle(final IntFunction<HandleStore> factory) {
        super(factory, 2, 3, 0, puts(1, 2), puts(3, 3));
    }

    /** Puts handles 1 and 2, all or none. */
    public void bulkProducer() {
        ok1 = store.enqueue(t1, 0, 2);
    }

    /** Puts handle 3. */
    public void singleProducer() {
        ok2 = store.enqueue(t2, 0, 1);
    }

    /** @param r the verdict; both failing is a broken call (the first always had room). */
    public void arbiter(final IIIII_Result r) {
        settle(r, !ok1, !ok2, ok1 || ok2 ? 0 : 1);
    }
}
