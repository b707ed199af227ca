package io.mempool.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library works on the module path: a child JVM with api, core, driver-ring and Agrona on
 * {@code --module-path} creates a {@code ring_sp_sc} pool, so core's {@code uses} and the driver's
 * {@code provides} clauses connect (docs/architecture.md: modules). The main class sits on the class path and reads the
 * modules through {@code --add-modules ALL-MODULE-PATH}.
 */
class ModulePathTest {
    private static final String MAIN = "ModulePathMain";
    private static final String SOURCE = """
        import io.mempool.core.Mempool;
        import io.mempool.core.MempoolOpsRegistry;

        public class ModulePathMain {
            public static void main(String[] args) {
                try (Mempool mp = Mempool.builder("module_path").size(63).elementSize(64).ops("ring_sp_sc").create()) {
                    System.out.println("avail=" + mp.availCount());
                    System.out.println("core=" + Mempool.class.getModule().getName());
                    System.out.println("ring=" + MempoolOpsRegistry.get("ring_sp_sc").getClass().getModule().getName());
                }
            }
        }
        """;

    @Test
    void ringOpsLoadThroughModuleInfo(@TempDir final Path dir) throws Exception {
        final String modulePath = ChildJvm.join(ChildJvm.libraryPath());
        ChildJvm.compile(dir, MAIN, SOURCE, modulePath);
        final List<String> args = List.of(
            "--module-path", modulePath,
            "--add-modules", "ALL-MODULE-PATH",
            "-cp", dir.toString(),
            MAIN);
        final ChildJvm.Result result = ChildJvm.run(dir, args);
        ChildJvm.assertSucceeded(result, args);
        final String out = result.output();
        assertTrue(out.contains("avail=63"), "availCount of the pool:\n" + out);
        assertTrue(out.contains("core=io.mempool.core"), "core loaded as a named module:\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("ring=io.mempool.")),
            "ring_sp_sc loaded from a named driver module (through provides):\n" + out);
    }
}
