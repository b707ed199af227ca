package io.mempool.driver.ring;

import io.mempool.testkit.MemzoneRegions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The bounded concurrency checks on off-heap rings: producers use the creator's view, consumers (and half
 * the churn threads) another view from {@code attach} of the same memory, as two processes would.
 */
class OffHeapLongRingConcurrencyTest extends LongRingConcurrencyTest {
    private final MemzoneRegions regions = new MemzoneRegions();
    private final Map<LongRing, long[]> ranges = new HashMap<>();

    @AfterEach
    void freeRegions() {
        regions.close();
    }

    @Override
    LongRing make(final LongRingBuilder builder) {
        final long length = builder.bytes();
        final long address = regions.allocate(length);
        final LongRing ring = builder.createIn(address, length);
        ranges.put(ring, new long[] {address, length});
        return ring;
    }

    @Override
    LongRing view(final LongRing ring) {
        final long[] range = ranges.get(ring);
        return LongRing.attach(range[0], range[1]);
    }
}
