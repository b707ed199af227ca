package io.mempool.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The bucket driver's acceptance scenario ({@link ContigBlocksMain}): a pool made by the ops name
 * {@code bucket} hands out contiguous blocks whose every object is adjacent to the one before, one stride
 * apart, and conserves every object while several threads get blocks and single objects and give them
 * back one by one: platform threads in this JVM, virtual threads in a child JVM on the newest JDK 21+.
 */
class BucketContigBlocksTest {
    @Test
    void blocksOfAdjacentObjectsUnderPlatformThreadsConserveEveryObject() throws Exception {
        ContigBlocksMain.main(new String[] {"platform", "4", "1500"});
    }

    @Test
    void blocksOfAdjacentObjectsUnderVirtualThreadsConserveEveryObject(@TempDir final Path dir) throws Exception {
        final Optional<Path> jdk = Jdks.newest(21);
        if (jdk.isEmpty()) {
            abort("no JDK 21+ in " + Jdks.directory() + " (JDK 17 has no virtual threads)");
        }
        final List<String> args = List.of(Jdks.java(jdk.get()), "-cp", System.getProperty("java.class.path"),
            ContigBlocksMain.class.getName(), "virtual", "64", "1500");
        final ChildJvm.Result result = ChildJvm.runCommand(dir, args, 120);
        ChildJvm.assertSucceeded(result, args);
        assertTrue(result.output().lines().anyMatch("done"::equals), result.output());
    }
}
