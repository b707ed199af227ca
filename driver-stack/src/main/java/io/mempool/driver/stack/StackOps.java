package io.mempool.driver.stack;

import io.mempool.api.OpsConfig;

/**
 * The {@code stack} ops: a {@link LongStack} per pool, DPDK's spinlock stack handler. LIFO, so a
 * get returns the object put last, still warm in a CPU cache: the choice for pipelines where one
 * thread allocates and another frees, on threads that are not preempted.
 *
 * <p>Stateless and safe for any number of threads; the stores are safe for any number of
 * producers and consumers at once. A put of a handle happens-before the get that returns it.
 */
public final class StackOps extends AbstractStackOps<LongStack> {
    /** The name this ops is selected by. */
    public static final String NAME = "stack";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public StackOps() {
        super(NAME);
    }

    @Override
    LongStack newStore(final OpsConfig config) {
        return new LongStack(config.capacity());
    }
}
