package io.mempool.bench;

/**
 * A table of {@code long} handles that are the objects' addresses (jmempool's, the floor's), written with
 * one plain store at the address ({@link Rounds#write}). Subclasses get and put.
 */
abstract class HandleTable implements ThreadTable {
    /** The slots. */
    final long[] objs;

    HandleTable(final int slots) {
        this.objs = new long[slots];
    }

    @Override
    public final void write(final int offset, final int n) {
        Rounds.write(objs, offset, n);
    }

    @Override
    public final long read(final int slot) {
        return Rounds.read(objs[slot]);
    }

    @Override
    public final long address(final int slot) {
        return objs[slot];
    }
}
