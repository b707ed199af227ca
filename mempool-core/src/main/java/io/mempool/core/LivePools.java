package io.mempool.core;

import io.mempool.api.Checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JVM-wide state DPDK keeps in its mempool list and callback list: live pools by name, in creation
 * order, and event listeners. Thread-safe; listeners and walk actions run without the lock held, so
 * they may create or close pools and add or remove listeners.
 */
final class LivePools {
    private static final Map<String, Mempool> BY_NAME = new LinkedHashMap<>();
    private static final CopyOnWriteArrayList<MempoolEventListener> LISTENERS = new CopyOnWriteArrayList<>();

    private LivePools() {
    }

    static void add(final Mempool mp) {
        synchronized (BY_NAME) {
            if (BY_NAME.containsKey(mp.name())) {
                throw new IllegalArgumentException(
                    Checks.message("name", '"' + mp.name() + '"', "unique among live pools"));
            }
            BY_NAME.put(mp.name(), mp);
        }
    }

    static void remove(final Mempool mp) {
        synchronized (BY_NAME) {
            BY_NAME.remove(mp.name(), mp);
        }
    }

    static Optional<Mempool> lookup(final String name) {
        synchronized (BY_NAME) {
            return Optional.ofNullable(BY_NAME.get(name));
        }
    }

    static List<Mempool> snapshot() {
        synchronized (BY_NAME) {
            return new ArrayList<>(BY_NAME.values());
        }
    }

    static boolean addListener(final MempoolEventListener listener) {
        return LISTENERS.addIfAbsent(Checks.notNull("listener", listener));
    }

    static boolean removeListener(final MempoolEventListener listener) {
        return LISTENERS.remove(Checks.notNull("listener", listener));
    }

    /**
     * Calls every listener, each even if others throw. Iterates a snapshot, so a listener added during
     * the event misses it; one removed before its turn is skipped.
     *
     * @return what the listeners threw, in call order; empty if none did.
     */
    static List<Throwable> fire(final MempoolEvent event, final Mempool mp) {
        List<Throwable> failures = List.of();
        for (final MempoolEventListener listener : LISTENERS) {
            if (LISTENERS.contains(listener)) {
                try {
                    listener.onEvent(event, mp);
                } catch (final RuntimeException | Error ex) {
                    if (failures.isEmpty()) {
                        failures = new ArrayList<>();
                    }
                    failures.add(ex);
                }
            }
        }
        return failures;
    }
}
