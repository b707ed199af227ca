package io.mempool.core;

import io.mempool.api.Checks;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * Who may touch a shared pool's files, as DPDK's runtime directory: by default this user alone (zone files
 * {@code 0600} in a directory {@code 0700}, created so whatever the umask); with
 * {@code -Dmempool.shared.group=<group>} also that group ({@code 0660} files of that group in a {@code 0770}
 * directory), for two services that share a pool. Before a directory or zone file is used, it must not be a
 * symbolic link, must be this user's (or, with a group, that group's), and must not be writable by anyone
 * beyond the group: otherwise it is refused (attach, lookup, create), with a message naming the path, its
 * owner and its mode. Stale-file cleanup deletes only regular files that are this user's (or the group's),
 * whatever their mode, and leaves every other file alone.
 *
 * <p>Thread-safe: immutable; the file-system calls are the caller's to serialise.
 */
final class ZoneAccess {
    static final String GROUP_PROPERTY = "mempool.shared.group";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_FILE = PosixFilePermissions.fromString("rw-rw----");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_DIR = PosixFilePermissions.fromString("rwxrwx---");

    /** This process's user id (effective), read once. */
    private static final int UID = ownUid();

    /** The group that may share, or null for this user alone. */
    private final String group;

    private ZoneAccess(final String group) {
        this.group = group;
    }

    /** @return the policy the properties name now. */
    static ZoneAccess current() {
        final String group = System.getProperty(GROUP_PROPERTY, "").trim();
        return new ZoneAccess(group.isEmpty() ? null : group);
    }

    /** @return this process's user id. */
    static int uid() {
        return UID;
    }

    /** @return the group that may share, or null. */
    String group() {
        return group;
    }

    /**
     * Creates the directory (and missing parents, which stay the system's), with this policy's mode on the
     * last component, and checks it, whether it was just made or was there.
     *
     * @throws IOException if it cannot be made, or is not one this policy may use (the message says why).
     */
    void prepareDirectory(final Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (dir.getParent() != null) {
                Files.createDirectories(dir.getParent());
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(group == null ? OWNER_DIR : GROUP_DIR));
                share(dir, group == null ? OWNER_DIR : GROUP_DIR);
            } catch (final FileAlreadyExistsException raced) {
                // another process made it first: checked below like any directory found
            }
        }
        checkDirectory(dir);
    }

    /** @throws IOException if {@code dir} is a link, someone else's, or writable beyond the group. */
    void checkDirectory(final Path dir) throws IOException {
        final String problem = problem(dir, true, true);
        if (problem != null) {
            throw new IOException(problem);
        }
    }

    /**
     * Creates a new zone file, exclusively, with this policy's mode from the first instant (the umask can
     * only take bits away, and owner bits it took are put back), then its group.
     *
     * @throws IOException if the file exists or cannot be made.
     */
    FileChannel createFile(final Path path) throws IOException {
        final Set<PosixFilePermission> mode = group == null ? OWNER_FILE : GROUP_FILE;
        final FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(OWNER_FILE));
        try {
            share(path, mode);
            return channel;
        } catch (final IOException | RuntimeException ex) {
            channel.close();
            Files.deleteIfExists(path);
            throw ex;
        }
    }

    /**
     * Opens an existing zone file read-write after checking it, never through a link.
     *
     * @throws IOException if it is a link, someone else's, or writable beyond the group (the message says why).
     */
    FileChannel openFile(final Path path, final OpenOption... more) throws IOException {
        checkFile(path);
        final Set<OpenOption> options = new HashSet<>(Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS));
        options.addAll(Set.of(more));
        return FileChannel.open(path, options);
    }

    /** @throws IOException if {@code path} is a link, someone else's, or writable beyond the group. */
    void checkFile(final Path path) throws IOException {
        final String problem = problem(path, false, true);
        if (problem != null) {
            throw new IOException(problem);
        }
    }

    /**
     * Opens a file to probe whether it is stale, never through a link.
     *
     * @throws IOException if it is a link, not a regular file, or neither this user's nor the group's.
     */
    FileChannel openToProbe(final Path path) throws IOException {
        final String problem = problem(path, false, false);
        if (problem != null) {
            throw new IOException(problem);
        }
        return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /** @return whether this process may use {@code path}'s memory (see {@link #checkFile}). */
    boolean mayUse(final Path path) {
        try {
            return problem(path, false, true) == null;
        } catch (final IOException ex) {
            return false;
        }
    }

    /**
     * @return whether stale-file cleanup may probe and delete {@code path}: a regular file (not a link) of
     *     this user's, or of the chosen group's; it leaves alone what it may not.
     */
    boolean mayRemove(final Path path) {
        try {
            return problem(path, false, false) == null;
        } catch (final IOException ex) {
            return false;
        }
    }

    /** The owner gets its bits back if the umask took them; the group, if any, becomes the file's. */
    private void share(final Path path, final Set<PosixFilePermission> mode) throws IOException {
        if (group != null) {
            final GroupPrincipal principal = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setGroup(principal);
        }
        if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
            Files.setPosixFilePermissions(path, mode); // only adds owner (and chosen group) bits: no window wider than the mode
        }
    }

    /**
     * @param use whether the file's memory is to be used (then its mode matters too), not only removed.
     * @return why this process must not use {@code path}, or null if it may.
     */
    private String problem(final Path path, final boolean directory, final boolean use) throws IOException {
        final PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        final int owner = (int) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        final Set<PosixFilePermission> mode = attributes.permissions();
        final String kind = directory ? "directory" : "file";
        final String why;
        if (attributes.isSymbolicLink()) {
            why = "a symbolic link";
        } else if (directory != attributes.isDirectory()) {
            why = directory ? "not a directory" : "not a regular file";
        } else if (use && mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            why = "writable by other users";
        } else if (owner == UID) {
            why = use && group == null && mode.contains(PosixFilePermission.GROUP_WRITE) ? "writable by its group, and no "
                + "-D" + GROUP_PROPERTY + " shares it" : null;
        } else if (group == null || !group.equals(attributes.group().getName())) {
            why = "another user's" + (group == null ? "" : ", not of the group " + group);
        } else {
            why = null; // another member's, of the chosen group, not open to others
        }
        return why == null ? null : Checks.message("memzone " + kind + " " + path, why + " (owner uid " + owner + ", group "
            + attributes.group().getName() + ", mode " + PosixFilePermissions.toString(mode) + ")",
            "this user's (uid " + UID + ")" + (group == null ? "" : " or group " + group + "'s") + ", not a link, mode "
            + PosixFilePermissions.toString(group == null ? (directory ? OWNER_DIR : OWNER_FILE) : (directory ? GROUP_DIR : GROUP_FILE))
            + " or narrower");
    }

    /** The effective uid: the owner of {@code /proc/self}, else of a file this process makes. */
    private static int ownUid() {
        try {
            return (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (final IOException | UnsupportedOperationException | IllegalArgumentException ex) {
            try {
                final Path probe = Files.createTempFile("jmempool-uid", ".probe");
                try {
                    return (int) Files.getAttribute(probe, "unix:uid");
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (final IOException | UnsupportedOperationException | IllegalArgumentException none) {
                return -1;
            }
        }
    }
}
