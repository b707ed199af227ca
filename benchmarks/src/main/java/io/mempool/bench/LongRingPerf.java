package io.mempool.bench;

import io.mempool.core.Memzone;
import io.mempool.driver.ring.LongRing;
import io.mempool.driver.ring.LongRing.SyncMode;
import io.mempool.driver.ring.LongRingBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * A {@link LongRing}'s bulk enqueue then dequeue on one thread, by sync mode, with the ring on the heap
 * ({@code build()}) or in off-heap memory ({@code createIn}): which one the {@code ring_*} ops use for a
 * private pool follows from it. Not part of {@code compare}: run it with
 * {@code java -jar benchmarks.jar LongRingPerf}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class LongRingPerf {
    /** Where the ring lives. */
    public enum Where {
        /** {@code build()}: fields and a {@code long[]}. */
        HEAP,
        /** {@code createIn}: a header and slots in off-heap memory. */
        OFF_HEAP
    }

    private static final int SLOTS = 1024;
    private static final int ALIGN = 128;

    /** Where the ring lives. */
    @Param({"HEAP", "OFF_HEAP"})
    public Where where;
    /** Both sides' sync mode. */
    @Param({"SINGLE", "MULTI", "RTS", "HTS"})
    public SyncMode sync;
    /** Handles per call. */
    @Param({"1", "32"})
    public int bulk;

    private Memzone zone;
    private LongRing ring;
    private long[] table;

    /** Makes the ring and the table. */
    @Setup(Level.Trial)
    public void setUp() {
        final LongRingBuilder builder = LongRing.builder(SLOTS).producer(sync).consumer(sync);
        if (where == Where.HEAP) {
            ring = builder.build();
        } else {
            zone = Memzone.reserve("ring_perf", builder.bytes(), ALIGN);
            ring = builder.createIn(zone.region());
        }
        table = new long[bulk];
        for (int i = 0; i < bulk; i++) {
            table[i] = 64L * (i + 1);
        }
    }

    /** Frees the off-heap memory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (zone != null) {
            zone.free();
            zone = null;
        }
    }

    /** @return handles moved: a bulk in and the same bulk out. */
    @Benchmark
    public int roundTrip() {
        return ring.enqueueBulk(table, 0, bulk) + ring.dequeueBulk(table, 0, bulk);
    }
}
