package io.mempool.tests;

import io.mempool.core.Mempool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Shared pools on huge pages, for real: the test reserves pages ({@code /proc/sys/vm/nr_hugepages}) and
 * mounts a hugetlbfs of its own, then restores both. Where the machine does not let it (not root, no
 * hugetlbfs, a container that refuses the mount), it is skipped and says why.
 */
class SharedPoolHugePagesTest {
    private static final Path NR_HUGEPAGES = Path.of("/proc/sys/vm/nr_hugepages");
    private static final int PAGES = 8;

    @TempDir
    Path dir;
    private Path mount;
    private long savedPages = -1;

    @BeforeEach
    void reservePagesAndMount() throws Exception {
        assumeTrue(Files.isWritable(NR_HUGEPAGES), "cannot reserve huge pages: " + NR_HUGEPAGES + " is not writable (not root?)");
        savedPages = Long.parseLong(Files.readString(NR_HUGEPAGES).trim());
        Files.writeString(NR_HUGEPAGES, Long.toString(savedPages + PAGES));
        assumeTrue(meminfo("HugePages_Free") >= PAGES, "the kernel granted fewer than " + PAGES + " huge pages");
        mount = Files.createDirectory(dir.resolve("huge"));
        final String mounted = run("mount", "-t", "hugetlbfs", "nodev", mount.toString());
        assumeTrue(mounted.isEmpty(), "cannot mount hugetlbfs here: " + mounted);
        System.setProperty("mempool.runtime.dir", dir.resolve("run").toString());
        System.setProperty("mempool.hugepages", mount.toString());
    }

    @AfterEach
    void unmountAndRestore() throws Exception {
        System.clearProperty("mempool.hugepages");
        System.clearProperty("mempool.runtime.dir");
        if (mount != null) {
            run("umount", mount.toString());
        }
        if (savedPages >= 0) {
            Files.writeString(NR_HUGEPAGES, Long.toString(savedPages));
        }
    }

    @Test
    void aSharedPoolLivesOnHugePagesAndAnotherJvmAttaches() throws Exception {
        final long freeBefore = meminfo("HugePages_Free");
        try (Mempool mp = Mempool.builder("huge1").size(2048).elementSize(2048).shared(true).create()) {
            final long pages = freeBefore - meminfo("HugePages_Free");
            assertTrue(pages >= 2, "populate touched the elements: " + pages + " huge pages in use");
            // the mount is everybody's: each user's zones go to a directory of its own on it
            final Path elements = mount.resolve("jmempool-" + Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
                .resolve("jmempool.MP_huge1_0");
            assertTrue(Files.exists(elements), "the elements are a file on " + mount);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(elements)));
            assertTrue(smapsHugeMapping(elements), "smaps shows 2 MiB pages for it");
            try (JvmProcess child = JvmProcess.start(dir, List.of("-Dmempool.runtime.dir=" + dir.resolve("run"),
                "-Dmempool.hugepages=" + mount), SharedPoolMain.class, "attach", "huge1")) {
                child.awaitSuccess(60);
                assertTrue(child.output().contains("attached 2048 ring_mp_mc"), child.output());
            }
        }
        assertEquals(freeBefore, meminfo("HugePages_Free"), "close gave the pages back");
    }

    @Test
    void aShortageNamesTheMountAndThePagesOrFallsBackWithAuto() throws Exception {
        final IllegalStateException shortage = assertThrows(IllegalStateException.class,
            () -> Mempool.builder("huge2").size(16_384).elementSize(2048).shared(true).create());
        assertTrue(shortage.getMessage().contains("huge page(s) of 2048 KiB on " + mount), shortage.getMessage());
        assertTrue(shortage.getMessage().contains("nr_hugepages"), shortage.getMessage());
        System.setProperty("mempool.hugepages", "auto");
        try (Mempool mp = Mempool.builder("huge2").size(16_384).elementSize(2048).shared(true).create()) {
            assertEquals(16_384, mp.availCount());
            assertTrue(Files.exists(dir.resolve("run").resolve("jmempool.MP_huge2_0")), "fell back to the runtime directory");
        }
    }

    private static boolean smapsHugeMapping(final Path file) throws IOException {
        final List<String> smaps = Files.readAllLines(Path.of("/proc/self/smaps"));
        for (int i = 0; i < smaps.size(); i++) {
            if (smaps.get(i).endsWith(file.toString())) {
                for (int j = i + 1; j < smaps.size() && j < i + 30; j++) {
                    if (smaps.get(j).startsWith("KernelPageSize:")) {
                        return smaps.get(j).contains("2048 kB");
                    }
                }
            }
        }
        return false;
    }

    private static long meminfo(final String key) throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
            .filter(line -> line.startsWith(key + ":"))
            .mapToLong(line -> Long.parseLong(line.replaceAll("\\D+", "")))
            .findFirst().orElse(-1);
    }

    /** @return the command's output if it failed, else "". */
    private static String run(final String... command) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return process.exitValue() == 0 ? "" : String.join(" ", command) + ": " + output;
    }
}
