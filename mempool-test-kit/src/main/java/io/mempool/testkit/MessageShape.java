package io.mempool.testkit;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of jmempool's argument errors, {@code name: value (expected: range)} (STYLE 5), checked
 * without the exact text: core's wording belongs to core's own tests, so a reworded message does not
 * fail every driver's run. Thread-safe: static and stateless.
 */
final class MessageShape {
    /** A name (it may hold spaces), ": ", a value, " (expected: ", what was allowed, ")"; anything after. */
    private static final Pattern CHECKS = Pattern.compile("(?s)\\S[^:]*: .+ \\(expected: .+\\).*");

    private MessageShape() {
    }

    /**
     * @param message an exception's message.
     * @return whether it has the {@code name: value (expected: range)} shape.
     */
    static boolean isChecksShaped(final String message) {
        return message != null && CHECKS.matcher(message).matches();
    }

    /**
     * Asserts an argument error's message has the checks shape and names the offending value.
     *
     * @param message the message.
     * @param value   how the value must appear in it, e.g. {@code -1} or {@code 0x7f00}.
     * @param what    the call, for the failure message.
     */
    static void assertNamesValue(final String message, final String value, final String what) {
        assertTrue(isChecksShaped(message), what + ": message \"" + message
            + "\" (expected: the shape name: value (expected: range))");
        assertTrue(message.contains(value), what + ": message \"" + message + "\" does not name the value " + value);
    }
}
