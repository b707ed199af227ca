package io.mempool.tests.planted.cycle.b;

import io.mempool.tests.planted.cycle.a.CycleA;

/** The other half of a package cycle a -> b -> a. */
public final class CycleB {
    private CycleB() {
    }

    /**
     * @return a base value.
     */
    public static int base() {
        return 41;
    }

    /**
     * @return the first half's answer.
     */
    public static int back() {
        return CycleA.value();
    }
}
