package io.mempool.tests;

import io.mempool.core.Mempool;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cached hot path allocates nothing: a million {@code getBulk}/{@code putBulk} pairs of 32 through
 * the calling thread's default cache (docs/architecture.md: "the hot path allocates nothing"), nor do a
 * million contiguous blocks got from a {@code bucket} pool and put back object by object; measured with
 * the thread's allocation counter ({@code com.sun.management.ThreadMXBean}).
 *
 * <p>The counter itself may allocate on its first calls and a JIT transition (OSR, deoptimization)
 * may allocate once; so the measurement's own cost is measured and subtracted, and a non-zero
 * result is retried a few times. The final assertion is exactly 0 bytes.
 */
class ZeroAllocationTest {
    private static final int PAIRS = 1_000_000;
    private static final int BULK = 32;
    private static final int ATTEMPTS = 5;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** The measured loop, all cache hits once the cache is warm; returns the pairs done (n unless a get failed). */
    private static int pairs(final Mempool mp, final long[] objs, final int n) {
        for (int i = 0; i < n; i++) {
            if (!mp.getBulk(objs, 0, BULK)) {
                return i;
            }
            mp.putBulk(objs, 0, BULK);
        }
        return n;
    }

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** The loop measured: runs {@code n} rounds and returns how many it did (fewer if a get failed). */
    @FunctionalInterface
    private interface Rounds {
        int run(int n);
    }

    /** Warms {@code rounds} up, then asserts that {@link #PAIRS} of them allocate exactly 0 bytes. */
    private static void assertAllocatesNothing(final String what, final Rounds rounds) {
        assertTrue(THREADS.isThreadAllocatedMemorySupported(), "thread allocation counting unsupported");
        THREADS.setThreadAllocatedMemoryEnabled(true);
        for (int round = 0; round < 20; round++) {
            assertEquals(50_000, rounds.run(50_000), "warm-up rounds before a get failed");
        }
        long overhead = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            final long before = allocated();
            overhead = Math.min(overhead, allocated() - before);
        }
        long bytes = -1;
        for (int attempt = 0; attempt < ATTEMPTS && bytes != 0; attempt++) {
            final long before = allocated();
            final int done = rounds.run(PAIRS);
            final long after = allocated();
            assertEquals(PAIRS, done, "rounds before a get failed");
            bytes = Math.max(0, after - before - overhead);
        }
        assertEquals(0, bytes, "bytes allocated by " + PAIRS + " " + what + " (measurement overhead " + overhead
            + " B subtracted), after " + ATTEMPTS + " attempts");
    }

    @Test
    void cachedGetAndPutAllocateNothing() {
        try (Mempool mp = Mempool.builder("zero_alloc").size(4095).elementSize(64).cacheSize(512)
            .ops("ring_mp_mc").create()) {
            final long[] objs = new long[BULK];
            assertAllocatesNothing("cached getBulk/putBulk pairs of " + BULK, n -> pairs(mp, objs, n));
            assertTrue(mp.isFull(), "every object back");
        }
    }

    /** getContigBlocks of a bucket pool, and the block's objects back with putBulk: the store's data path. */
    @Test
    void contiguousBlocksAllocateNothing() {
        try (Mempool mp = Mempool.builder("zero_alloc_blk").size(4 * 204).elementSize(200).cacheSize(0)
            .ops("bucket").create()) {
            final long[] first = new long[1];
            final long[] objs = new long[mp.contigBlockSize()];
            final int stride = mp.totalElementSize();
            assertAllocatesNothing("getContigBlocks of one block, then putBulk of its objects", n -> {
                for (int i = 0; i < n; i++) {
                    if (!mp.getContigBlocks(first, 0, 1)) {
                        return i;
                    }
                    for (int k = 0; k < objs.length; k++) {
                        objs[k] = first[0] + (long) k * stride;
                    }
                    mp.putBulk(objs, 0, objs.length);
                }
                return n;
            });
            assertTrue(mp.isFull(), "every object back");
        }
    }
}
