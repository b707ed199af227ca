package io.mempool.tests;

import io.mempool.core.Memzone;
import io.mempool.driver.ring.LongRing;

import java.util.concurrent.TimeUnit;

/**
 * The other process of {@link SharedRingTwoJvmTest}: looks up the shared memzone another JVM made a
 * {@link LongRing} in, attaches to the ring, and takes {@code count} longs, which must be 1, 2, 3, ... in
 * order. Prints {@code received:<count>} and exits 0, or prints what went wrong and exits 1.
 */
public final class SharedRingConsumerMain {
    private static final long GIVE_UP_SECONDS = 45;

    private SharedRingConsumerMain() {
    }

    /**
     * @param args the memzone's name and how many longs to take.
     */
    public static void main(final String[] args) {
        final long count = Long.parseLong(args[1]);
        final Memzone zone = Memzone.lookup(args[0]).orElseThrow(() -> new AssertionError("no memzone " + args[0]));
        try {
            final LongRing ring = LongRing.attach(zone.region());
            System.out.println("attached:" + ring);
            final long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
            final long[] table = new long[64];
            long expected = 1;
            while (expected <= count) {
                final int taken = ring.dequeueBurst(table, 0, table.length);
                for (int i = 0; i < taken; i++) {
                    if (table[i] != expected) {
                        System.out.println("out of order: " + table[i] + " where " + expected + " was expected");
                        System.exit(1);
                    }
                    expected++;
                }
                if (taken == 0) {
                    if (System.nanoTime() > giveUp) {
                        System.out.println("gave up after " + GIVE_UP_SECONDS + " s at " + (expected - 1) + " of " + count);
                        System.exit(1);
                    }
                    Thread.onSpinWait(); // the producer in the other JVM is behind
                }
            }
            System.out.println("received:" + (expected - 1));
        } finally {
            zone.free();
        }
    }
}
