package io.mempool.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The put check's switch (README, "Handle checks"): on by default, off with
 * {@code -Dmempool.checkHandles=false} for plain pools on every put path, never off for DEBUG pools, and
 * {@code dump} says which. Each setting runs in a JVM of its own: the switch is read once.
 */
class HandleCheckSwitchTest {
    @Test
    void byDefaultEveryPutOfAForeignHandleIsRefused(@TempDir final Path dir) throws Exception {
        final String out = run(dir, List.of());
        for (final String put : List.of("plain putBulk", "plain put", "plain genericPut", "debug putBulk")) {
            assertTrue(out.contains(put + " refused"), put + ":\n" + out);
        }
        assertTrue(out.contains("put_checks=range"), out);
    }

    @Test
    void switchedOffPlainPoolsTakeWhateverIsPutButDebugStillChecks(@TempDir final Path dir) throws Exception {
        final String out = run(dir, List.of("-Dmempool.checkHandles=false"));
        for (final String put : List.of("plain putBulk", "plain put", "plain genericPut")) {
            assertTrue(out.contains(put + " accepted"), put + ":\n" + out);
        }
        assertTrue(out.contains("debug putBulk refused"), out);
        assertTrue(out.contains("put_checks=off (-Dmempool.checkHandles=false)"), out);
    }

    private static String run(final Path dir, final List<String> options) throws Exception {
        final List<String> args = new java.util.ArrayList<>(options);
        args.addAll(List.of("-cp", System.getProperty("java.class.path"), HandleCheckSwitchMain.class.getName()));
        final ChildJvm.Result result = ChildJvm.run(dir, args);
        ChildJvm.assertSucceeded(result, args);
        return result.output();
    }
}
