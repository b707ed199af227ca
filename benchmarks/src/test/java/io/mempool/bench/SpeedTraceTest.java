package io.mempool.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trace}: its options, its line, and one real child JVM; nothing here asserts a speed. */
class SpeedTraceTest {
    @Test
    void optionsDefaultAndRefuseWhatTheLoopCannotRun() {
        assertEquals(new SpeedTrace.Options(1, 15, 6), SpeedTrace.Options.parse(new String[0]));
        assertEquals(new SpeedTrace.Options(32, 2, 1), SpeedTrace.Options.parse(new String[] {"--bulk", "32", "--seconds", "2", "--jvms", "1"}));
        assertEquals("--bulk: 3 (expected: 1..128, dividing 128)",
            assertThrows(IllegalArgumentException.class, () -> SpeedTrace.Options.parse(new String[] {"--bulk", "3"})).getMessage());
        assertEquals("--seconds: 0 (expected: 1..3600)",
            assertThrows(IllegalArgumentException.class, () -> SpeedTrace.Options.parse(new String[] {"--seconds", "0"})).getMessage());
        assertEquals("--jvms: x (expected: 1..100)",
            assertThrows(IllegalArgumentException.class, () -> SpeedTrace.Options.parse(new String[] {"--jvms", "x"})).getMessage());
        assertEquals("--jvms: (none) (expected: 1..100)",
            assertThrows(IllegalArgumentException.class, () -> SpeedTrace.Options.parse(new String[] {"--jvms"})).getMessage());
        assertEquals("trace: unknown argument --fast",
            assertThrows(IllegalArgumentException.class, () -> SpeedTrace.Options.parse(new String[] {"--fast"})).getMessage());
    }

    @Test
    void aLineHasEachSecondInMillionsAndStarsTheSecondsTheJitWorkedIn() {
        assertEquals(" 295* 190", SpeedTrace.line(List.of("second 1 295400000 12", "second 2 189600000 0")));
    }

    @Test
    void aRunPrintsOneFigureForEverySecondOfEveryJvm() throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int code;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            code = Main.run(new String[] {"trace", "--bulk", "32", "--seconds", "2", "--jvms", "1"}, out, System.err);
        }
        final String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.lines().anyMatch(line -> line.matches("jvm 1: [1-9][0-9]*\\*? [1-9][0-9]*\\*?")), printed);
    }
}
