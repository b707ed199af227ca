package io.mempool.api;

/**
 * The pool's side of {@link MempoolOps#populate} (DPDK's {@code rte_mempool_populate_obj_cb_t}): a store
 * that places objects itself calls it once per object, in the order the objects get their indices. The
 * pool writes the element's header (and, with DEBUG, its cookies), runs the user's {@code objectInit},
 * records the object for its handle checks and indices, and enqueues it into the store through its own
 * store boundary; so the store must be ready for enqueues before it calls back.
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
     * @throws IllegalArgumentException if the object does not lie inside the region, overlaps one given
     *                                  before, or the pool has all its objects already; the populate then fails.
     */
    void object(long obj);
}
