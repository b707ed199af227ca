package io.mempool.driver.stack;

import io.mempool.api.OpsConfig;

/**
 * The {@code lf_stack} ops: a {@link LockFreeLongStack} per pool, DPDK's lock-free stack handler.
 * LIFO like {@code stack}, and no thread ever waits for another: the choice for pipelines whose
 * threads can be preempted (more threads than cores, real-time priorities), at some cost in speed.
 *
 * <p>Stateless and safe for any number of threads; the stores are safe for any number of
 * producers and consumers at once. A put of a handle happens-before the get that returns it.
 */
public final class LfStackOps extends AbstractStackOps<LockFreeLongStack> {
    /** The name this ops is selected by. */
    public static final String NAME = "lf_stack";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public LfStackOps() {
        super(NAME);
    }

    @Override
    LockFreeLongStack newStore(final OpsConfig config) {
        return new LockFreeLongStack(config.capacity());
    }
}
