package io.mempool.api;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link OpsConfig} rejects bad input as the rest of the API does: {@code IllegalArgumentException}, {@code name: value}. */
class OpsConfigTest {

    @Test
    void hasRejectsANullFlagWithTheApisMessage() {
        final OpsConfig config = new OpsConfig("p", 8, Set.of(MempoolFlag.SP_PUT), Map.of());
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> config.has(null));
        assertEquals("flag: null (expected: non-null)", ex.getMessage());
        assertTrue(config.has(MempoolFlag.SP_PUT));
        assertFalse(config.has(MempoolFlag.SC_GET));
    }

    @Test
    void intParamRejectsANullKeyAndAMalformedValue() {
        final OpsConfig config = new OpsConfig("p", 8, Set.of(), Map.of("htd_max", " 12 ", "bad", "x1"));
        assertEquals("key: null (expected: non-null)",
            assertThrows(IllegalArgumentException.class, () -> config.intParam(null, 1)).getMessage());
        assertEquals("bad: x1 (expected: an integer)",
            assertThrows(IllegalArgumentException.class, () -> config.intParam("bad", 1)).getMessage());
        assertEquals(12, config.intParam("htd_max", 1));
        assertEquals(7, config.intParam("absent", 7));
    }

    @Test
    void constructorRejectsNullsAndACapacityBelowOne() {
        assertEquals("capacity: 0 (expected: >= 1)",
            assertThrows(IllegalArgumentException.class, () -> OpsConfig.of("p", 0)).getMessage());
        assertEquals("poolName: null (expected: non-null)",
            assertThrows(IllegalArgumentException.class, () -> OpsConfig.of(null, 1)).getMessage());
        assertEquals("flags: null (expected: non-null)",
            assertThrows(IllegalArgumentException.class, () -> new OpsConfig("p", 1, null, Map.of())).getMessage());
        assertEquals("params: null (expected: non-null)",
            assertThrows(IllegalArgumentException.class, () -> new OpsConfig("p", 1, Set.of(), null)).getMessage());
    }

    @Test
    void flagsAndParamsAreCopied() {
        final Set<MempoolFlag> flags = EnumSet.of(MempoolFlag.SC_GET);
        final Map<String, String> params = new HashMap<>(Map.of("k", "1"));
        final OpsConfig config = new OpsConfig("p", 4, flags, params);
        flags.add(MempoolFlag.SP_PUT);
        params.put("k", "2");
        assertEquals(Set.of(MempoolFlag.SC_GET), config.flags());
        assertEquals(1, config.intParam("k", 0));
        assertThrows(UnsupportedOperationException.class, () -> config.flags().add(MempoolFlag.DEBUG));
    }
}
