/**
 * The {@code sharded_stack} ops: a {@link com.example.mempool.sharded.ShardedLongStack} per pool,
 * several spinlock-guarded LIFO shards behind two global counters, so that threads putting and
 * getting at once mostly lock different shards.
 *
 * <p><b>Memory-order prefixes.</b> Field accessors in this package name their order, as JCTools does:
 * <ul>
 *   <li>{@code lp} / {@code sp}: plain load / store;</li>
 *   <li>{@code lv}: volatile load;</li>
 *   <li>{@code so}: ordered (release) store ({@code setRelease});</li>
 *   <li>{@code cas}: volatile compare-and-set, returns whether it succeeded;</li>
 *   <li>{@code xadd}: volatile get-and-add.</li>
 * </ul>
 */
package com.example.mempool.sharded;
