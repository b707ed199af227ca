package com.example.mempool.sharded;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

/**
 * The {@code sharded_stack} ops: a {@link ShardedLongStack} per pool. A get returns, where it can,
 * the object the same thread put last, and threads mostly lock different shards: for pools shared by
 * many threads that each put back what they got.
 *
 * <p>Driver parameter {@value #SHARDS_PARAM} ({@code MempoolBuilder.opsParam("shards", "8")}): the
 * number of shards, {@code 1..}{@value ShardedLongStack#MAX_SHARDS}, by default the number of
 * available processors (at most {@value ShardedLongStack#MAX_SHARDS}); never more than the capacity.
 *
 * <p>Stateless and safe for any number of threads; the stores are safe for any number of producers
 * and consumers at once, so {@link #requiredFlags()} keeps its default, empty. A put of a handle
 * happens-before the get that returns it. The store checks each call's arguments; the ops delegate.
 */
public final class ShardedStackOps implements MempoolOps<ShardedLongStack> {
    /** The name this ops is selected by. */
    public static final String NAME = "sharded_stack";
    /** The driver parameter that sets the number of shards. */
    public static final String SHARDS_PARAM = "shards";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ShardedStackOps() {
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The capacity is exactly {@code config.capacity()}; the flags are not read, since the store
     * is safe for any number of producers and consumers.
     */
    @Override
    public ShardedLongStack alloc(final OpsConfig config) {
        Checks.notNull("config", config);
        final int shards = config.intParam(SHARDS_PARAM, defaultShards());
        Checks.inRange(SHARDS_PARAM, shards, 1, ShardedLongStack.MAX_SHARDS);
        return new ShardedLongStack(config.capacity(), shards);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link ShardedLongStack#push}, which checks the arguments.
     */
    @Override
    public boolean enqueue(final ShardedLongStack store, final long[] objs, final int offset, final int n) {
        return store.push(objs, offset, n);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link ShardedLongStack#pop}, which checks the arguments.
     */
    @Override
    public boolean dequeue(final ShardedLongStack store, final long[] objs, final int offset, final int n) {
        return store.pop(objs, offset, n);
    }

    /** {@inheritDoc} */
    @Override
    public int count(final ShardedLongStack store) {
        return store.count();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store lives on the heap and holds no other resource: the GC reclaims it.
     */
    @Override
    public void free(final ShardedLongStack store) {
        Checks.notNull("store", store);
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** @return the default number of shards: one per available processor, at most the maximum. */
    static int defaultShards() {
        return Math.min(Runtime.getRuntime().availableProcessors(), ShardedLongStack.MAX_SHARDS);
    }
}
