package io.mempool.tests;

import io.mempool.api.MempoolFlag;
import io.mempool.core.Mempool;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many virtual threads getting and putting on one pool, each object marked while it is out (a CAS on its
 * first long, so an object handed out twice is caught at once), within the pool's single-thread promises:
 * where the store allows one producer (or one consumer) only, one platform thread does all the puts (or
 * gets) and the virtual threads hand objects to it (or take them from it). Bounded in time; the first
 * failure of any thread is kept. Virtual threads are made by reflection: this compiles for JDK 17.
 */
final class VirtualWorkload {
    /** An object's mark through its view: 1 while it is out. */
    private static final VarHandle MARK = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int BULK = 16;

    private final Mempool mp;
    private final long deadline;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger running = new AtomicInteger();
    private final ConcurrentLinkedQueue<long[]> returns = new ConcurrentLinkedQueue<>();
    private final LinkedBlockingQueue<long[]> handouts = new LinkedBlockingQueue<>();

    VirtualWorkload(final Mempool mp, final long budgetMillis) {
        this.mp = mp;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
    }

    /** @return whether this JVM has virtual threads (JDK 21+). */
    static boolean available() {
        return Runtime.version().feature() >= 21;
    }

    /**
     * Runs {@code threads} virtual threads, each doing {@code rounds} rounds, and waits for them.
     *
     * @return the first failure, or null.
     */
    Throwable run(final int threads, final int rounds) throws Exception {
        final boolean oneProducer = mp.flags().contains(MempoolFlag.SP_PUT);
        final boolean oneConsumer = mp.flags().contains(MempoolFlag.SC_GET);
        running.set(threads);
        final Thread putter = oneProducer ? platform("putter", this::putter) : null;
        final Thread getter = oneConsumer ? platform("getter", () -> getter(threads * rounds)) : null;
        final ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
            .invoke(null); // ExecutorService is not AutoCloseable on 17, where this compiles
        try {
            for (int t = 0; t < threads; t++) {
                virtual.execute(() -> {
                    try {
                        for (int round = 0; round < rounds && failure.get() == null; round++) {
                            final long[] objs = oneConsumer ? handedOut() : take();
                            if (objs == null) {
                                return; // out of time
                            }
                            for (final long obj : objs) {
                                mark(obj);
                            }
                            for (final long obj : objs) {
                                MARK.set(mp.byteBuffer(obj), 0, 0L); // plain: the pool's put happens-before the next get
                            }
                            if (oneProducer) {
                                returns.offer(objs);
                            } else {
                                mp.putBulk(objs, 0, objs.length);
                            }
                            if (!oneProducer && !oneConsumer) {
                                single(); // get() and put(long) too
                            }
                        }
                    } catch (final Throwable ex) {
                        failure.compareAndSet(null, ex);
                    } finally {
                        running.decrementAndGet();
                    }
                });
            }
        } finally {
            virtual.shutdown();
        }
        if (!virtual.awaitTermination(deadlineMillisLeft() + 60_000, TimeUnit.MILLISECONDS)) {
            failure.compareAndSet(null, new AssertionError("the virtual threads did not finish"));
        }
        join(putter);
        join(getter);
        return failure.get();
    }

    private long deadlineMillisLeft() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private void single() {
        final long one = mp.get();
        if (one != Mempool.NULL) {
            mark(one);
            MARK.set(mp.byteBuffer(one), 0, 0L);
            mp.put(one);
        }
    }

    /** @return the next batch the one consumer handed out, or null once out of time. */
    private long[] handedOut() throws InterruptedException {
        long[] objs;
        while ((objs = handouts.poll(10, TimeUnit.MILLISECONDS)) == null) {
            if (System.nanoTime() > deadline) {
                return null;
            }
        }
        return objs;
    }

    private long[] take() {
        final long[] objs = new long[1 + (int) (System.nanoTime() & (BULK - 1))];
        while (!mp.getBulk(objs, 0, objs.length)) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.yield(); // other threads hold the objects for now
        }
        return objs;
    }

    private void mark(final long obj) {
        if (!MARK.compareAndSet(mp.byteBuffer(obj), 0, 0L, 1L)) { // CAS: an object handed out twice is seen here
            throw new AssertionError("object " + mp.indexOf(obj) + " was handed out while it was out");
        }
    }

    /** The one producer: puts back whatever the virtual threads return, until they are all done. */
    private void putter() {
        while (running.get() > 0 || !returns.isEmpty()) {
            final long[] objs = returns.poll();
            if (objs != null) {
                mp.putBulk(objs, 0, objs.length);
            } else if (System.nanoTime() > deadline + TimeUnit.SECONDS.toNanos(10)) {
                throw new AssertionError("the virtual threads did not finish");
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** The one consumer: hands out {@code batches} batches, then nothing more. */
    private void getter(final int batches) {
        for (int i = 0; i < batches && running.get() > 0; i++) {
            final long[] objs = take();
            if (objs == null) {
                break;
            }
            handouts.offer(objs);
        }
    }

    private Thread platform(final String name, final Runnable body) {
        final Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (final Throwable ex) {
                failure.compareAndSet(null, ex);
            }
        }, name);
        thread.start();
        return thread;
    }

    private static void join(final Thread thread) throws InterruptedException {
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
    }
}
