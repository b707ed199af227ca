package io.mempool.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Finds the calling thread's default cache. A {@link ThreadLocal} lookup cost a quarter of a cached
 * single-object get and put, so a small table indexed by the thread's id sits in front of it: a hit is
 * two loads and a compare, and nothing is written, so threads do not contend for its lines. A slot
 * belongs to the first thread that claims it; a thread whose slot is taken by a live thread uses the
 * {@link ThreadLocal} (still correct, only slower), and a dead owner's slot goes to the next claimant.
 *
 * <p>Thread-safe: slots change only by CAS, and a cache is safely published through it.
 */
final class ThreadCaches {
    private static final int SLOTS = 64;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(MempoolCache[].class);

    private final MempoolCache[] slots = new MempoolCache[SLOTS];
    private final ThreadLocal<MempoolCache> local;

    ThreadCaches(final Mempool mp) {
        this.local = ThreadLocal.withInitial(mp::newDefaultCache);
    }

    /**
     * @return the calling thread's cache, made on first use; null for a thread that gets none.
     */
    MempoolCache get() {
        final Thread thread = Thread.currentThread();
        @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same id on 17
        final int index = (int) thread.getId() & (SLOTS - 1);
        final MempoolCache cache = slots[index]; // a plain read: a stale null only sends us the slow way
        if (cache != null && cache.owner() == thread) {
            return cache;
        }
        return claim(index, thread);
    }

    private MempoolCache claim(final int index, final Thread thread) {
        final MempoolCache mine = local.get();
        if (mine != null) {
            final MempoolCache holder = (MempoolCache) SLOT.getVolatile(slots, index);
            if (holder == null || !holder.owner().isAlive()) {
                SLOT.compareAndSet(slots, index, holder, mine); // losing the race is fine: the ThreadLocal serves
            }
        }
        return mine;
    }

    /** Frees a reclaimed cache's slot. */
    void release(final MempoolCache cache) {
        final Thread owner = cache.owner();
        if (owner != null) {
            @SuppressWarnings("deprecation")
            final int index = (int) owner.getId() & (SLOTS - 1);
            SLOT.compareAndSet(slots, index, cache, null); // only if it still holds this cache
        }
    }
}
