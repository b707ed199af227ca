/**
 * Benchmarks: JMH ports of DPDK's {@code test_mempool_perf} for every ops name on the class path
 * ({@link io.mempool.bench.MempoolPerf}, and {@link io.mempool.bench.MempoolSinglePerf} through
 * {@code get()/put(long)}), the bare Java floor ({@link io.mempool.bench.FloorPerf}), and the same workload on
 * the pools a Java user would pick instead: JCTools, Agrona and JDK queues of direct buffers
 * ({@link io.mempool.bench.JctoolsQueuePerf}, {@link io.mempool.bench.JctoolsVarHandleQueuePerf},
 * {@link io.mempool.bench.AgronaQueuePerf}, {@link io.mempool.bench.BlockingQueuePerf}), Stormpot
 * ({@link io.mempool.bench.StormpotPerf}), Netty ({@link io.mempool.bench.NettyRecyclerPerf},
 * {@link io.mempool.bench.NettyPooledPerf}, {@link io.mempool.bench.NettyAdaptivePerf}), Jetty
 * ({@link io.mempool.bench.JettyPoolPerf}), Undertow ({@link io.mempool.bench.UndertowPoolPerf}) and no pool
 * ({@link io.mempool.bench.AllocateDirectPerf}); and the {@code compare} command ({@link io.mempool.bench.Main})
 * that runs a short, interleaved slice of that matrix beside DPDK, and the pipeline of a shared pool between
 * two JVMs beside the same pipeline in one ({@link io.mempool.bench.PipelineRun}, child JVMs rather than JMH),
 * and writes a table, {@code results.json} and {@code index.html}.
 *
 * <p>Every benchmark shares one loop ({@link io.mempool.bench.Rounds#run}): a round gets
 * {@code nKeep} objects in bulks of {@code getBulk}, writing one long into each, then puts them back in
 * bulks of {@code putBulk}; an invocation moves {@link io.mempool.bench.Rounds#OBJECTS_PER_INVOCATION}
 * objects, so JMH's ops/s is objects/s, summed over threads like DPDK's {@code rate_persec}.
 */
package io.mempool.bench;
