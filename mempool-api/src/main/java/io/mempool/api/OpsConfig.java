package io.mempool.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a store is allocated with: DPDK's {@code rte_mempool} fields that {@code ops->alloc} reads.
 *
 * <p>Immutable: the flags and params are copied on construction.
 *
 * @param poolName the pool's name, for the store's own naming and messages.
 * @param capacity how many objects the store must be able to hold at once, {@code >= 1}.
 * @param flags    the pool's flags; {@link MempoolFlag#SP_PUT} and {@link MempoolFlag#SC_GET} promise
 *                 a single putter or getter at a time.
 * @param params   driver-specific parameters, e.g. {@code htd_max}.
 */
public record OpsConfig(String poolName, int capacity, Set<MempoolFlag> flags, Map<String, String> params) {

    /**
     * Validates and copies the arguments.
     *
     * @throws IllegalArgumentException if the capacity is below 1 or any argument is null.
     */
    public OpsConfig {
        Checks.notNull("poolName", poolName);
        Checks.notNull("flags", flags);
        Checks.notNull("params", params);
        Checks.atLeast("capacity", capacity, 1);
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        params = Map.copyOf(params);
    }

    /**
     * A config with no flags and no params.
     *
     * @param poolName the pool's name.
     * @param capacity how many objects the store must hold.
     * @return the config.
     */
    public static OpsConfig of(final String poolName, final int capacity) {
        return new OpsConfig(poolName, capacity, Set.of(), Map.of());
    }

    /**
     * @param flag a flag.
     * @return whether the pool has that flag.
     * @throws IllegalArgumentException if {@code flag} is null.
     */
    public boolean has(final MempoolFlag flag) {
        return flags.contains(Checks.notNull("flag", flag));
    }

    /**
     * An integer driver parameter.
     *
     * @param key          the parameter's name.
     * @param defaultValue the value when the parameter is absent.
     * @return the parameter's value.
     * @throws IllegalArgumentException if {@code key} is null, or the parameter is present but not an integer.
     */
    public int intParam(final String key, final int defaultValue) {
        final String value = params.get(Checks.notNull("key", key));
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (final NumberFormatException ex) {
            throw new IllegalArgumentException(key + ": " + value + " (expected: an integer)", ex);
        }
    }
}
