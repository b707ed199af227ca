package io.mempool.bench;

import java.util.List;
import java.util.Map;

/**
 * One column of the comparison: a jmempool ops name, ring_mp_mc with its put range check off, jmempool's
 * single-object API, the bare Java floor, a Java peer, or DPDK itself (ring_mp_mc, and the bucket driver beside
 * jmempool's bucket). Immutable.
 *
 * @param column    the column's name: the ops name, the peer's short name, {@code floor}, {@code dpdk}...
 * @param kind      what it measures.
 * @param benchmark the JMH benchmark class; null for DPDK.
 * @param label     what it is, for the legend.
 * @param params    JMH parameters of the benchmark beyond the scenario's (e.g. {@code ops}); for DPDK, the
 *                  harness's ops where it is not ring_mp_mc.
 * @param jvmArgs   JVM arguments of its forks beyond the benchmark's own (e.g. a system property); empty for most.
 */
record Alternative(String column, Kind kind, Class<? extends PoolPerf> benchmark, String label, Map<String, String> params,
                   List<String> jvmArgs) {
    /** What a column measures. */
    enum Kind {
        /** A jmempool pool on one ops name, through {@code getBulk/putBulk} or a user cache. */
        JMEMPOOL,
        /** The same on ring_mp_mc with the per-put handle range check off: what the check costs. */
        UNCHECKED,
        /** jmempool's single-object API, {@code get()/put(long)}, on ring_mp_mc. */
        SINGLE,
        /** The bare Java floor ({@link FloorPerf}): what a cached pool costs at the least on this JVM. */
        FLOOR,
        /** A pool a Java user would pick instead. */
        PEER,
        /** DPDK's rte_mempool through the C harness. */
        DPDK
    }

    /** The ops name of the single-object column and of the targets: DPDK's default ops. */
    static final String DPDK_OPS = "ring_mp_mc";
    /** The ops name of DPDK's bucket driver and of jmempool's port of it, each with a column. */
    static final String BUCKET_OPS = "bucket";

    /** The peers, in column order. */
    static final List<Alternative> PEERS = List.of(
        peer("jctools_mpmc", JctoolsQueuePerf.class, "JCTools MpmcArrayQueue (Unsafe) of direct ByteBuffers, bulks by drain/fill"),
        peer("jctools_vh", JctoolsVarHandleQueuePerf.class,
            "JCTools MpmcVarHandleArrayQueue (jctools-core-jdk11, no Unsafe) of direct ByteBuffers, bulks by drain/fill"),
        peer("agrona_mtmc", AgronaQueuePerf.class, "Agrona ManyToManyConcurrentArrayQueue of direct ByteBuffers, bulk gets by drain"),
        peer("array_blocking", BlockingQueuePerf.class, "ArrayBlockingQueue of direct ByteBuffers, bulk gets by drainTo"),
        peer("stormpot", StormpotPerf.class, Map.of("leakDetection", "false"),
            "Stormpot 3 pool of direct ByteBuffer poolables, thread-local taps, no expiration, no leak detection"),
        peer("stormpot_leaks", StormpotPerf.class, Map.of("leakDetection", "true"),
            "the same Stormpot pool with its precise leak detection on"),
        peer("netty_recycler", NettyRecyclerPerf.class, "Netty Recycler of objects wrapping a direct ByteBuffer"),
        peer("netty_pooled", NettyPooledPerf.class, "Netty PooledByteBufAllocator, 2048 B direct buffers"),
        peer("netty_adaptive", NettyAdaptivePerf.class, "Netty AdaptiveByteBufAllocator (4.2's default), 2048 B direct buffers"),
        peer("jetty_array", JettyPoolPerf.class, "Jetty 12 ArrayByteBufferPool, 2048 B direct RetainableByteBuffers"),
        peer("undertow", UndertowPoolPerf.class, "Undertow DefaultByteBufferPool, 2048 B direct buffers, thread cache of 512"),
        peer("allocate_direct", AllocateDirectPerf.class, "ByteBuffer.allocateDirect per object, no pool"));

    /** The system property that turns the put range check off; core reads it once, at class initialisation. */
    static final String CHECK_HANDLES_OFF = "-Dmempool.checkHandles=false";

    /** The unchecked column: ring_mp_mc, the same benchmark, with the property in its forks. */
    static final Alternative UNCHECKED = new Alternative(DPDK_OPS + "_unchecked", Kind.UNCHECKED, MempoolPerf.class,
        DPDK_OPS + ", put range check off (" + CHECK_HANDLES_OFF + " in its forks; " + DPDK_OPS + " is the checked default)",
        Map.of("ops", DPDK_OPS), List.of(CHECK_HANDLES_OFF));

    /** The single-object API column. */
    static final Alternative SINGLE = new Alternative("get_put", Kind.SINGLE, MempoolSinglePerf.class,
        "jmempool " + DPDK_OPS + " through get()/put(long), one call per object (bulk-1 rows)", Map.of("ops", DPDK_OPS), List.of());

    /** The floor column. */
    static final Alternative FLOOR = new Alternative("floor", Kind.FLOOR, FloorPerf.class,
        "bare Java floor: long[] LIFO cache of 512 (DPDK 26.07 refill/flush, arraycopy, no checks) on a locked long[] stack",
        Map.of(), List.of());

    /** The DPDK column. */
    static final Alternative DPDK = new Alternative("dpdk", Kind.DPDK, null, "DPDK rte_mempool, ring_mp_mc (C harness)", Map.of(),
        List.of());

    /** DPDK's bucket driver, beside jmempool's bucket row; the harness gives it the layout of hugepages (README). */
    static final Alternative DPDK_BUCKET = new Alternative("dpdk_" + BUCKET_OPS, Kind.DPDK, null,
        "DPDK rte_mempool, bucket driver, 64 KiB buckets (C harness)", Map.of("ops", BUCKET_OPS), List.of());

    private static Alternative peer(final String column, final Class<? extends PoolPerf> benchmark, final String label) {
        return peer(column, benchmark, Map.of(), label);
    }

    private static Alternative peer(final String column, final Class<? extends PoolPerf> benchmark,
                                    final Map<String, String> params, final String label) {
        return new Alternative(column, Kind.PEER, benchmark, label, params, List.of());
    }

    /**
     * @param ops an ops name.
     * @return its column.
     */
    static Alternative ofOps(final String ops) {
        return new Alternative(ops, Kind.JMEMPOOL, MempoolPerf.class, "jmempool, ops " + ops, Map.of("ops", ops), List.of());
    }

    /**
     * @param ops an ops name.
     * @return the DPDK column of the same driver, shown beside that ops' row; null if only ring_mp_mc's ({@link #DPDK}).
     */
    static Alternative dpdkBeside(final String ops) {
        return BUCKET_OPS.equals(ops) ? DPDK_BUCKET : null;
    }

    /** @return the ops a DPDK column's harness makes its pool on. */
    String dpdkOps() {
        return params.getOrDefault("ops", DPDK_OPS);
    }

    /**
     * @return whether the column's figures do not depend on the row's cache mode (peers have no cache of
     *     our choosing; the floor always has its own), so one run serves every cache mode of a row.
     */
    boolean cacheBlind() {
        return kind == Kind.PEER || kind == Kind.FLOOR;
    }

    /** @return whether the column runs jmempool (so JMH gets the row's {@code cache} parameter). */
    boolean runsJmempool() {
        return kind == Kind.JMEMPOOL || kind == Kind.UNCHECKED || kind == Kind.SINGLE;
    }

    /**
     * @param scenario a row.
     * @return why this column has no figure in that row; null if it has.
     */
    String skipReason(final Scenario scenario) {
        return switch (kind) {
            case JMEMPOOL -> scenario.threads() > 1 && MempoolPerf.singleSided(column) ? "single producer or consumer" : null;
            case UNCHECKED -> scenario.cache() == CacheMode.NONE ? "cached rows only, beside " + DPDK_OPS : null;
            case SINGLE -> scenario.getBulk() != 1 || scenario.putBulk() != 1 ? "bulk-1 rows only"
                : scenario.cache() == CacheMode.USER ? "get()/put(long) have no user-cache form" : null;
            case FLOOR -> scenario.cache() == CacheMode.NONE ? "no cache in this row; the floor is a cache" : null;
            case PEER, DPDK -> null;
        };
    }
}
