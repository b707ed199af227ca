package io.mempool.tests;

import io.mempool.driver.ring.LongRing;
import org.agrona.BufferUtil;
import org.agrona.IoUtil;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The other process of {@link SharedRingTwoJvmTest}: maps the file another JVM made a {@link LongRing} in,
 * attaches to the ring, and takes {@code count} longs, which must be 1, 2, 3, ... in order. Prints
 * {@code received:<count>} and exits 0, or prints what went wrong and exits 1.
 */
public final class SharedRingConsumerMain {
    private static final long GIVE_UP_SECONDS = 45;

    private SharedRingConsumerMain() {
    }

    /**
     * @param args the file, its length, and how many longs to take.
     */
    public static void main(final String[] args) {
        final File file = new File(args[0]);
        final long length = Long.parseLong(args[1]);
        final long count = Long.parseLong(args[2]);
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file, "shared ring");
        try {
            final LongRing ring = LongRing.attach(BufferUtil.address(mapped), length);
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
            IoUtil.unmap(mapped);
        }
    }
}
