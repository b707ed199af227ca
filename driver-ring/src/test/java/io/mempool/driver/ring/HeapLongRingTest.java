package io.mempool.driver.ring;

/** DPDK test_ring's single-thread checks on heap rings ({@code build()}). */
class HeapLongRingTest extends LongRingTest {
    @Override
    LongRing make(final LongRingBuilder builder) {
        return builder.build();
    }
}
