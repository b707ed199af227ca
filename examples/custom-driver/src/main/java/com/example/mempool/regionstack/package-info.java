/**
 * The {@code region_stack} ops: a {@link com.example.mempool.regionstack.SpinLockLongStack} per pool, one
 * spinlock-guarded LIFO whose whole state (lock word, top, slots) is laid out by
 * {@link com.example.mempool.regionstack.SpinLockLongStackDescriptor}, so that it can live in a memzone
 * shared between processes. It lives on the heap ({@code HeapSpinLockLongStack}: the layout in a
 * {@code long[]}) or in an {@link io.mempool.api.OffHeapRegion} ({@code OffHeapSpinLockLongStack}), and
 * needs nothing of jmempool but {@code mempool-api}.
 *
 * <p><b>Memory-order prefixes.</b> Accessors of a shared word, a VarHandle's array element or an offset
 * of a region, name their order, as JCTools does:
 * <ul>
 *   <li>{@code lp}: plain load, only under the lock;</li>
 *   <li>{@code lv}: volatile load;</li>
 *   <li>{@code so}: ordered (release) store;</li>
 *   <li>{@code cas}: volatile compare-and-set, returns whether it succeeded.</li>
 * </ul>
 */
package com.example.mempool.regionstack;
