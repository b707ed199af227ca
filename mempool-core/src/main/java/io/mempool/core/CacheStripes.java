package io.mempool.core;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The caches of threads that have none of their own (virtual threads): a small set of caches shared by
 * all of them, as Netty's magazines and Stormpot's stripes are. A thread picks a stripe from its mixed
 * id, claims it with one CAS, uses it as its own cache for one get or put, and releases it; if the stripe
 * is taken it probes {@value #PROBES} neighbours, and if all are taken it goes to the store. Nothing
 * blocks and nothing parks: a virtual thread never pins or waits for its carrier here.
 *
 * <p><b>How many.</b> As many stripes as cores to start: a thread holds a stripe only inside one call and
 * never parks there, so no more threads claim at once than run at once (the virtual-thread scheduler's
 * parallelism, the cores). Collisions of ids still happen, so every {@value #GROW_AFTER} calls that found
 * all their probes taken double the stripes, up to {@link #cap(int)} = 4 x cores (at least 8): beyond
 * that, four probes almost never all fail, and each stripe holds up to a cache's worth of objects out of
 * the store, so the memory held in caches stays bounded by (stripes + live platform threads) x cache size.
 *
 * <p><b>Thread safety:</b> {@link #claim} and {@link MempoolCache#release()} from any thread; a claim's
 * CAS happens-after the previous holder's release, so the stripe's contents pass between threads
 * correctly. The stripe array is replaced, never changed, when it grows.
 */
final class CacheStripes {
    static final int PROBES = 4;
    static final int GROW_AFTER = 64;

    private final Supplier<MempoolCache> factory;
    private final int cap;
    private final AtomicInteger fallbacks = new AtomicInteger();
    private final ReentrantLock growing = new ReentrantLock();
    private volatile MempoolCache[] stripes;

    /**
     * @param factory makes one stripe: a cache of the pool's size shared by whoever claims it.
     * @param cores   the cores the stripes start with and are capped by.
     */
    CacheStripes(final Supplier<MempoolCache> factory, final int cores) {
        this.factory = factory;
        this.cap = cap(cores);
        final MempoolCache[] first = new MempoolCache[Math.min(cap, powerOfTwoAtLeast(cores))];
        for (int i = 0; i < first.length; i++) {
            first[i] = factory.get();
        }
        this.stripes = first;
    }

    /** @return the most stripes: 4 x cores, at least 8, a power of two. */
    static int cap(final int cores) {
        return powerOfTwoAtLeast(Math.max(8, 4 * cores));
    }

    /**
     * @return a stripe now claimed by the caller, who must {@link MempoolCache#release()} it; or null when
     *     every probed stripe is taken (the call then goes to the store).
     */
    MempoolCache claim(final Thread thread) {
        final MempoolCache[] now = stripes;
        final int mask = now.length - 1;
        final int start = mix(thread);
        for (int probe = 0; probe < PROBES; probe++) {
            final MempoolCache stripe = now[(start + probe) & mask];
            if (stripe.tryClaim()) {
                return stripe;
            }
        }
        if (fallbacks.incrementAndGet() >= GROW_AFTER && now.length < cap) {
            grow(now);
        }
        return null;
    }

    /** Doubles the stripes, unless another thread is doing it: nobody waits for a lock here. */
    private void grow(final MempoolCache[] seen) {
        if (!growing.tryLock()) {
            return;
        }
        try {
            if (stripes == seen) {
                final MempoolCache[] more = Arrays.copyOf(seen, seen.length * 2);
                for (int i = seen.length; i < more.length; i++) {
                    more[i] = factory.get();
                }
                stripes = more; // volatile: the new stripes are made before any thread can pick them
                fallbacks.set(0);
            }
        } finally {
            growing.unlock();
        }
    }

    /** @return the stripes now (they only ever grow). */
    MempoolCache[] all() {
        return stripes;
    }

    /** SplitMix64's finaliser over the thread id: neighbouring ids land on far-apart stripes. */
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same id on 17
    private static int mix(final Thread thread) {
        long z = thread.getId() * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }

    private static int powerOfTwoAtLeast(final int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
