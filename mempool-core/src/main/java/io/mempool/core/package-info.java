/**
 * jmempool's pool: fixed-size off-heap objects handed out as {@code long} handles, a per-thread cache
 * in front of a shared store, and the store chosen by name from {@link io.mempool.api.MempoolOps}
 * providers ({@link io.mempool.core.MempoolOpsRegistry}), as DPDK's {@code rte_mempool}.
 *
 * <p>No JVM flag is needed on any JDK from 17 on: off-heap memory goes through one memory layer, a
 * multi-release jar (JDK 17 base on {@code sun.misc.Unsafe}, JDK 22+ on {@code java.lang.foreign}).
 */
package io.mempool.core;
