package io.mempool.core;

import io.mempool.api.Checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where shared memzone files live, as DPDK's runtime directory and {@code --file-prefix}: the file of
 * zone {@code z} is {@code <dir>/<prefix>.z}. The directory is {@code -Dmempool.runtime.dir}, by default
 * one per user as DPDK's: {@code $XDG_RUNTIME_DIR/jmempool} where that is set, else
 * {@code /dev/shm/jmempool-<uid>}; or, for huge pages, {@code jmempool-<uid>} inside a hugetlbfs mount:
 * {@code -Dmempool.hugepages=<mount>}, or {@code auto} for the first one in {@code /proc/mounts}. The prefix
 * is {@code -Dmempool.file.prefix} (default {@code jmempool}); processes that share zones run with the same
 * properties. Directories are made and checked by {@link ZoneAccess}. Properties are read at each
 * reservation, so a process may change them between pools.
 *
 * @param dir      the directory new zones go to.
 * @param prefix   the file prefix.
 * @param pageSize the size zones round up to: the huge page size on hugetlbfs, else 4 KiB.
 * @param huge     whether {@code dir} is a hugetlbfs mount.
 * @param fallback where to go if huge pages run out ({@code auto} only), else null.
 */
record ZoneDirectory(Path dir, String prefix, long pageSize, boolean huge, ZoneDirectory fallback) {
    static final String RUNTIME_DIR_PROPERTY = "mempool.runtime.dir";
    static final String PREFIX_PROPERTY = "mempool.file.prefix";
    static final String HUGEPAGES_PROPERTY = "mempool.hugepages";
    private static final long SMALL_PAGE = 4096;

    /** @return the directory the properties name now. */
    static ZoneDirectory current() {
        final ZoneDirectory runtime = runtime();
        final String huge = System.getProperty(HUGEPAGES_PROPERTY, "").trim();
        if (huge.isEmpty()) {
            return runtime;
        }
        if (huge.equals("auto")) {
            final HugeMount mount = HugeMount.find();
            return mount == null ? runtime : new ZoneDirectory(mount.userDir(), runtime.prefix, mount.pageSize(), true, runtime);
        }
        final HugeMount mount = HugeMount.at(Path.of(huge));
        if (mount == null) {
            throw new IllegalStateException(Checks.message("-D" + HUGEPAGES_PROPERTY, huge,
                "a hugetlbfs mount point, or auto; mounted now: " + HugeMount.all()));
        }
        return new ZoneDirectory(mount.userDir(), runtime.prefix, mount.pageSize(), true, null);
    }

    /** @return the runtime directory, never hugetlbfs: where locks live, and shared zones when huge pages are off. */
    static ZoneDirectory runtime() {
        final Path dir = Path.of(System.getProperty(RUNTIME_DIR_PROPERTY, defaultRuntimeDir()));
        final String prefix = System.getProperty(PREFIX_PROPERTY, "jmempool");
        if (!NameRule.FILE_PREFIX.matches(prefix)) {
            throw new IllegalStateException(NameRule.FILE_PREFIX.problem("-D" + PREFIX_PROPERTY, prefix, ""));
        }
        return new ZoneDirectory(dir, prefix, SMALL_PAGE, false, null);
    }

    /** @return this user's own runtime directory, as DPDK's ({@code $XDG_RUNTIME_DIR/dpdk} or a per-uid one). */
    private static String defaultRuntimeDir() {
        final String xdg = System.getenv("XDG_RUNTIME_DIR");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "jmempool").toString() : "/dev/shm/jmempool-" + ZoneAccess.uid();
    }

    /** @return every directory a zone of this process's prefix may be in: huge pages first. */
    static List<ZoneDirectory> searched() {
        final ZoneDirectory current = current();
        return current.huge ? List.of(current, runtime()) : List.of(current);
    }

    Path pathOf(final String zoneName) {
        return dir.resolve(prefix + '.' + zoneName);
    }

    long roundUp(final long length) {
        return (length + pageSize - 1) / pageSize * pageSize;
    }

    /** An action on zone files, run while holding the inter-process mutex. */
    interface Locked<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code action} holding an exclusive lock on {@code <runtime dir>/<prefix>.lock}, so that
     * creating, finding stale and deleting zone files never interleave between processes. The caller
     * serialises the threads of this process (a JVM may hold one lock on a file at a time).
     */
    <T> T mutex(final Locked<T> action) {
        final ZoneDirectory runtime = runtime();
        final ZoneAccess access = ZoneAccess.current();
        try {
            access.prepareDirectory(runtime.dir);
            if (huge) {
                access.prepareDirectory(dir);
            }
            try (FileChannel channel = lockFile(access, runtime.dir.resolve(runtime.prefix + ".lock"));
                 FileLock ignored = channel.lock()) {
                return action.run();
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("memzone directory " + dir + ": " + ex.getMessage(), ex);
        }
    }

    /** The mutex's file: made as a zone file is, or opened after the same checks. */
    private static FileChannel lockFile(final ZoneAccess access, final Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return access.createFile(path);
            } catch (final FileAlreadyExistsException raced) {
                // another process made it first
            }
        }
        return access.openFile(path);
    }

    /** A hugetlbfs mount point and its page size. */
    record HugeMount(Path path, long pageSize) {
        /** @return this user's directory on the mount: the mount itself is everybody's. */
        Path userDir() {
            return path.resolve("jmempool-" + ZoneAccess.uid());
        }

        /** @return the first hugetlbfs mount, or null. */
        static HugeMount find() {
            final List<HugeMount> all = all();
            return all.isEmpty() ? null : all.get(0);
        }

        /** @return the hugetlbfs mount at {@code path}, or null if it is none. */
        static HugeMount at(final Path path) {
            for (final HugeMount mount : all()) {
                if (mount.path.equals(path.toAbsolutePath().normalize())) {
                    return mount;
                }
            }
            return null;
        }

        /** @return every hugetlbfs mount of {@code /proc/mounts}; none where there is no such file. */
        static List<HugeMount> all() {
            try {
                final Path mounts = Path.of("/proc/mounts");
                if (!Files.isReadable(mounts)) {
                    return List.of();
                }
                return Files.readAllLines(mounts).stream()
                    .map(line -> line.split(" "))
                    .filter(f -> f.length >= 4 && f[2].equals("hugetlbfs"))
                    .map(f -> new HugeMount(Path.of(f[1]), pageSize(f[3])))
                    .toList();
            } catch (final IOException ex) {
                return List.of();
            }
        }

        private static long pageSize(final String options) {
            for (final String option : options.split(",")) {
                if (option.startsWith("pagesize=")) {
                    final String v = option.substring("pagesize=".length()).toUpperCase(Locale.ROOT);
                    final long unit = v.endsWith("G") ? 1L << 30 : v.endsWith("M") ? 1L << 20 : v.endsWith("K") ? 1L << 10 : 1;
                    return Long.parseLong(v.replaceAll("[GMK]$", "")) * unit;
                }
            }
            return 2L << 20;
        }
    }
}
