package io.mempool.core;

import io.mempool.core.memory.MemoryScope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The policy of shared memzones between {@link Memzone} and its files: which directory, the
 * inter-process mutex around every file operation, and the huge-page shortage that either fails with
 * the numbers an operator needs or, with {@code -Dmempool.hugepages=auto}, falls back to the runtime
 * directory. Called with {@link Memzone}'s lock held.
 */
final class SharedZones {
    private SharedZones() {
    }

    static ZoneFile create(final ZoneDirectory dir, final String name, final long length, final MemoryScope scope) {
        final Path path = dir.pathOf(name);
        try {
            return dir.mutex(() -> ZoneFile.create(path, dir.roundUp(length), scope, ZoneAccess.current()));
        } catch (final UncheckedIOException ex) {
            if (!dir.huge()) {
                throw new IllegalStateException("memzone " + name + ": cannot map " + path + ": " + ex.getCause().getMessage(), ex);
            }
            if (dir.fallback() != null) {
                return create(dir.fallback(), name, length, scope);
            }
            final long pages = dir.roundUp(length) / dir.pageSize();
            throw new IllegalStateException("memzone " + name + ": " + length + " bytes need " + pages + " huge page(s) of "
                + dir.pageSize() / 1024 + " KiB on " + dir.dir() + ", " + freeHugePages() + " free; raise "
                + "/proc/sys/vm/nr_hugepages, or run with -D" + ZoneDirectory.HUGEPAGES_PROPERTY + "=auto to fall back to "
                + ZoneDirectory.runtime().dir(), ex);
        }
    }

    /**
     * @return the mapping of another process's live zone file, or null if there is none.
     * @throws IllegalStateException if the file or its directory is not one this process may use.
     */
    static ZoneFile open(final String name, final MemoryScope scope) {
        for (final ZoneDirectory dir : ZoneDirectory.searched()) {
            if (!Files.exists(dir.pathOf(name), LinkOption.NOFOLLOW_LINKS)) {
                continue; // a lookup that finds nothing leaves no directory or lock file behind
            }
            final ZoneFile file;
            try {
                file = dir.mutex(() -> ZoneFile.open(dir.pathOf(name), scope, ZoneAccess.current()));
            } catch (final UncheckedIOException ex) {
                throw new IllegalStateException("memzone " + name + ": cannot open " + dir.pathOf(name) + ": "
                    + ex.getCause().getMessage(), ex);
            }
            if (file != null) {
                return file;
            }
        }
        return null;
    }

    static void close(final ZoneFile file, final boolean delete) {
        ZoneDirectory.runtime().mutex(() -> {
            file.close(delete);
            return null;
        });
    }

    /**
     * Removes the stale files of a pool's zones (a crashed run's), leaving live ones: its header
     * {@code MP_<pool>}, chunks {@code MP_<pool>_<k>} and store {@code RG_MP_<pool>}.
     *
     * @return how many files were removed.
     */
    static int removeStalePool(final String pool) {
        final Set<Path> mine = Memzone.mappedHere();
        final ZoneAccess access = ZoneAccess.current();
        int removed = 0;
        for (final ZoneDirectory dir : ZoneDirectory.searched()) {
            final Pattern files = ZoneNames.filesOf(dir.prefix(), pool);
            removed += dir.mutex(() -> {
                int n = 0;
                if (!Files.isDirectory(dir.dir())) {
                    return 0;
                }
                try (var list = Files.list(dir.dir())) {
                    for (final Path path : (Iterable<Path>) list::iterator) {
                        // never probe a file this process maps: closing the probe would drop our own lock;
                        // never touch one this user may not: another's files are left alone
                        if (files.matcher(path.getFileName().toString()).matches() && !mine.contains(path)
                            && access.mayRemove(path) && ZoneFile.isStale(path, access)) {
                            Files.deleteIfExists(path);
                            n++;
                        }
                    }
                }
                return n;
            });
        }
        return removed;
    }

    /** @return the names of the live shared pools of this process's directories and prefix, sorted. */
    static List<String> poolNames() {
        final Set<Path> mine = Memzone.mappedHere();
        final ZoneAccess access = ZoneAccess.current();
        final TreeSet<String> names = new TreeSet<>();
        for (final ZoneDirectory dir : ZoneDirectory.searched()) {
            if (!Files.isDirectory(dir.dir())) {
                continue;
            }
            try (var files = Files.list(dir.dir())) {
                for (final Path path : (Iterable<Path>) files::iterator) {
                    final String pool = ZoneNames.poolOfHeaderFile(dir.prefix(), path.getFileName().toString());
                    if (pool != null && access.mayUse(path) && SharedPoolDescriptor.isHeaderFile(path)
                        && (mine.contains(path) || !ZoneFile.isStale(path, access))) {
                        names.add(pool);
                    }
                }
            } catch (final IOException ex) {
                throw new UncheckedIOException("memzone directory " + dir.dir() + ": " + ex.getMessage(), ex);
            }
        }
        return new ArrayList<>(names);
    }

    private static String freeHugePages() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("HugePages_Free:"))
                .map(line -> line.replaceAll("\\D+", "") + " huge page(s)")
                .findFirst().orElse("an unknown number of huge pages");
        } catch (final IOException ex) {
            return "an unknown number of huge pages";
        }
    }
}
