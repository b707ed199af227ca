package io.mempool.tests;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The {@link MempoolOps} providers {@link ServiceLoader} finds on the test class path. This module's tests
 * run with no JVM flag, as users do; the stores that need one (Agrona's) are run by their own module's
 * tests, which pass it, and are left out here by {@link #usableWithoutAFlag()}.
 */
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

    /** Every provider whose stores this JVM can make, as it runs (no JVM flag). */
    static Stream<MempoolOps<?>> usableWithoutAFlag() {
        return providers().map(ServiceLoader.Provider::get).filter(FoundOps::usable);
    }

    /**
     * @return whether a store of these ops can be made here: false only for one refused with the
     *     exception that names the JVM flag it needs.
     */
    static boolean usable(final MempoolOps<?> ops) {
        try {
            free(ops, ops.alloc(OpsConfig.of("probe", 1)));
            return true;
        } catch (final IllegalStateException refused) {
            if (String.valueOf(refused.getMessage()).contains("--add-exports")) {
                return false;
            }
            throw refused;
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> void free(final MempoolOps<S> ops, final Object store) {
        ops.free((S) store);
    }
}
