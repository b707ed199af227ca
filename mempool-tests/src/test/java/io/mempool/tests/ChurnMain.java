package io.mempool.tests;

import io.mempool.core.Mempool;

import java.lang.management.ManagementFactory;

/**
 * Thread churn, run by {@link VirtualThreadsAndChurnTest} in a JVM of its own (a clean heap to measure):
 * 5,000 short-lived platform threads, one after another, each getting and putting through its default
 * cache on a roomy pool, then dying with objects in it. Prints the heap left behind (after GC, against
 * the same after the first 100 threads) and whether every object came back; exits 1 if not.
 *
 * <p>Args: the ops name, the pool size, the number of threads.
 */
public final class ChurnMain {
    private ChurnMain() {
    }

    /**
     * @param args ops, size, threads.
     * @throws Exception if a thread cannot be joined.
     */
    public static void main(final String[] args) throws Exception {
        final String ops = args[0];
        final int size = Integer.parseInt(args[1]);
        final int threads = Integer.parseInt(args[2]);
        try (Mempool mp = Mempool.builder("churn").size(size).elementSize(64).cacheSize(256).ops(ops).create()) {
            churn(mp, 100); // classes loaded, caches and maps at their working size
            final long before = heapAfterGc();
            churn(mp, threads);
            final long after = heapAfterGc();
            System.out.println("heap left behind: " + (after - before) / 1024 + " KiB after " + threads + " threads");
            final long[] all = new long[size];
            final boolean gathered = mp.genericGet(all, 0, size, null); // sweeps the dead threads' caches first
            System.out.println("every object back: " + gathered + ", availCount " + mp.availCount());
            if (!gathered) {
                System.exit(1);
            }
            mp.genericPut(all, 0, size, null);
        }
        System.out.println("done");
    }

    private static void churn(final Mempool mp, final int threads) throws InterruptedException {
        for (int t = 0; t < threads; t++) {
            final Thread thread = new Thread(() -> {
                final long[] objs = new long[64];
                for (int round = 0; round < 4; round++) {
                    if (!mp.getBulk(objs, 0, objs.length)) {
                        throw new AssertionError("a roomy pool ran out");
                    }
                    mp.putBulk(objs, 0, objs.length); // the last round's stay in the cache the thread dies with
                }
            }, "churn-" + t);
            thread.start();
            thread.join();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
