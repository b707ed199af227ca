package io.mempool.core.memory;

import io.mempool.api.Checks;
import io.mempool.api.OffHeapRegion;

import java.nio.ByteBuffer;

/**
 * A region of memory a {@link MemoryScope} owns: the api's {@link OffHeapRegion} plus what core needs
 * beyond a store's accessors, the {@link ByteBuffer} views users do I/O with.
 *
 * <p><b>Thread safety:</b> as {@link OffHeapRegion}.
 */
public abstract class NativeRegion extends OffHeapRegion {

    /**
     * @param address     the first byte's address.
     * @param length      the bytes.
     * @param selfChecked whether single accesses check themselves (see {@link OffHeapRegion}).
     */
    protected NativeRegion(final long address, final long length, final boolean selfChecked) {
        super(address, length, selfChecked);
    }

    /**
     * A direct buffer over exactly {@code [offset, offset + length)}: position 0, limit and capacity
     * {@code length}, native byte order. On JDK 22+ it fails with {@link IllegalStateException} once the
     * scope is closed.
     *
     * @param offset the first byte.
     * @param length the bytes, {@code 0..Integer.MAX_VALUE}.
     * @return a new view; allocates.
     * @throws IndexOutOfBoundsException if the range does not lie inside the region.
     */
    public final ByteBuffer byteBuffer(final long offset, final int length) {
        if (offset < 0 || length < 0 || offset > length() - length) {
            throw new IndexOutOfBoundsException(Checks.message("view", "[" + offset + ", +" + length + ")",
                "inside [0, " + length() + ")"));
        }
        return newByteBuffer(offset, length);
    }

    /** Makes the view; the bounds are checked. */
    protected abstract ByteBuffer newByteBuffer(long offset, int length);

    /** Makes the region findable by address (the scope does it for every root region it reserves). */
    static void registerRoot(final NativeRegion region) {
        register(region);
    }

    /** Forgets a root region before its memory goes. */
    static void unregisterRoot(final NativeRegion region) {
        unregister(region);
    }
}
