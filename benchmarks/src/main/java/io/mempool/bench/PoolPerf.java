package io.mempool.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

import java.util.concurrent.TimeUnit;

/**
 * DPDK's {@code test_mempool_perf} as a JMH benchmark, for one kind of pool per subclass. One JMH
 * operation is one object got and put back ({@link OperationsPerInvocation} =
 * {@link Rounds#OBJECTS_PER_INVOCATION}), so the score is objects/s; with {@code -t 2} JMH sums the
 * threads' rates, as DPDK's {@code rate_persec} sums the lcores'. The pool is sized as DPDK sizes it,
 * {@link Rounds#poolSize(int)}, for the run's thread count.
 *
 * <p><b>Skipped combinations:</b> DPDK skips {@code nKeep < bulk}; so does this class: its setup prints
 * {@code # skipped: ...} and every invocation returns at once, so the score is meaningless. Do not pick
 * such {@code -p} combinations (the {@code compare} command never does); the same holds for an ops name
 * that promises a single producer or consumer run with more than one thread.
 *
 * <p><b>Thread safety:</b> JMH's contract: the trial setup runs before, and the teardown after, every
 * benchmark thread; thread {@code i} only touches table {@code i}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {PoolPerf.ADD_EXPORTS, PoolPerf.ADD_OPENS, PoolPerf.NETTY_REFLECTION, PoolPerf.QUIET_SLF4J})
public abstract class PoolPerf {
    /** Agrona reaches jdk.internal.misc.Unsafe (README, Drivers). */
    static final String ADD_EXPORTS = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    /** Netty frees direct buffers without a Cleaner when java.nio is open to it... */
    static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    /** ...and it tries the reflection that needs. */
    static final String NETTY_REFLECTION = "-Dio.netty.tryReflectionSetAccessible=true";
    /** Jetty and Undertow log through SLF4J, which warns on stderr that no backend is bound. */
    static final String QUIET_SLF4J = "-Dslf4j.internal.verbosity=ERROR";

    /** Objects per get (DPDK's {@code n_get_bulk}). */
    @Param({"1", "4", "8", "32", "64", "128", "256", "512"})
    public int getBulk;
    /** Objects per put (DPDK's {@code n_put_bulk}). */
    @Param({"1", "4", "8", "32", "64", "128", "256", "512"})
    public int putBulk;
    /** Objects kept out per round (DPDK's {@code n_keep}). */
    @Param({"32", "128", "512", "2048", "8192", "32768"})
    public int nKeep;

    private ThreadTable[] tables;
    private boolean skipped;

    /**
     * Opens the pool, sized for the run's threads, and one table per thread.
     *
     * @param params JMH's view of the run (for the thread count).
     */
    @Setup(Level.Trial)
    public void setUp(final BenchmarkParams params) {
        final String reason = start(params.getThreads());
        if (reason != null) {
            System.out.println("# skipped: " + reason);
        }
    }

    /**
     * Opens the pool for {@code threads} threads and a table for each, unless the combination is skipped.
     * The JMH setup calls it; tests call it directly.
     *
     * @param threads the threads that will share the pool.
     * @return why the combination is skipped (then nothing was opened), or null.
     */
    final String start(final int threads) {
        return start(threads, threads);
    }

    /**
     * Opens the pool for {@code threads} threads and {@code tableCount} tables, unless the combination is skipped:
     * the virtual-thread scenario ({@link VirtualThreadRun}) sizes the pool for the cores that run at once and gives
     * each of its thousands of threads a table.
     *
     * @param threads    the threads that run at once: the pool is sized for them ({@link Rounds#poolSize}).
     * @param tableCount the tables to make, one per thread that will use the pool.
     * @return why the combination is skipped (then nothing was opened), or null.
     */
    final String start(final int threads, final int tableCount) {
        String reason = Rounds.skipReason(nKeep, getBulk, putBulk);
        if (reason == null) {
            reason = skipReason(threads);
        }
        if (reason != null) {
            skipped = true;
            return reason;
        }
        open(Rounds.poolSize(threads), threads);
        tables = new ThreadTable[tableCount];
        for (int i = 0; i < tableCount; i++) {
            tables[i] = newTable(nKeep);
        }
        return null;
    }

    /**
     * @param index a benchmark thread's index.
     * @return that thread's table (tests drive it directly).
     */
    final ThreadTable table(final int index) {
        return tables[index];
    }

    /** Closes the tables, then the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (tables != null) {
            for (final ThreadTable table : tables) {
                table.close();
            }
            tables = null;
            close();
        }
    }

    /** Which table a benchmark thread uses. */
    @State(Scope.Thread)
    public static class Worker {
        int index;

        /**
         * @param params JMH's view of this thread.
         */
        @Setup(Level.Trial)
        public void setUp(final ThreadParams params) {
            index = params.getThreadIndex();
        }
    }

    /**
     * Gets and puts back {@link Rounds#OBJECTS_PER_INVOCATION} objects in rounds of {@code nKeep}.
     *
     * @param worker the calling thread's index.
     */
    @Benchmark
    @OperationsPerInvocation(Rounds.OBJECTS_PER_INVOCATION)
    public void objects(final Worker worker) {
        if (!skipped) {
            Rounds.run(tables[worker.index], nKeep, getBulk, putBulk);
        }
    }

    /**
     * Why this pool cannot run with that many threads; null if it can.
     *
     * @param threads the run's thread count.
     * @return the reason, or null.
     */
    protected String skipReason(final int threads) {
        return null;
    }

    /**
     * Makes the pool, full: {@code size} objects of {@link Rounds#ELEMENT_SIZE} bytes.
     *
     * @param size    objects.
     * @param threads threads that will share it.
     */
    protected abstract void open(int size, int threads);

    /**
     * @param slots the table's length, {@code nKeep}.
     * @return a new table for one benchmark thread.
     */
    abstract ThreadTable newTable(int slots);

    /** Frees the pool. */
    protected abstract void close();

    /**
     * For tests, with every thread's objects put back and no benchmark thread running: the objects the
     * pool counts as handed out and not returned, by the pool's own accounting.
     *
     * @return that count, or -1 if the pool keeps none (then a test checks reuse instead).
     */
    long outstanding() {
        return -1;
    }
}
