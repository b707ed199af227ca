package io.mempool.tests;

import io.mempool.api.MempoolOps;

import java.util.ServiceLoader;
import java.util.stream.Stream;

/** The {@link MempoolOps} providers {@link ServiceLoader} finds on the test class path. */
final class FoundOps {
    private FoundOps() {
    }

    /** The providers, not yet instantiated. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // MempoolOps.class is raw; every provider is a MempoolOps<?>
    static Stream<ServiceLoader.Provider<MempoolOps<?>>> providers() {
        return ((ServiceLoader<MempoolOps<?>>)(ServiceLoader)ServiceLoader.load(MempoolOps.class)).stream();
    }

    /** Every provider's name. */
    static Stream<String> names() {
        return providers().map(provider -> provider.get().name());
    }
}
