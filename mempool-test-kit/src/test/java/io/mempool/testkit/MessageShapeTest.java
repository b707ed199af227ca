package io.mempool.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape check the BadInput rules use instead of core's exact texts: it accepts core's messages and catches others. */
class MessageShapeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "n: -1 (expected: >= 0)",
        "cache size: 513 (expected: 1..512)",
        "name: \"nnnnnnnnnnnnnnnnnnnnnnnnnn\" (expected: [A-Za-z0-9_.-]{1,25})",
        "obj: 0x7f00 (expected: an object of pool p, nothing was put)",
        "ops: x (expected: one of [a, b]) with more after it",
    })
    void acceptsTheChecksShape(final String message) {
        assertTrue(MessageShape.isChecksShaped(message), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad n", "n = -1", "n: -1", "-1 (expected: >= 0)", ": -1 (expected: >= 0)",
        "n: (expected: >= 0)", "Range [4, 4 + 5) out of bounds for length 8"})
    void rejectsOtherShapes(final String message) {
        assertFalse(MessageShape.isChecksShaped(message), message);
    }

    @Test
    void nullIsNoShape() {
        assertFalse(MessageShape.isChecksShaped(null));
    }

    @Test
    void theValueMustBeNamed() {
        assertDoesNotThrow(() -> MessageShape.assertNamesValue("n: -1 (expected: >= 0)", "-1", "call"));
        final AssertionFailedError missing = assertThrows(AssertionFailedError.class,
            () -> MessageShape.assertNamesValue("n: -2 (expected: >= 0)", "-1", "call"));
        assertTrue(missing.getMessage().contains("does not name the value -1"), missing.getMessage());
        assertThrows(AssertionFailedError.class, () -> MessageShape.assertNamesValue("bad -1", "-1", "call"));
    }
}
