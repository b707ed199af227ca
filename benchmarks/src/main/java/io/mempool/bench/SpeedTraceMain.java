package io.mempool.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * One JVM of {@link SpeedTrace}, as a child: runs {@code test_mempool_perf}'s loop ({@link Rounds#round}, cache
 * 512, n_keep 128, one thread) on one {@code ring_mp_mc} pool for a number of seconds; then prints for every second
 * {@code second <k> <objects/s> <jit ms>}: the median of that second's samples (about 1 ms each), and how long the
 * JIT compiled during it (0: nothing was compiled, so that second ran the code the one before it ran). Then
 * {@code done}; a failure prints {@code error <message>} and exits 1. Not thread-safe: one per JVM.
 */
public final class SpeedTraceMain {
    /** Rounds of 128 objects per sample: 256 Ki objects, about 1 ms at 250 M objects/s. */
    private static final int ROUNDS = 2048;
    private static final int N_KEEP = 128;
    private static final long SECOND_NANOS = 1_000_000_000L;

    private SpeedTraceMain() {
    }

    /**
     * @param args objects per get and put (1..128, dividing 128), and seconds.
     */
    public static void main(final String[] args) {
        try {
            final int bulk = Integer.parseInt(args[0]);
            final int seconds = Integer.parseInt(args[1]);
            run(bulk, seconds);
            System.out.println("done");
        } catch (final RuntimeException ex) {
            System.out.println("error " + ex);
            System.exit(1);
        }
    }

    private static void run(final int bulk, final int seconds) {
        final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        final double[] rates = new double[seconds];
        final long[] jitMs = new long[seconds];
        final MempoolPerf perf = new MempoolPerf(); // the compare cell's pool and table, on one thread
        perf.ops = Alternative.DPDK_OPS;
        perf.cache = CacheMode.DEFAULT;
        perf.getBulk = bulk;
        perf.putBulk = bulk;
        perf.nKeep = N_KEEP;
        final String skipped = perf.start(1);
        if (skipped != null) {
            throw new IllegalArgumentException(skipped);
        }
        try {
            final ThreadTable table = perf.table(0);
            final double[] samples = new double[100_000];
            // nothing is printed until the end: printing compiles code of its own, and would star every second
            for (int s = 0; s < seconds; s++) {
                final long jitBefore = jit.getTotalCompilationTime();
                final long end = System.nanoTime() + SECOND_NANOS;
                int n = 0;
                for (long now = System.nanoTime(); now < end && n < samples.length; ) {
                    for (int r = 0; r < ROUNDS; r++) {
                        Rounds.round(table, N_KEEP, bulk, bulk);
                    }
                    final long after = System.nanoTime();
                    samples[n++] = (double) ROUNDS * N_KEEP * SECOND_NANOS / (after - now);
                    now = after;
                }
                Arrays.sort(samples, 0, n);
                rates[s] = samples[n / 2];
                jitMs[s] = jit.getTotalCompilationTime() - jitBefore;
            }
        } finally {
            perf.tearDown();
        }
        for (int s = 0; s < seconds; s++) {
            System.out.printf(Locale.ROOT, "second %d %.0f %d%n", s + 1, rates[s], jitMs[s]);
        }
    }
}
