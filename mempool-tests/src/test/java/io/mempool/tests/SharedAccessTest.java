package io.mempool.tests;

import io.mempool.core.Mempool;
import io.mempool.core.Memzone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Who may touch a shared pool (docs/architecture.md, shared pools): zone files 0600 in a 0700 per-user
 * directory whatever the umask; a directory or file that is a link, another user's, or open to others is
 * refused with its path, owner and mode; another user can neither read, write nor attach, and with
 * {@code -Dmempool.shared.group} a member of that group can. The tests that need a second user run only as
 * root (they use {@code setpriv} to become {@code nobody}) and say so otherwise.
 */
class SharedAccessTest {
    private static final String RUNTIME_DIR = "mempool.runtime.dir";
    private static final String GROUP = "mempool.shared.group";
    private static final int NOBODY = 65534;

    private Path root;

    @BeforeEach
    void makeRoot() throws IOException {
        root = Files.createDirectory(Path.of("/dev/shm", "jmempool-access-" + UUID.randomUUID()));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x")); // traversable by nobody
    }

    @AfterEach
    void removeRoot() throws IOException {
        System.clearProperty(RUNTIME_DIR);
        System.clearProperty(GROUP);
        try (Stream<Path> all = Files.walk(root)) {
            for (final Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    @ParameterizedTest(name = "umask {0}")
    @ValueSource(strings = {"000", "022"})
    void zoneFilesAreOwnerOnlyInAnOwnerOnlyDirectoryWhateverTheUmask(final String umask) throws Exception {
        final Path dir = root.resolve("run");
        final String out = run(List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\"", ChildJvm.javaLauncher(),
            "-D" + RUNTIME_DIR + "=" + dir, "-cp", System.getProperty("java.class.path"), SharedAccessMain.class.getName(),
            "modes", "um" + umask, dir.toString()), Map.of());
        assertTrue(out.lines().anyMatch("dir rwx------"::equals), out);
        final List<String> files = out.lines().filter(l -> l.startsWith("file ")).toList();
        assertEquals(4, files.size(), "header, elements, store and the lock file:\n" + out);
        for (final String file : files) {
            assertTrue(file.endsWith(" rw-------"), file + "\n" + out);
        }
    }

    @Test
    void theDefaultRuntimeDirectoryIsTheUsersOwn() throws Exception {
        final Path xdg = Files.createDirectory(root.resolve("xdg"));
        final String out = run(List.of(ChildJvm.javaLauncher(), "-cp", System.getProperty("java.class.path"),
            SharedAccessMain.class.getName(), "modes", "xdg", xdg.resolve("jmempool").toString()),
            Map.of("XDG_RUNTIME_DIR", xdg.toString()));
        assertTrue(out.lines().anyMatch("dir rwx------"::equals), "$XDG_RUNTIME_DIR/jmempool, owner only:\n" + out);
    }

    @Test
    void aLinkAnOpenDirectoryAndAnOpenFileAreRefusedNamingPathOwnerAndMode() throws Exception {
        final Path real = Files.createDirectory(root.resolve("real"), PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
        final Path link = Files.createSymbolicLink(root.resolve("link"), real);
        System.setProperty(RUNTIME_DIR, link.toString());
        String message = assertThrows(RuntimeException.class, () -> Memzone.reserveShared("acc_link", 64, 64)).getMessage();
        assertTrue(message.contains(link.toString()) && message.contains("a symbolic link") && message.contains("mode "), message);

        final Path open = Files.createDirectory(root.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        System.setProperty(RUNTIME_DIR, open.toString());
        message = assertThrows(RuntimeException.class, () -> Memzone.reserveShared("acc_open", 64, 64)).getMessage();
        assertTrue(message.contains(open.toString()) && message.contains("writable by other users") && message.contains("rwxrwxrwx"),
            message);

        final Path ok = root.resolve("ok");
        System.setProperty(RUNTIME_DIR, ok.toString());
        try (Mempool mp = Mempool.builder("acc_file").size(63).elementSize(64).shared(true).create()) {
            final Path header = ok.resolve("jmempool.MP_acc_file");
            Files.setPosixFilePermissions(header, PosixFilePermissions.fromString("rw-rw-rw-"));
            final String out = run(List.of(ChildJvm.javaLauncher(), "-D" + RUNTIME_DIR + "=" + ok, "-cp",
                System.getProperty("java.class.path"), SharedAccessMain.class.getName(), "attach", mp.name()), Map.of());
            assertTrue(out.contains("refused") && out.contains(header.toString()) && out.contains("rw-rw-rw-"), out);
            Files.setPosixFilePermissions(header, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void anotherUsersStaleFileIsLeftAloneAndNamed() throws Exception {
        assumeTrue(isRoot(), "needs root, to make a file of another user");
        final Path dir = root.resolve("stale");
        System.setProperty(RUNTIME_DIR, dir.toString());
        Memzone.reserveShared("acc_probe", 64, 64).free(); // makes the directory as this user's
        final Path theirs = dir.resolve("jmempool.MP_acc_stale_0");
        Files.write(theirs, new byte[64]);
        Files.setAttribute(theirs, "unix:uid", NOBODY);
        final String message = assertThrows(RuntimeException.class,
            () -> Mempool.builder("acc_stale").size(63).elementSize(64).shared(true).create()).getMessage();
        assertTrue(message.contains(theirs.toString()) && message.contains("another user's") && message.contains("uid " + NOBODY),
            message);
        assertTrue(Files.exists(theirs), "another user's file is left alone");
    }

    @Test
    void anotherUserCanNeitherReadNorWriteNorAttach() throws Exception {
        assumeTrue(isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv to run a JVM as nobody");
        final Path dir = root.resolve("two");
        System.setProperty(RUNTIME_DIR, dir.toString());
        try (Mempool mp = Mempool.builder("acc_two").size(63).elementSize(64).shared(true).create()) {
            final Path header = dir.resolve("jmempool.MP_acc_two");
            final String classPath = readableClassPath();
            final List<String> nobody = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                ChildJvm.javaLauncher(), "-D" + RUNTIME_DIR + "=" + dir, "-cp", classPath, SharedAccessMain.class.getName());
            assertTrue(run(with(nobody, "read", header.toString()), Map.of()).contains("denied"), "nobody read the header");
            assertTrue(run(with(nobody, "write", header.toString()), Map.of()).contains("denied"), "nobody wrote the header");
            final String attach = run(with(nobody, "attach", mp.name()), Map.of());
            assertTrue(attach.contains("refused") && attach.contains(dir.toString()), attach);
        }
    }

    @Test
    void aMemberOfTheChosenGroupCanAttachAndNoOneElse() throws Exception {
        assumeTrue(isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv to run a JVM as nobody");
        final Path dir = root.resolve("group");
        System.setProperty(RUNTIME_DIR, dir.toString());
        System.setProperty(GROUP, "nogroup");
        try (Mempool mp = Mempool.builder("acc_group").size(63).elementSize(64).shared(true).create()) {
            assertEquals("rwxrwx---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            final Path header = dir.resolve("jmempool.MP_acc_group");
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(header)));
            assertEquals("nogroup", Files.readAttributes(header, java.nio.file.attribute.PosixFileAttributes.class).group().getName());
            final String classPath = readableClassPath();
            final List<String> member = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                ChildJvm.javaLauncher(), "-D" + RUNTIME_DIR + "=" + dir, "-D" + GROUP + "=nogroup", "-cp", classPath,
                SharedAccessMain.class.getName(), "attach", mp.name());
            final String attached = run(member, Map.of());
            assertTrue(attached.contains("attached 63"), attached);
            final List<String> stranger = List.of("setpriv", "--reuid=" + NOBODY, "--regid=1", "--clear-groups",
                ChildJvm.javaLauncher(), "-D" + RUNTIME_DIR + "=" + dir, "-D" + GROUP + "=nogroup", "-cp", classPath,
                SharedAccessMain.class.getName(), "attach", mp.name());
            assertTrue(run(stranger, Map.of()).contains("refused"), "a user outside the group attached");
        }
    }

    private static List<String> with(final List<String> command, final String... more) {
        final List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    /** The test class path copied where another user can read it (the build's own lies under /root). */
    private String readableClassPath() throws IOException {
        final Path copy = Files.createDirectory(root.resolve("cp"));
        final List<String> entries = new ArrayList<>();
        int i = 0;
        for (final String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            final Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            final Path target = copy.resolve((i++) + "-" + source.getFileName());
            try (Stream<Path> files = Files.walk(source)) {
                for (final Path file : (Iterable<Path>) files::iterator) {
                    final Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(file, to);
                    }
                }
            }
            entries.add(target.toString());
        }
        try (Stream<Path> all = Files.walk(copy)) {
            for (final Path path : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private String run(final List<String> command, final Map<String, String> env) throws Exception {
        final ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("XDG_RUNTIME_DIR");
        builder.environment().putAll(env);
        final Process process = builder.start();
        final String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the child did not finish: " + out);
        assertEquals(0, process.exitValue(), command + ":\n" + out);
        return out;
    }

    private static boolean isRoot() throws IOException {
        return (int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }
}
