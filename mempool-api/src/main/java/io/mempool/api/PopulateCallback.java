package io.mempool.api;

/**
 * The pool's side of {@link MempoolOps#populate} (DPDK's {@code rte_mempool_populate_obj_cb_t}): a store
 * that places objects itself calls it once per object, in the order the objects get their indices. The
 * pool records the object for its handle checks and indices, writes the element's header (and, with
 * DEBUG, its cookies), runs the user's {@code objectInit}, and enqueues it into the store through its own
 * store boundary before the call returns; so the store must be ready for enqueues before it calls back.
 *
 * <p><b>Where objects may lie.</b> Inside the region given to {@code populate}, each element (its header,
 * its bytes, its trailer: {@link ElementGeometry#totalSize()} bytes from {@code obj - headerSize}) whole,
 * every handle aligned to {@link ElementGeometry#alignment()}, and in runs: the objects of one region
 * come in ascending order as groups of {@code r} adjacent elements (one {@code totalSize} apart), each
 * group starting {@code d} bytes after the one before ({@code d >= r * totalSize}); {@code r} and
 * {@code d} are set by the first gap and hold for the rest of that region, and the last group may be
 * shorter. The pool's own layout is one group; DPDK's bucket driver has one group per bucket. This is
 * what lets the pool find an object's index, and an index's object, by arithmetic.
 *
 * <p>Called by the populating thread only.
 */
@FunctionalInterface
public interface PopulateCallback {
    /**
     * @param obj the handle of the next object: the address of its first byte, inside the region the
     *            store was given, with {@link ElementGeometry#headerSize()} bytes of header room before it
     *            and {@link ElementGeometry#totalSize()} {@code - headerSize} after it, aligned to
     *            {@link ElementGeometry#alignment()}.
     * @throws IllegalArgumentException if the object does not lie inside the region, is misaligned, breaks the
     *                                  runs (overlapping one given before, say), or the pool has all its objects
     *                                  already; the message names the handle and where the next object may
     *                                  lie. The store passes it on, and the pool's population fails.
     */
    void object(long obj);
}
