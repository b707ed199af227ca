package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolOps;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ops registry: every {@link MempoolOps} provider found through {@link ServiceLoader} (class path
 * and module path), plus those {@link #register registered} by the program; DPDK's
 * {@code rte_mempool_register_ops} table and {@code set_ops_byname} lookup.
 *
 * <p>Unlike DPDK, names are checked: a name must match {@code [a-z0-9_]{1,31}} and may be provided
 * once only, since a lookup that silently takes the first of two equal names selects a store by
 * class-path order. There is no 16-entry limit.
 *
 * <p>Thread-safe. Providers are discovered once, on first use; a registration happens-before every
 * lookup that returns it.
 */
public final class MempoolOpsRegistry {
    private static final Object LOCK = new Object();
    /** Copy-on-write, sorted by name; replaced under LOCK, read without it. */
    private static volatile Map<String, MempoolOps<?>> opsByName;

    private MempoolOpsRegistry() {
    }

    /**
     * @return every registered ops name, sorted.
     */
    public static Set<String> names() {
        return loaded().keySet();
    }

    /**
     * @param name an ops name.
     * @return the provider registered under it.
     * @throws IllegalArgumentException if no provider has that name; the message lists the names there are.
     */
    public static MempoolOps<?> get(final String name) {
        Checks.notNull("name", name);
        final Map<String, MempoolOps<?>> all = loaded();
        final MempoolOps<?> ops = all.get(name);
        if (ops == null) {
            throw new IllegalArgumentException(Checks.message("ops", name, "one of " + all.keySet()));
        }
        return ops;
    }

    /**
     * Adds a provider, as a {@code META-INF/services} entry would.
     *
     * @param ops the provider.
     * @throws IllegalArgumentException if its name is malformed or already registered.
     */
    public static void register(final MempoolOps<?> ops) {
        Checks.notNull("ops", ops);
        synchronized (LOCK) {
            final TreeMap<String, MempoolOps<?>> next = new TreeMap<>(loaded());
            add(next, ops, IllegalArgumentException::new);
            opsByName = Collections.unmodifiableMap(next);
        }
    }

    private static Map<String, MempoolOps<?>> loaded() {
        Map<String, MempoolOps<?>> all = opsByName;
        if (all == null) {
            synchronized (LOCK) {
                all = opsByName;
                if (all == null) {
                    all = discover();
                    opsByName = all;
                }
            }
        }
        return all;
    }

    private static Map<String, MempoolOps<?>> discover() {
        final TreeMap<String, MempoolOps<?>> found = new TreeMap<>();
        try {
            for (final MempoolOps<?> ops : ServiceLoader.load(MempoolOps.class)) {
                add(found, ops, IllegalStateException::new);
            }
        } catch (final ServiceConfigurationError ex) {
            throw new IllegalStateException("a MempoolOps provider failed to load: " + ex.getMessage(), ex);
        }
        return Collections.unmodifiableMap(found);
    }

    private static void add(
        final Map<String, MempoolOps<?>> into,
        final MempoolOps<?> ops,
        final Function<String, RuntimeException> failure) {
        final String name = ops.name();
        if (name == null || !NameRule.OPS.matches(name)) {
            throw failure.apply(NameRule.OPS.problem("ops name", name, ", from " + ops.getClass().getName()));
        }
        final MempoolOps<?> previous = into.get(name);
        if (previous != null) {
            throw failure.apply(Checks.message(
                "ops name", '"' + name + '"',
                "unique, but both " + previous.getClass().getName() + " and " + ops.getClass().getName()
                    + " provide it"));
        }
        into.put(name, ops);
    }
}
