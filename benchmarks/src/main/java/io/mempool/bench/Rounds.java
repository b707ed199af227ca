package io.mempool.bench;

import org.agrona.UnsafeApi;

/**
 * The workload of DPDK's {@code test_mempool_perf} ({@code test_loop}), shared by every benchmark so
 * that jmempool and its peers run the same loop: a round gets {@code nKeep} objects in bulks of
 * {@code getBulk}, writing one long into each object got, then puts all of them back in bulks of
 * {@code putBulk}; a get failure aborts. (DPDK's loop does not touch the objects; ours does, so that no
 * cell can hand out memory nobody could use, and so does our DPDK harness.)
 */
final class Rounds {
    /** Objects got (and put) per JMH invocation: the largest {@code nKeep}, so every nKeep divides it. */
    static final int OBJECTS_PER_INVOCATION = 32768;
    /** DPDK's {@code MAX_KEEP}. */
    static final int MAX_KEEP = 32768;
    /** DPDK's {@code RTE_MEMPOOL_CACHE_MAX_SIZE}, the cache size of the cached runs. */
    static final int CACHE_SIZE = 512;
    /** DPDK's element size in the perf test. */
    static final int ELEMENT_SIZE = 2048;

    private Rounds() {
    }

    /**
     * @param threads the threads sharing the pool (DPDK: lcores).
     * @return the pool size DPDK's perf test uses: {@code threads x (MAX_KEEP + 2 x 512) - 1}.
     */
    static int poolSize(final int threads) {
        return threads * (MAX_KEEP + 2 * CACHE_SIZE) - 1;
    }

    /**
     * Why a combination is not run, as DPDK skips it; null if it is run.
     *
     * @param nKeep   objects kept per round.
     * @param getBulk objects per get.
     * @param putBulk objects per put.
     * @return the reason, or null.
     */
    static String skipReason(final int nKeep, final int getBulk, final int putBulk) {
        if (nKeep < getBulk || nKeep < putBulk) {
            return "nKeep " + nKeep + " < bulk " + Math.max(getBulk, putBulk) + " (DPDK skips it)";
        }
        if (nKeep % getBulk != 0 || nKeep % putBulk != 0) {
            return "nKeep " + nKeep + " is not a multiple of bulks " + getBulk + "/" + putBulk;
        }
        return null;
    }

    /**
     * Runs {@code OBJECTS_PER_INVOCATION / nKeep} rounds.
     *
     * @param table   the calling thread's view.
     * @param nKeep   objects kept per round.
     * @param getBulk objects per get.
     * @param putBulk objects per put.
     * @throws IllegalStateException if a get fails: the pool is sized so that it never should.
     */
    static void run(final ThreadTable table, final int nKeep, final int getBulk, final int putBulk) {
        for (int done = 0; done < OBJECTS_PER_INVOCATION; done += nKeep) {
            round(table, nKeep, getBulk, putBulk);
        }
    }

    /**
     * One round: gets {@code nKeep} objects in bulks of {@code getBulk}, writing into each, then puts them all back in
     * bulks of {@code putBulk}.
     *
     * @param table   the calling thread's view.
     * @param nKeep   objects kept per round.
     * @param getBulk objects per get.
     * @param putBulk objects per put.
     * @throws IllegalStateException if a get fails: the pool is sized so that it never should.
     */
    static void round(final ThreadTable table, final int nKeep, final int getBulk, final int putBulk) {
        for (int i = 0; i < nKeep; i += getBulk) {
            if (!table.get(i, getBulk)) {
                throw getFailed(i, getBulk, nKeep);
            }
            table.write(i, getBulk);
        }
        for (int i = 0; i < nKeep; i += putBulk) {
            table.put(i, putBulk);
        }
    }

    /**
     * Stores each slot's index at the start of the objects that the handles in {@code objs[offset, offset + n)}
     * point at. jmempool's handles and the floor's are the objects' addresses (docs/architecture.md), so this is one
     * plain 64-bit store at the address, as the DPDK harness's; the documented flyweight ({@code Mempool.wrap}
     * then {@code UnsafeBuffer.putLong}) adds a check and the flyweight's own field stores to each object.
     *
     * @param objs   the handles.
     * @param offset the first slot.
     * @param n      how many.
     */
    static void write(final long[] objs, final int offset, final int n) {
        for (int i = offset, end = offset + n; i < end; i++) {
            UnsafeApi.putLong(objs[i], i);
        }
    }

    /**
     * @param address an object's address.
     * @return the long at its start.
     */
    static long read(final long address) {
        return UnsafeApi.getLong(address);
    }

    private static IllegalStateException getFailed(final int slot, final int getBulk, final int nKeep) {
        return new IllegalStateException("get of " + getBulk + " objects failed at slot " + slot + " of nKeep "
            + nKeep + ": the pool is sized so that it never should");
    }
}
