package io.mempool.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code close()} racing every other public method never crashes the JVM: each call completes or
 * throws {@link IllegalStateException} (docs/architecture.md: the lifecycle's promises). The races run in a child JVM
 * ({@link LifecycleRaceMain}), so a crash fails this test instead of killing the build.
 */
class LifecycleRaceTest {

    @Test
    void introspectionRacingCloseNeverReadsFreedMemory(@TempDir final Path dir) throws Exception {
        run(dir, "introspect", "24");
    }

    @Test
    void getsAndPutsRacingCloseNeverTouchFreedMemory(@TempDir final Path dir) throws Exception {
        run(dir, "getput", "1");
    }

    @Test
    void sharedPoolsRacingCloseNeverTouchUnmappedMemory(@TempDir final Path dir) throws Exception {
        run(dir, "shared", "2");
    }

    private static void run(final Path dir, final String scenario, final String rounds) throws Exception {
        final List<String> args = List.of(
            "-Xmx512m",
            "-Dmempool.runtime.dir=" + dir.resolve("runtime"),
            "-cp", System.getProperty("java.class.path"),
            LifecycleRaceMain.class.getName(), scenario, rounds);
        final ChildJvm.Result result = ChildJvm.run(dir, args);
        ChildJvm.assertSucceeded(result, args);
        assertTrue(result.output().lines().anyMatch(("done " + rounds)::equals),
            "the scenario did not finish:\n" + result.output());
    }
}
