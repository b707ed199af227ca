package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The store a pool is to use: the ops name, its params, and the pool's flags with the ops'
 * {@code requiredFlags()} added, so a store chosen by name is treated exactly as one chosen by flags.
 * Chosen at creation, changed by {@code setOps} until the pool is populated.
 *
 * <p>Immutable.
 *
 * @param name   the ops name.
 * @param params the driver params.
 * @param flags  the pool's flags: those given plus those the ops require.
 */
record OpsChoice(String name, Map<String, String> params, Set<MempoolFlag> flags) {
    /** The flags an ops may require: promises of one thread at a time on a side. */
    private static final Set<MempoolFlag> PROMISES = Collections.unmodifiableSet(EnumSet.of(MempoolFlag.SP_PUT, MempoolFlag.SC_GET));

    /**
     * @return the choice of {@code name}; while no ops of that name is registered (a default by property,
     *     looked up at populate) the flags are {@code given} alone.
     * @throws IllegalArgumentException if the ops require more than single-thread promises.
     */
    static OpsChoice of(final Set<MempoolFlag> given, final String name, final Map<String, String> params) {
        if (!MempoolOpsRegistry.names().contains(name)) {
            return new OpsChoice(name, params, given);
        }
        final Set<MempoolFlag> required = MempoolOpsRegistry.get(name).requiredFlags();
        if (required != null && !PROMISES.containsAll(required)) {
            throw new IllegalArgumentException(Checks.message("ops " + name + " requiredFlags()", required,
                "a subset of " + PROMISES + ", the single-thread promises"));
        }
        if (required == null || given.containsAll(required)) {
            return new OpsChoice(name, params, given);
        }
        final EnumSet<MempoolFlag> all = EnumSet.noneOf(MempoolFlag.class);
        all.addAll(given);
        all.addAll(required);
        return new OpsChoice(name, params, Collections.unmodifiableSet(all));
    }

    /** @return whether at most one thread may put to the store at a time. */
    boolean singleProducer() {
        return flags.contains(MempoolFlag.SP_PUT);
    }
}
