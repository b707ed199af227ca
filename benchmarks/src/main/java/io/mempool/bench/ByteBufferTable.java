package io.mempool.bench;

import org.agrona.BufferUtil;

import java.nio.ByteBuffer;

/**
 * A table of the direct {@link ByteBuffer}s a peer hands out, written with {@link ByteBuffer#putLong(int, long)}
 * (absolute, bounds-checked), as their users write. Subclasses get and put.
 */
abstract class ByteBufferTable implements ThreadTable {
    /** The slots. */
    final ByteBuffer[] objs;

    ByteBufferTable(final int slots) {
        this.objs = new ByteBuffer[slots];
    }

    @Override
    public final void write(final int offset, final int n) {
        for (int i = offset, end = offset + n; i < end; i++) {
            objs[i].putLong(0, i);
        }
    }

    @Override
    public final long read(final int slot) {
        return objs[slot].getLong(0);
    }

    @Override
    public final long address(final int slot) {
        return BufferUtil.address(objs[slot]);
    }
}
