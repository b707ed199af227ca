package io.mempool.core;

import io.mempool.api.MempoolFlag;

import java.util.Map;
import java.util.Set;

/**
 * What a new pool is made of, checked: from a {@link MempoolBuilder}, or from a shared pool's header for
 * {@link Mempool#attach}. The pool splits it into its {@link PoolConfig} and its first {@link OpsChoice}.
 *
 * @param id 0 for a new pool; the creator's id for a pool attached from another process.
 */
record PoolSpec(String name, int size, int elementSize, int cacheSize, int privateDataSize, Set<MempoolFlag> flags,
                String opsName, Map<String, String> opsParams, ObjectVisitor objectInit, long maxChunkBytes,
                boolean shared, long id) {
}
