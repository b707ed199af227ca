package io.mempool.core.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK 17 base's scope: direct buffers ({@link ByteBuffer#allocateDirect}, zeroed by the JDK) and
 * file mappings, freed together at {@link #close()} by their cleaners rather than at their collection.
 *
 * <p><b>Thread safety:</b> every method holds this object's lock.
 */
final class UnsafeScope implements MemoryScope {
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private final List<NativeRegion> roots = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized NativeRegion allocate(final long length, final int align) {
        checkOpen();
        MemoryChecks.checkLength(length);
        MemoryChecks.checkAlign(align);
        final ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(length + align - 1));
        final long start = UnsafeAccess.address(buffer);
        final int pad = (int) (((start + align - 1) & -align) - start);
        return keep(buffer, new UnsafeRegion(buffer, pad, length));
    }

    @Override
    public synchronized NativeRegion map(final FileChannel channel, final long length) throws IOException {
        checkOpen();
        MemoryChecks.checkLength(length);
        final MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
        return keep(mapping, new UnsafeRegion(mapping, 0, length));
    }

    private NativeRegion keep(final ByteBuffer buffer, final NativeRegion region) {
        buffers.add(buffer);
        roots.add(region);
        NativeRegion.registerRoot(region);
        return region;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (final NativeRegion region : roots) {
            NativeRegion.unregisterRoot(region);
        }
        for (final ByteBuffer buffer : buffers) {
            UnsafeAccess.free(buffer);
        }
        roots.clear();
        buffers.clear();
    }

    @Override
    public synchronized boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("memory scope is closed");
        }
    }
}
