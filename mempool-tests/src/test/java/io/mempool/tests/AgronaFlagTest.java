package io.mempool.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}, creating a pool fails with an
 * exception whose message names that flag, never a bare {@code IllegalAccessError} (DESIGN §1). Run
 * in a child JVM on the class path, since this JVM has the flag.
 */
class AgronaFlagTest {
    private static final String FLAG = "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED";
    private static final String MAIN = "NoFlagMain";
    private static final String SOURCE = """
        import io.mempool.core.Mempool;

        public class NoFlagMain {
            public static void main(String[] args) {
                try (Mempool mp = Mempool.builder("no_flag").size(63).elementSize(64).ops("ring_sp_sc").create()) {
                    System.out.println("created without the flag, availCount " + mp.availCount());
                } catch (Throwable t) {
                    System.out.println("exception=" + t.getClass().getName());
                    System.out.println("message=" + t.getMessage());
                    System.exit(3);
                }
            }
        }
        """;

    @Test
    void poolCreationWithoutTheFlagNamesIt(@TempDir final Path dir) throws Exception {
        final String libraries = ChildJvm.join(ChildJvm.libraryPath());
        ChildJvm.compile(dir, MAIN, SOURCE, libraries);
        final List<Path> classPath = new ArrayList<>(ChildJvm.libraryPath());
        classPath.add(dir);
        final List<String> args = List.of("-cp", ChildJvm.join(classPath), MAIN);
        final ChildJvm.Result result = ChildJvm.run(dir, args);
        final String out = result.output();
        assertEquals(3, result.exitCode(), "pool creation without the flag should throw:\n" + out);
        assertFalse(out.contains("exception=java.lang.IllegalAccessError"), "a bare IllegalAccessError:\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("message=") && l.contains(FLAG)),
            "the exception's message should name " + FLAG + ":\n" + out);
    }
}
