package io.mempool.core;

import io.mempool.core.memory.MemoryScope;
import io.mempool.core.memory.NativeRegion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The file behind a shared {@link Memzone}: mapped read-write into this process through a
 * {@link MemoryScope} (which unmaps it when it closes), with a shared lock on it held until {@link #close}. The locks tell the living from the dead: the kernel drops a
 * process's locks when it dies, however it dies, so a zone file nobody holds a lock on is stale.
 *
 * <p>Every process that maps a file holds one channel to it, and the process's last one out deletes
 * it. Creating, opening and deleting run under {@link ZoneDirectory#mutex}, so a process that finds a
 * file stale cannot delete it under one that is about to lock it.
 *
 * <p><b>Note:</b> POSIX drops all of a process's locks on a file when any of its channels to that file
 * closes, so a process never opens a second channel to a file it maps: {@link Memzone} keeps one zone
 * per name per process.
 *
 * <p>Not thread-safe: the caller ({@link Memzone}) serialises every call.
 */
final class ZoneFile {
    private final Path path;
    private final FileChannel channel;
    private final NativeRegion region;
    private final FileLock lock;

    private ZoneFile(final Path path, final FileChannel channel, final NativeRegion region, final FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.region = region;
        this.lock = lock;
    }

    /**
     * Creates and maps a new zone file of {@code length} bytes, zeroed; a stale file of that name is
     * removed first.
     *
     * @throws IllegalArgumentException if a live process holds a file of that name.
     * @throws IOException              if the file cannot be made or mapped (e.g. no huge pages left).
     */
    static ZoneFile create(final Path path, final long length, final MemoryScope scope, final ZoneAccess access)
        throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!isStale(path, access)) {
                throw new IllegalArgumentException("name: " + path.getFileName()
                    + " (expected: unique among memzones; a live process holds " + path + ")");
            }
            Files.deleteIfExists(path);
        }
        final FileChannel channel = access.createFile(path);
        try {
            final FileLock lock = channel.lock(0, Long.MAX_VALUE, true);
            // mapping extends the new file; it reads as zeros, on tmpfs and hugetlbfs alike (which refuses write(2) anyway)
            return new ZoneFile(path, channel, scope.map(channel, length), lock);
        } catch (final IOException | RuntimeException | Error ex) {
            channel.close();
            Files.deleteIfExists(path);
            throw ex;
        }
    }

    /**
     * Maps an existing zone file, all of it.
     *
     * @return the mapping, or null if there is no such file or nobody holds it (a stale file is not
     *     handed out: nothing in it is maintained any more).
     */
    static ZoneFile open(final Path path, final MemoryScope scope, final ZoneAccess access) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        final FileChannel channel = access.openFile(path); // refuses a link, someone else's file, or one others may write
        try {
            final FileLock exclusive = channel.tryLock(0, Long.MAX_VALUE, false);
            if (exclusive != null) {
                channel.close(); // nobody holds it: stale
                return null;
            }
            final FileLock lock = channel.lock(0, Long.MAX_VALUE, true);
            return new ZoneFile(path, channel, scope.map(channel, channel.size()), lock);
        } catch (final IOException | RuntimeException | Error ex) {
            channel.close();
            throw ex;
        }
    }

    /**
     * @return whether the file exists and no process holds a lock on it.
     * @throws IOException if the file is not one this process may touch (see {@link ZoneAccess}).
     */
    static boolean isStale(final Path path, final ZoneAccess access) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel probe = access.openToProbe(path)) {
            return probe.tryLock(0, Long.MAX_VALUE, false) != null; // closing the probe releases it
        }
    }

    NativeRegion region() {
        return region;
    }

    Path path() {
        return path;
    }

    /**
     * Releases this process's lock and deletes the file if no other process holds it; the mapping goes
     * with its scope.
     *
     * @param delete delete the file even if other processes still map it (their mappings stay valid).
     */
    void close(final boolean delete) {
        try {
            lock.release();
            channel.close();
            if (delete || isStale(path, ZoneAccess.current())) {
                Files.deleteIfExists(path);
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("memzone file " + path + ": " + ex.getMessage(), ex);
        }
    }
}
