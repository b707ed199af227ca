package io.mempool.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the failures of steps that must all run (the steps of close, one drain per cache) and rethrows
 * them together: the first, with the others suppressed by it.
 *
 * <p>Not thread-safe: one sequence, one thread.
 */
final class Failures {
    private final List<Throwable> failures = new ArrayList<>();

    /** Runs a step; what it throws is kept, not thrown. */
    void run(final Runnable step) {
        try {
            step.run();
        } catch (final RuntimeException | Error ex) {
            failures.add(ex);
        }
    }

    void add(final Throwable failure) {
        failures.add(failure);
    }

    void addAll(final List<Throwable> more) {
        failures.addAll(more);
    }

    /** Throws the first failure, the others suppressed by it; returns if there was none. */
    void rethrow() {
        if (failures.isEmpty()) {
            return;
        }
        final Throwable first = failures.get(0);
        for (int i = 1; i < failures.size(); i++) {
            first.addSuppressed(failures.get(i));
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) first;
    }

    /** As {@link #rethrow()}, adding the failures to {@code cause} instead (an undo after a failure). */
    void addTo(final Throwable cause) {
        for (final Throwable failure : failures) {
            if (failure != cause) {
                cause.addSuppressed(failure);
            }
        }
    }
}
