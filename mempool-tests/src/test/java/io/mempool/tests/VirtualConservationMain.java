package io.mempool.tests;

import io.mempool.core.Mempool;

import java.util.Arrays;

/**
 * Run by {@link VirtualThreadsAndChurnTest} in a JDK 21+ child JVM: 10,000 virtual threads on a pool of
 * each ops name given (cached and cache-less), then every object must come back exactly once to a
 * platform thread's single get of all of them. Prints {@code <ops> ok} per pool; exits 1 at the first failure.
 */
public final class VirtualConservationMain {
    private static final int SIZE = 4096;

    private VirtualConservationMain() {
    }

    /**
     * @param args the ops names.
     * @throws Exception if the workload cannot run.
     */
    public static void main(final String[] args) throws Exception {
        int pools = 0;
        for (final String ops : args) {
            for (final int cache : new int[] {256, 0}) {
                try (Mempool mp = Mempool.builder("vt" + pools++).size(SIZE).elementSize(64).cacheSize(cache).ops(ops).create()) {
                    final Throwable failure = new VirtualWorkload(mp, 20_000).run(10_000, 3);
                    if (failure != null) {
                        fail(ops + " cache " + cache + ": " + failure, failure);
                    }
                    if (mp.availCount() != SIZE) {
                        fail(ops + " cache " + cache + ": availCount " + mp.availCount() + " of " + SIZE, null);
                    }
                    final long[] all = new long[SIZE];
                    if (!mp.genericGet(all, 0, SIZE, null)) {
                        fail(ops + " cache " + cache + ": a get of every object failed, availCount " + mp.availCount(), null);
                    }
                    final long[] sorted = all.clone();
                    Arrays.sort(sorted);
                    for (int i = 1; i < SIZE; i++) {
                        if (sorted[i] == sorted[i - 1]) {
                            fail(ops + " cache " + cache + ": object 0x" + Long.toHexString(sorted[i]) + " twice", null);
                        }
                    }
                    mp.genericPut(all, 0, SIZE, null);
                }
            }
            System.out.println(ops + " ok");
        }
        System.out.println("done");
    }

    private static void fail(final String what, final Throwable cause) {
        System.out.println("failed: " + what);
        if (cause != null) {
            cause.printStackTrace(System.out);
        }
        System.exit(1);
    }
}
