package io.mempool.tests;

import io.mempool.core.MempoolOpsRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drivers are found by name through {@link java.util.ServiceLoader} alone (docs/architecture.md: modules, the store SPI), and an unknown name
 * fails with the names that are known.
 */
class ServiceDiscoveryTest {
    private static final List<String> RING_NAMES =
        List.of("ring_mp_mc", "ring_sp_sc", "ring_mp_sc", "ring_sp_mc", "ring_mt_rts", "ring_mt_hts");
    private static final List<String> OTHER_BUNDLED_NAMES = List.of("stack", "lf_stack", "bucket", "agrona_mp_mc", "agrona_sp_sc");

    private static Set<String> serviceLoaderNames() {
        return FoundOps.names().collect(Collectors.toSet());
    }

    @Test
    void serviceLoaderFindsTheRingOps() {
        final Set<String> names = serviceLoaderNames();
        assertTrue(names.containsAll(RING_NAMES), "ServiceLoader found " + names + ", expected at least " + RING_NAMES);
    }

    @Test
    void serviceLoaderFindsEveryBundledOps() {
        final Set<String> names = serviceLoaderNames();
        assertTrue(names.containsAll(OTHER_BUNDLED_NAMES),
            "ServiceLoader found " + names + ", expected the bundled " + OTHER_BUNDLED_NAMES + " too");
    }

    @Test
    void registryKnowsEveryServiceLoaderName() {
        // containsAll, not equals: other tests in this JVM may register() ops of their own
        final Set<String> registered = MempoolOpsRegistry.names();
        assertTrue(registered.containsAll(serviceLoaderNames()),
            "MempoolOpsRegistry.names() " + registered + " lacks some of " + serviceLoaderNames());
    }

    @Test
    void unknownOpsNameListsEveryRegisteredName() {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> MempoolOpsRegistry.get("nope"));
        final String message = ex.getMessage();
        assertTrue(message.contains("nope"), "message names the unknown ops: " + message);
        for (final String name : MempoolOpsRegistry.names()) {
            assertTrue(message.contains(name), "message lists " + name + ": " + message);
        }
    }
}
