package io.mempool.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The DPDK harness's side in Java: its arguments, its output read back, and how a driver that EAL has not loaded is
 * found and loaded with {@code -d}, or noted as missing. A stand-in shell script plays the harness, so no DPDK is needed.
 */
class DpdkHarnessTest {
    /** A harness that has bucket only when EAL is given -d, and prints its arguments after RESULT's figures. */
    private static final String NEEDS_D = String.join("\n", "#!/bin/sh",
        "case \" $* \" in *' -d '*) loaded=yes ;; *) loaded=no ;; esac",
        "if [ $loaded = no ]; then echo 'NO_OPS bucket: not registered; registered: ring_mp_mc stack'; exit 3; fi",
        "for a in \"$@\"; do [ \"$a\" = ops ] && exit 0; done",
        "echo \"RESULT 5 6 7\"", "");

    private static DpdkHarness harness(final Path dir, final String script) throws Exception {
        final Path binary = dir.resolve("mempool_perf");
        Files.writeString(binary, script);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
        return DpdkHarness.at(binary);
    }

    @Test
    void theHarnessGetsTheLcoresThenItsOwnArgumentsWithTheDriverBeforeTheCacheMode() {
        final CompareOptions options = CompareOptions.parse();
        assertEquals(List.of("-l", "0-1", "--", "0", "17", "100", "bucket", "default", "32", "32", "128", "2"),
            DpdkHarness.arguments(Targets.HEADLINE.withThreads(2), Alternative.DPDK_BUCKET.dpdkOps(), options));
        assertEquals(List.of("-l", "0", "--", "0", "17", "100", "ring_mp_mc", "none", "32", "32", "128", "1"),
            DpdkHarness.arguments(Targets.NO_CACHE, Alternative.DPDK.dpdkOps(), options));
    }

    @Test
    void itsOutputIsReadBack() {
        assertArrayEquals(new double[] {1.5e9, 2e9}, DpdkHarness.scores("EAL: something\nRESULT 1500000000 2000000000\n"));
        assertNull(DpdkHarness.scores("EAL: Error - exiting with code: 1\n"));
        assertEquals("bucket: not registered; registered: ring_mp_mc", DpdkHarness.noOps(
            "EAL: a warning\nNO_OPS bucket: not registered; registered: ring_mp_mc\n"));
        assertEquals("EAL: FATAL: Cannot init plugins", DpdkHarness.noOps("EAL: FATAL: Cannot init plugins\n"), "no tag: all of it");
        assertEquals("DPDK here has no bucket driver", DpdkHarness.shortReason(DpdkHarness.noDriver("bucket", "why: more")));
    }

    @Test
    void aDriverLibraryIsFoundInTheDriverDirectoryFirstThenBesideLibdpdk(@TempDir final Path libdir) throws Exception {
        assertNull(DpdkHarness.driverLibrary(libdir, "bucket"));
        final Path beside = Files.createFile(libdir.resolve("librte_mempool_bucket.so"));
        assertEquals(beside, DpdkHarness.driverLibrary(libdir, "bucket"));
        final Path pmds = Files.createDirectories(libdir.resolve("dpdk").resolve("pmds-23.0"));
        final Path driver = Files.createFile(pmds.resolve("librte_mempool_bucket.so"));
        assertEquals(driver, DpdkHarness.driverLibrary(libdir, "bucket"));
        assertNull(DpdkHarness.driverLibrary(libdir, "stack"));
    }

    @Test
    void aDriverEalHasLoadedRunsAsItIs(@TempDir final Path dir) throws Exception {
        final DpdkHarness dpdk = harness(dir, "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = ops ] && exit 0; done\n"
            + "case \" $* \" in *' -d '*) exit 1 ;; esac\necho 'RESULT 1 2'\n");
        assertNull(dpdk.load("bucket", dir));
        assertNull(dpdk.unavailable(Alternative.DPDK_BUCKET));
        assertArrayEquals(new double[] {1, 2}, dpdk.run(Targets.HEADLINE, Alternative.DPDK_BUCKET, CompareOptions.parse()),
            "no -d where the driver is there");
    }

    @Test
    void aDriverEalHasNotLoadedIsLoadedFromItsLibraryAndEveryRunLoadsIt(@TempDir final Path dir) throws Exception {
        final Path libdir = Files.createDirectories(dir.resolve("lib"));
        Files.createFile(libdir.resolve("librte_mempool_bucket.so"));
        final DpdkHarness dpdk = harness(dir, NEEDS_D);
        assertNull(dpdk.load("bucket", libdir));
        assertNull(dpdk.unavailable(Alternative.DPDK_BUCKET));
        assertArrayEquals(new double[] {5, 6, 7}, dpdk.run(Targets.HEADLINE, Alternative.DPDK_BUCKET, CompareOptions.parse()));
    }

    @Test
    void aDriverNowhereToBeFoundOffsItsColumnWithTheReason(@TempDir final Path dir) throws Exception {
        final DpdkHarness dpdk = harness(dir, NEEDS_D);
        final String why = dpdk.load("bucket", dir);
        assertEquals("DPDK here has no bucket driver: bucket: not registered; registered: ring_mp_mc stack; "
            + "no librte_mempool_bucket.so under " + dir, why);
        assertEquals(why, dpdk.unavailable(Alternative.DPDK_BUCKET), "its cells carry it");
        assertNull(dpdk.unavailable(Alternative.DPDK), "ring_mp_mc's column still runs");
        final IllegalStateException failed = assertThrows(IllegalStateException.class,
            () -> dpdk.run(Targets.HEADLINE, Alternative.DPDK_BUCKET, CompareOptions.parse()));
        assertEquals(why, failed.getMessage());
        assertEquals("--dpdk off", DpdkHarness.off("--dpdk off").load("bucket"), "a harness that is off says why, for every driver");
    }
}
