/**
 * OpenJDK jcstress tests of jmempool's stores and of the pool's caches.
 *
 * <p>Every test races two actors on one fresh store (or pool) and leaves one verdict, an
 * {@link org.openjdk.jcstress.infra.results.IIIII_Result} graded by {@link io.mempool.stress.Conservation}:
 * {@code lost, duplicated, foreign, countError, brokenCalls}. The one acceptable outcome is
 * {@code 0, 0, 0, 0, 0}: after the race, every handle is found exactly once (in the store or in an actor's
 * hands), the quiescent count is exact, and no failed call wrote the caller's table or failed while there
 * was room. Each kind of fault is a forbidden outcome of its own; anything else is unknown, which jcstress
 * also fails on.
 *
 * <p>The scenarios ({@link io.mempool.stress.TwoProducers}, {@link io.mempool.stress.TwoConsumers},
 * {@link io.mempool.stress.ProducersBulkVsSingle}, {@link io.mempool.stress.ConsumersBulkVsSingle},
 * {@link io.mempool.stress.FullBoundary}, {@link io.mempool.stress.EmptyBoundary},
 * {@link io.mempool.stress.PoolCachesRace}) are abstract; each store's test class names a concrete test
 * per scenario its sync modes allow (a single-producer or single-consumer side only gets scenarios with
 * one actor on that side). jcstress reads actors only from the test class itself, so the concrete
 * classes repeat three one-line delegating methods.
 */
package io.mempool.stress;
