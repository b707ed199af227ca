package io.mempool.driver.ring;

/**
 * A validated ring description, from {@link LongRingBuilder#build()} to the {@link LongRing} constructors.
 *
 * @param slots      the slot count, a power of two.
 * @param capacity   the most handles held at once.
 * @param producer   how producers synchronise.
 * @param consumer   how consumers synchronise.
 * @param htdMax     the head - tail distance bound of an RTS side.
 * @param startIndex where every head and tail starts (0, or near 2^32 in tests).
 */
record LongRingSpec(int slots, int capacity, LongRing.SyncMode producer, LongRing.SyncMode consumer, int htdMax,
    int startIndex) {
}
