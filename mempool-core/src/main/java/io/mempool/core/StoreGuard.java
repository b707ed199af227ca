package io.mempool.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Marks calls that are inside the store (or, with DEBUG, inside element memory), so that
 * the pool's close frees nothing a call can still reach. It is a Dekker handshake with
 * {@link StoreBoundary#markClosed()}: a caller publishes "inside" with a volatile write and then reads
 * the closed flag; close writes the flag and then reads every guard. So either the caller sees the pool
 * closed and backs out before touching anything, or close sees the caller inside and waits for it.
 *
 * <p>Each cache owns one, used only by its owner thread, so entering costs one fence and no atomic
 * read-modify-write; the cached hot path (a hit) never enters. Callers with no cache of their own
 * (virtual threads) share one guard per pool and enter it atomically.
 *
 * <p><b>Thread safety:</b> {@link #enterOwned}/{@link #exitOwned} by one thread at a time;
 * {@link #enterShared}/{@link #exitShared} by any; {@link #isInside()} by any.
 */
final class StoreGuard {
    @SuppressWarnings("unused") // accessed through INSIDE
    private volatile int inside;

    /**
     * Enters on behalf of the owner thread; re-entrant (a DEBUG call holds it around its store calls).
     *
     * @throws IllegalStateException if the pool is closed; the guard is then as before.
     */
    void enterOwned(final StoreBoundary boundary) {
        final int depth = (int) INSIDE.get(this); // plain: only the owner writes it
        INSIDE.setVolatile(this, depth + 1); // StoreLoad: close then sees us inside, or we see it closed below
        if (boundary.isClosed()) {
            INSIDE.setRelease(this, depth);
            throw boundary.closedException();
        }
    }

    void exitOwned() {
        // release: everything done inside happens-before close reading the guard as 0
        INSIDE.setRelease(this, (int) INSIDE.get(this) - 1);
    }

    /**
     * Enters on behalf of any thread.
     *
     * @throws IllegalStateException if the pool is closed; the guard is then as before.
     */
    void enterShared(final StoreBoundary boundary) {
        INSIDE.getAndAdd(this, 1); // a full fence, as in enterOwned
        if (boundary.isClosed()) {
            INSIDE.getAndAdd(this, -1);
            throw boundary.closedException();
        }
    }

    void exitShared() {
        INSIDE.getAndAdd(this, -1);
    }

    /** @return whether a call is inside now; read by the closing thread. */
    boolean isInside() {
        return (int) INSIDE.getVolatile(this) != 0;
    }

    /**
     * Waits until no call is inside: spins, then yields (the caller inside may be descheduled).
     *
     * @param deadline when to give up, in {@link System#nanoTime()}.
     * @return false if a call was still inside at the deadline.
     */
    boolean awaitOutside(final long deadline) {
        for (int spins = 0; isInside(); spins++) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            if (spins < 1_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return true;
    }

    private static final VarHandle INSIDE;

    static {
        try {
            INSIDE = MethodHandles.lookup().findVarHandle(StoreGuard.class, "inside", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
