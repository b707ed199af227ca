package io.mempool.driver.ring;

/** The bounded concurrency checks on heap rings; every thread uses the one object. */
class HeapLongRingConcurrencyTest extends LongRingConcurrencyTest {
    @Override
    LongRing make(final LongRingBuilder builder) {
        return builder.build();
    }

    @Override
    LongRing view(final LongRing ring) {
        return ring;
    }
}
