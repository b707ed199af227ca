/**
 * jmempool's pool: fixed-size off-heap objects handed out as {@code long} handles, a per-thread cache
 * in front of a shared store, and the store chosen by name from {@link io.mempool.api.MempoolOps}
 * providers ({@link io.mempool.core.MempoolOpsRegistry}), as DPDK's {@code rte_mempool}.
 *
 * <p>Agrona 2.x reaches {@code jdk.internal.misc.Unsafe}: run with
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} on the class path, or
 * {@code --add-exports java.base/jdk.internal.misc=org.agrona} on the module path.
 */
package io.mempool.core;
