package io.mempool.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline scenario for real, briefly: three child JVMs, figures that are rates, objects moved in both
 * variants (the consumer checks every object's number on the way), and no file left. Asserts no speed.
 */
class PipelineRunTest {
    @Test
    void bothVariantsMoveObjectsAndLeaveNothingBehind(@TempDir final Path root) throws Exception {
        final Map<PipelineRun.Variant, double[]> scores = PipelineRun.run(1, 3, 30, root);
        for (final PipelineRun.Variant variant : PipelineRun.Variant.values()) {
            final double[] rates = scores.get(variant);
            assertEquals(3, rates.length, variant.column());
            assertTrue(Arrays.stream(rates).allMatch(r -> r >= 0 && r < 1e10), variant.column() + ": " + Arrays.toString(rates));
            assertTrue(Arrays.stream(rates).sum() > 0, variant.column() + " moved no object: " + Arrays.toString(rates));
        }
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.toList(), "the runtime directory and every file in it are gone");
        }
    }

    @Test
    void aRootThatIsNoDirectoryFailsBeforeAnyChildStarts(@TempDir final Path root) throws Exception {
        final Path file = Files.createFile(root.resolve("file"));
        assertThrows(IOException.class, () -> PipelineRun.run(0, 1, 10, file));
    }

    @Test
    void aChildThatFailsIsReportedWithItsRoleAndOutput(@TempDir final Path dir) throws Exception {
        final List<ChildJvm> children = new ArrayList<>();
        try (ChildJvm child = ChildJvm.start(PipelineMain.class, "juggler", dir, children)) {
            final IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> child.await("ready", TimeUnit.SECONDS.toNanos(60)));
            assertTrue(failed.getMessage().startsWith("child JVM juggler java.lang.IllegalArgumentException: role: juggler "
                + "(expected: producer, consumer or local)"), failed.getMessage());
            assertThrows(IllegalStateException.class, () -> child.await("ready", TimeUnit.SECONDS.toNanos(60)),
                "its output ended: no second wait for nothing");
        }
        assertEquals(List.of(children.get(0)), children);
    }

    @Test
    void theWarmUpIsLongEnoughForFreshJvms() {
        assertEquals(10, PipelineRun.warmups(3, 100));
        assertEquals(13, PipelineRun.warmups(2, 80));
        assertEquals(12, PipelineRun.warmups(12, 100));
        assertEquals(1, PipelineRun.warmups(1, 5000));
    }
}
