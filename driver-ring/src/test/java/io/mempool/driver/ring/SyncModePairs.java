package io.mempool.driver.ring;

import io.mempool.driver.ring.LongRing.SyncMode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every producer/consumer combination of sync modes, for {@code @MethodSource}. */
final class SyncModePairs {
    private SyncModePairs() {
    }

    static Stream<Arguments> all() {
        return Arrays.stream(SyncMode.values())
            .flatMap(producer -> Arrays.stream(SyncMode.values()).map(consumer -> Arguments.of(producer, consumer)));
    }

    /** The pairs with at least one RTS side, where htdMax applies. */
    static Stream<Arguments> withRts() {
        return all().filter(pair -> Arrays.asList(pair.get()).contains(SyncMode.RTS));
    }
}
