package io.mempool.tests;

import io.mempool.api.MempoolFlag;
import io.mempool.core.Mempool;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bucket driver's acceptance scenario as a program: a pool created by the ops name {@code bucket}
 * hands out contiguous blocks; every object of every block is checked (an object of the pool, one stride
 * after the one before, with the next index) and marked out (a CAS per index, so an object handed out
 * twice is caught at once), and the blocks go back one object at a time with {@code putBulk}, while other
 * calls get and put single objects through the caches. Several threads do this for a bounded time, on
 * platform threads or virtual ones (JDK 21+; made by reflection, so this compiles for 17), without and
 * with DEBUG and STATS; then every object must be back exactly once, every bucket whole again.
 *
 * <p>Args: {@code platform|virtual}, the number of threads, the milliseconds each pool runs. Prints one
 * line per pool and {@code done}; exits 1 at the first failure.
 */
public final class ContigBlocksMain {
    /** 20 buckets of 204 objects: 320-byte elements (64 header + 200, 5 lines) in 64 KiB buckets. */
    static final int SIZE = 20 * 204;
    private static final int ELEMENT = 200;

    private final Mempool mp;
    private final int stride;
    private final AtomicIntegerArray out;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong blocksGot = new AtomicLong();
    private final long deadline;

    private ContigBlocksMain(final Mempool mp, final long millis) {
        this.mp = mp;
        this.stride = mp.totalElementSize();
        this.out = new AtomicIntegerArray(mp.size());
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /**
     * @param args platform|virtual, threads, milliseconds.
     * @throws Exception if the threads cannot be run.
     */
    public static void main(final String[] args) throws Exception {
        final boolean virtual = args[0].equals("virtual");
        final int threads = Integer.parseInt(args[1]);
        final long millis = Long.parseLong(args[2]);
        int pools = 0;
        for (final List<MempoolFlag> flags : List.of(List.<MempoolFlag>of(), List.of(MempoolFlag.DEBUG, MempoolFlag.STATS))) {
            try (Mempool mp = Mempool.builder("contig_" + args[0] + pools++).size(SIZE).elementSize(ELEMENT).cacheSize(64)
                .ops("bucket").flags(flags.toArray(new MempoolFlag[0])).create()) {
                new ContigBlocksMain(mp, millis).run(virtual, threads, flags);
            }
        }
        System.out.println("done");
    }

    private void run(final boolean virtual, final int threads, final List<MempoolFlag> flags) throws Exception {
        check(mp.contigBlockSize() == 204, "contigBlockSize " + mp.contigBlockSize() + " (expected 204 per 64 KiB bucket)");
        final List<Thread> platformThreads = new CopyOnWriteArrayList<>();
        final ExecutorService pool = virtual
            ? (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null)
            : Executors.newFixedThreadPool(threads, task -> {
                final Thread thread = new Thread(task);
                platformThreads.add(thread);
                return thread;
            });
        try {
            for (int t = 0; t < threads; t++) {
                pool.execute(this::work);
            }
        } finally {
            pool.shutdown();
        }
        check(pool.awaitTermination(TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()) + 30, TimeUnit.SECONDS),
            "the workers did not stop");
        for (final Thread thread : platformThreads) {
            thread.join(); // a terminated executor's threads may still be alive, their caches not yet swept
        }
        check(failure.get() == null, "a worker failed: " + failure.get());
        check(blocksGot.get() > 0, "no getContigBlocks succeeded");
        check(mp.availCount() == SIZE, "availCount " + mp.availCount() + " of " + SIZE + " once the workers stopped");
        final long[] all = new long[SIZE];
        check(mp.genericGet(all, 0, SIZE, null), "a get of every object");
        final long[] sorted = all.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < SIZE; i++) {
            check(sorted[i] != sorted[i - 1], "object 0x" + Long.toHexString(sorted[i]) + " twice");
        }
        mp.genericPut(all, 0, SIZE, null);
        final long[] firsts = new long[SIZE / mp.contigBlockSize()];
        check(mp.getContigBlocks(firsts, 0, firsts.length), "every bucket whole again: " + firsts.length + " blocks");
        putBlocks(firsts, firsts.length);
        check(mp.isFull(), "isFull at the end");
        System.out.println("pool " + mp.name() + " " + flags + ": " + threads + " threads, " + blocksGot.get()
            + " blocks, every object back once");
    }

    /** Until the deadline: blocks (1 to 3) and single objects, each object marked out while it is. */
    private void work() {
        try {
            final ThreadLocalRandom random = ThreadLocalRandom.current();
            final long[] firsts = new long[3];
            final long[] singles = new long[8];
            while (System.nanoTime() < deadline && failure.get() == null) {
                final int n = 1 + random.nextInt(3);
                if (mp.getContigBlocks(firsts, 0, n)) {
                    blocksGot.addAndGet(n);
                    for (int b = 0; b < n; b++) {
                        checkBlock(firsts[b]);
                    }
                    putBlocks(firsts, n);
                }
                if (mp.getBulk(singles, 0, singles.length)) {
                    for (final long obj : singles) {
                        take(mp.indexOf(obj), obj);
                    }
                    for (final long obj : singles) {
                        out.set(mp.indexOf(obj), 0);
                    }
                    mp.putBulk(singles, 0, singles.length);
                }
            }
        } catch (final Throwable ex) {
            failure.compareAndSet(null, ex);
        }
    }

    /** Each object of the block: the pool's, one stride after the one before, with the next index; marked out. */
    private void checkBlock(final long first) {
        final int index = mp.indexOf(first);
        for (int k = 0; k < mp.contigBlockSize(); k++) {
            final long obj = first + (long) k * stride;
            check(mp.indexOf(obj) == index + k, "object " + k + " of the block at 0x" + Long.toHexString(first)
                + " has index " + mp.indexOf(obj) + " (expected " + (index + k) + ", the next one)");
            take(index + k, obj);
        }
    }

    private void take(final int index, final long obj) {
        check(out.compareAndSet(index, 0, 1), "object 0x" + Long.toHexString(obj) + " (index " + index + ") handed out twice");
    }

    /** The blocks' objects go back one by one, in two putBulk calls per block, their marks cleared first. */
    private void putBlocks(final long[] firsts, final int n) {
        final int blockSize = mp.contigBlockSize();
        final long[] objs = new long[blockSize];
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < blockSize; k++) {
                objs[k] = firsts[b] + (long) k * stride;
                out.set(mp.indexOf(objs[k]), 0);
            }
            mp.putBulk(objs, 0, blockSize / 2);
            mp.putBulk(objs, blockSize / 2, blockSize - blockSize / 2);
        }
    }

    private static void check(final boolean ok, final String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
