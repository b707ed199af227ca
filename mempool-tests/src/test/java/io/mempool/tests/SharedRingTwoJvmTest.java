package io.mempool.tests;

import io.mempool.core.Memzone;
import io.mempool.driver.ring.LongRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link LongRing} made by {@code createIn} in a shared memzone that two JVMs map carries a million
 * longs from this JVM to a child JVM ({@link SharedRingConsumerMain}), in order, within the child's time
 * limit, with no JVM flag on either side. The ring is multi-producer/multi-consumer, so every call of both processes goes through the
 * off-heap CAS paths.
 */
class SharedRingTwoJvmTest {
    private static final int CAPACITY = 4096;
    private static final long COUNT = 1_000_000;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(50);

    @Test
    void aMillionLongsCrossToAnotherJvmInOrder(@TempDir final Path dir) throws Exception {
        final String runtimeDir = "-Dmempool.runtime.dir=" + dir.resolve("runtime");
        final String previous = System.getProperty("mempool.runtime.dir");
        System.setProperty("mempool.runtime.dir", dir.resolve("runtime").toString());
        final Memzone zone = Memzone.reserveShared("two_jvm_ring", LongRing.bytesFor(CAPACITY), 128);
        try {
            final LongRing ring = LongRing.createIn(zone.region(), CAPACITY);
            final AtomicLong sent = new AtomicLong();
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread producer = new Thread(() -> produce(ring, sent, failure), "shared-ring-producer");
            producer.setDaemon(true);
            producer.start();
            final List<String> args = List.of(runtimeDir, "-cp", System.getProperty("java.class.path"),
                SharedRingConsumerMain.class.getName(), zone.name(), Long.toString(COUNT));
            final ChildJvm.Result result = ChildJvm.run(dir, args);
            producer.join(TimeUnit.NANOSECONDS.toMillis(GIVE_UP_NANOS));
            ChildJvm.assertSucceeded(result, args);
            assertTrue(result.output().lines().anyMatch(("received:" + COUNT)::equals), result.output());
            assertNull(failure.get(), () -> "producer: " + failure.get());
            assertEquals(COUNT, sent.get(), "longs sent");
            assertEquals(0, ring.count(), "the ring, seen from this JVM, once the child took everything");
        } finally {
            zone.free();
            if (previous == null) {
                System.clearProperty("mempool.runtime.dir");
            } else {
                System.setProperty("mempool.runtime.dir", previous);
            }
        }
    }

    /** Enqueues 1..COUNT in random bulks of 1..64, waiting while the ring is full. */
    private static void produce(final LongRing ring, final AtomicLong sent, final AtomicReference<Throwable> failure) {
        try {
            final SplittableRandom random = new SplittableRandom(42);
            final long[] table = new long[64];
            final long giveUp = System.nanoTime() + GIVE_UP_NANOS;
            long next = 1;
            while (next <= COUNT) {
                final int n = (int) Math.min(1 + random.nextInt(table.length), COUNT - next + 1);
                for (int i = 0; i < n; i++) {
                    table[i] = next + i;
                }
                if (ring.enqueueBulk(table, 0, n) == n) {
                    next += n;
                    sent.set(next - 1);
                } else if (System.nanoTime() > giveUp) {
                    throw new AssertionError("the child took nothing for too long; sent " + (next - 1));
                } else {
                    Thread.onSpinWait(); // the consumer in the child JVM is behind
                }
            }
        } catch (final Throwable ex) {
            failure.set(ex);
        }
    }
}
