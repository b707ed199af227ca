package io.mempool.bench;

import java.util.List;

/**
 * One column of the comparison: a jmempool ops name, a Java peer, or DPDK itself.
 *
 * @param column    the column's name: the ops name, or the peer's short name, or {@code dpdk}.
 * @param kind      which of the three.
 * @param benchmark the JMH benchmark class; null for DPDK.
 * @param label     what it is, for the legend.
 */
record Alternative(String column, Kind kind, Class<? extends PoolPerf> benchmark, String label) {
    /** What a column measures. */
    enum Kind {
        /** A jmempool pool on one ops name. */
        JMEMPOOL,
        /** A pool a Java user would pick instead. */
        PEER,
        /** DPDK's rte_mempool through the C harness. */
        DPDK
    }

    /** The peers, in column order. */
    static final List<Alternative> PEERS = List.of(
        new Alternative("jctools_mpmc", Kind.PEER, JctoolsQueuePerf.class, "JCTools MpmcArrayQueue of direct ByteBuffers"),
        new Alternative("agrona_mtmc", Kind.PEER, AgronaQueuePerf.class, "Agrona ManyToManyConcurrentArrayQueue of direct ByteBuffers"),
        new Alternative("array_blocking", Kind.PEER, BlockingQueuePerf.class, "ArrayBlockingQueue of direct ByteBuffers"),
        new Alternative("netty_recycler", Kind.PEER, NettyRecyclerPerf.class, "Netty Recycler of objects wrapping a direct ByteBuffer"),
        new Alternative("netty_pooled", Kind.PEER, NettyPooledPerf.class, "Netty PooledByteBufAllocator, 2048 B direct buffers"),
        new Alternative("allocate_direct", Kind.PEER, AllocateDirectPerf.class, "ByteBuffer.allocateDirect per object, no pool"));

    /** The DPDK column. */
    static final Alternative DPDK = new Alternative("dpdk", Kind.DPDK, null, "DPDK rte_mempool, ring_mp_mc (C harness)");

    /**
     * @param ops an ops name.
     * @return its column.
     */
    static Alternative ofOps(final String ops) {
        return new Alternative(ops, Kind.JMEMPOOL, MempoolPerf.class, "jmempool, ops " + ops);
    }

    /**
     * @param scenario a row.
     * @return why this column has no figure in that row; null if it has.
     */
    String skipReason(final Scenario scenario) {
        if (kind == Kind.JMEMPOOL && scenario.threads() > 1 && MempoolPerf.singleSided(column)) {
            return "single producer or consumer";
        }
        return null;
    }
}
