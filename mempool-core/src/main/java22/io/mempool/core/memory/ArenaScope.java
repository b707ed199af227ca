package io.mempool.core.memory;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK 22+ scope: one shared {@link Arena}, whose segments any thread may use. Its close is the JDK's
 * handshake with every thread, so no thread is left inside an access to the freed memory: one caught in
 * the middle of one gets an {@link IllegalStateException}.
 *
 * <p><b>Thread safety:</b> every method may be called from any thread; the region list is guarded by this.
 */
final class ArenaScope implements MemoryScope {
    /** How long close retries while an I/O operation holds a view's memory (the JDK then refuses to close). */
    private static final long CLOSE_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Arena arena = Arena.ofShared();
    private final List<NativeRegion> roots = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized NativeRegion allocate(final long length, final int align) {
        checkOpen();
        MemoryChecks.checkLength(length);
        MemoryChecks.checkAlign(align);
        return keep(new SegmentRegion(arena.allocate(length, align))); // zeroed by the arena
    }

    @Override
    public synchronized NativeRegion map(final FileChannel channel, final long length) throws IOException {
        checkOpen();
        MemoryChecks.checkLength(length);
        return keep(new SegmentRegion(channel.map(FileChannel.MapMode.READ_WRITE, 0, length, arena)));
    }

    private NativeRegion keep(final NativeRegion region) {
        roots.add(region);
        NativeRegion.registerRoot(region);
        return region;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (final NativeRegion region : roots) {
                NativeRegion.unregisterRoot(region);
            }
            roots.clear();
        }
        final long deadline = System.nanoTime() + CLOSE_PATIENCE_NANOS;
        while (true) {
            try {
                arena.close();
                return;
            } catch (final IllegalStateException acquired) { // an I/O call on a view holds the memory
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("memory scope: a view is still in use by an I/O operation after "
                        + TimeUnit.NANOSECONDS.toSeconds(CLOSE_PATIENCE_NANOS) + " s; its memory is left allocated", acquired);
                }
                Thread.yield();
            }
        }
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
