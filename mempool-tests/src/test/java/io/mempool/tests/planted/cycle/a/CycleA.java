package io.mempool.tests.planted.cycle.a;

import io.mempool.tests.planted.cycle.b.CycleB;

/** One half of a package cycle a -> b -> a. */
public final class CycleA {
    private CycleA() {
    }

    /**
     * @return the other half's answer.
     */
    public static int value() {
        return CycleB.base() + 1;
    }
}
