package io.mempool.tests;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the {@code agrona_*} stores need Agrona's flag: without
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}, a ring pool is made as usual, and an
 * {@code agrona_sp_sc} pool fails with an exception whose message names the flag, never a bare
 * {@code IllegalAccessError}. Run in a child JVM on the class path with no option at all.
 */
class AgronaFlagTest {
    private static final String FLAG = "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED";
    private static final String MAIN = "NoFlagMain";
    private static final String SOURCE = """
        import io.mempool.core.Mempool;

        public class NoFlagMain {
            public static void main(String[] args) {
                try (Mempool mp = Mempool.builder("no_flag").size(63).elementSize(64).ops("ring_sp_sc").create()) {
                    System.out.println("ring created without the flag, availCount " + mp.availCount());
                }
                try (Mempool mp = Mempool.builder("no_flag_agrona").size(63).elementSize(64).ops("agrona_sp_sc").create()) {
                    System.out.println("agrona created without the flag, availCount " + mp.availCount());
                } catch (Throwable t) {
                    System.out.println("exception=" + t.getClass().getName());
                    System.out.println("message=" + t.getMessage());
                    System.exit(3);
                }
            }
        }
        """;

    @Test
    void onlyAgronaStoresNeedTheFlagAndTheirRefusalNamesIt(@TempDir final Path dir) throws Exception {
        final List<Path> classPath = new ArrayList<>(ChildJvm.libraryPath());
        classPath.add(ChildJvm.codeSource(FoundOps.providers().filter(p -> p.get().name().equals("agrona_sp_sc"))
            .findFirst().orElseThrow().type()));
        classPath.add(ChildJvm.codeSource(UnsafeBuffer.class));
        ChildJvm.compile(dir, MAIN, SOURCE, ChildJvm.join(classPath));
        classPath.add(dir);
        final List<String> args = List.of("-cp", ChildJvm.join(classPath), MAIN);
        final ChildJvm.Result result = ChildJvm.run(dir, args);
        final String out = result.output();
        assertTrue(out.contains("ring created without the flag, availCount 63"), "a ring pool needs no flag:\n" + out);
        assertEquals(3, result.exitCode(), "an agrona pool without the flag should throw:\n" + out);
        assertFalse(out.contains("exception=java.lang.IllegalAccessError"), "a bare IllegalAccessError:\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.equals("exception=java.lang.IllegalStateException")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("message=") && l.contains(FLAG)),
            "the exception's message should name " + FLAG + ":\n" + out);
    }
}
