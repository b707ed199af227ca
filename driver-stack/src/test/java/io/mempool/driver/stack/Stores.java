package io.mempool.driver.stack;

import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;

/** The two stacks, as named factories for parameterized tests. */
final class Stores {
    private Stores() {
    }

    /** @return a factory per stack class, named after it. */
    static Stream<Named<IntFunction<LifoLongStore>>> factories() {
        return Stream.of(
            Named.of("LongStack", LongStack::new),
            Named.of("LockFreeLongStack", LockFreeLongStack::new));
    }

    /** @return {@code from, from + 1, ..., from + n - 1}. */
    static long[] handles(final long from, final int n) {
        final long[] table = new long[n];
        for (int i = 0; i < n; i++) {
            table[i] = from + i;
        }
        return table;
    }
}
