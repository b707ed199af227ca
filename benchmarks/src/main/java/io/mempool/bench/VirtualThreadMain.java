package io.mempool.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One fork of a cell of the virtual-thread scenario ({@link VirtualThreadRun}), as a child JVM: opens the column's
 * pool, starts its threads ({@value VirtualThreadRun#THREADS} virtual ones, or one platform thread per core), each
 * looping over a burst ({@link Rounds#round}) and {@link Thread#yield()}, and measures every iteration: objects got
 * and put back by all threads over a fixed time, read from per-thread counters. Then it stops the threads, checks
 * that the pool has every object back where it counts them, and prints {@code iterations <objects/s>...}; a
 * failure prints {@code error <message>} and exits 1.
 *
 * <p>Virtual threads are made through {@code Thread.ofVirtual()} found by a method handle: this class is compiled
 * for release 17 and runs only on JDK 21+. Not thread-safe (one per JVM); the workers share nothing but the pool,
 * the stop flag and their own counter slots.
 */
public final class VirtualThreadMain {
    /** Longs between two threads' counters: 128 bytes, so that no two share a cache line or its prefetched pair. */
    private static final int STRIDE = 16;
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long STOP_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Cleared to stop the workers after their current burst. */
    private volatile boolean running = true;

    private VirtualThreadMain() {
    }

    /**
     * @param args the column ({@link VirtualThreadRun.Column#column()}), iterations, and their length in ms.
     */
    public static void main(final String[] args) {
        try {
            if (args.length != 3) {
                throw new IllegalArgumentException("args: " + String.join(" ", args) + " (expected: column iterations iterationMs)");
            }
            final double[] rates = new VirtualThreadMain().run(VirtualThreadRun.Column.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
            final StringBuilder line = new StringBuilder("iterations");
            for (final double rate : rates) {
                line.append(' ').append(String.format(Locale.ROOT, "%.6g", rate));
            }
            System.out.println(line);
        } catch (final Exception | Error ex) {
            System.out.println("error " + ex);
            System.exit(1);
        }
    }

    /**
     * @return objects/s of each iteration.
     * @throws IllegalStateException if a thread failed or did not stop, or the pool is missing objects.
     */
    private double[] run(final VirtualThreadRun.Column column, final int iterations, final int iterationMs) throws Exception {
        final int cores = Runtime.getRuntime().availableProcessors();
        final int threads = column.virtual() ? VirtualThreadRun.THREADS : cores;
        final PoolPerf perf = newPerf(column);
        final String skipped = perf.start(cores, threads);
        if (skipped != null) {
            throw new IllegalStateException(column.column() + ": " + skipped);
        }
        final long[] counts = new long[(threads + 1) * STRIDE];
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final ThreadFactory factory = column.virtual() ? virtualThreads() : Thread::new;
        final Thread[] workers = new Thread[threads];
        try {
            for (int i = 0; i < threads; i++) {
                workers[i] = factory.newThread(worker(perf.table(i), counts, (i + 1) * STRIDE, failure));
                workers[i].setDaemon(true); // a platform worker that hangs must not keep the JVM; virtual ones always are
                workers[i].start();
            }
            final double[] rates = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                final long before = sum(counts);
                final long start = System.nanoTime();
                Thread.sleep(iterationMs);
                rates[i] = (sum(counts) - before) / ((System.nanoTime() - start) / 1e9);
                if (failure.get() != null) {
                    throw new IllegalStateException(column.column() + ": a thread failed: " + failure.get(), failure.get());
                }
            }
            if (!stop(workers)) {
                throw new IllegalStateException(column.column() + ": threads did not stop within "
                    + TimeUnit.NANOSECONDS.toSeconds(STOP_NANOS) + " s");
            }
            for (int i = 0; i < threads; i++) {
                perf.table(i).close();
            }
            final long outstanding = perf.outstanding();
            if (outstanding > 0) {
                throw new IllegalStateException(column.column() + ": the pool counts " + outstanding + " objects still out");
            }
            return rates;
        } finally {
            if (stop(workers)) { // never free the pool under a thread that may still write into its objects
                perf.tearDown();
            }
        }
    }

    /** @return the column's pool, with the scenario's bulks and n_keep set as JMH would set them. */
    private static PoolPerf newPerf(final VirtualThreadRun.Column column) throws ReflectiveOperationException {
        final PoolPerf perf = switch (column) {
            case RING_MP_MC, RING_MP_MC_PLATFORM, BUCKET -> {
                final MempoolPerf mempool = new MempoolPerf();
                mempool.ops = column.ops();
                mempool.cache = CacheMode.DEFAULT;
                yield mempool;
            }
            case NETTY_ADAPTIVE -> new NettyAdaptivePerf();
            case JCTOOLS_MPMC -> new JctoolsQueuePerf();
            // compiled for release 21 against Stormpot 4, found on this JVM's module path (VirtualThreadRun.fork)
            case STORMPOT -> (PoolPerf) Class.forName(VirtualThreadRun.STORMPOT4_PERF).getDeclaredConstructor().newInstance();
        };
        perf.getBulk = VirtualThreadRun.BULK;
        perf.putBulk = VirtualThreadRun.BULK;
        perf.nKeep = VirtualThreadRun.N_KEEP;
        return perf;
    }

    /** A burst, its count published (opaque: the reader needs no order, only a value that is not torn), then a yield. */
    private Runnable worker(final ThreadTable table, final long[] counts, final int slot, final AtomicReference<Throwable> failure) {
        return () -> {
            try {
                long done = 0;
                while (running) {
                    Rounds.round(table, VirtualThreadRun.N_KEEP, VirtualThreadRun.BULK, VirtualThreadRun.BULK);
                    done += VirtualThreadRun.N_KEEP;
                    COUNT.setOpaque(counts, slot, done);
                    Thread.yield(); // gives the carrier to the next virtual thread: a request that waits
                }
            } catch (final RuntimeException | Error ex) {
                failure.compareAndSet(null, ex);
                running = false;
            }
        };
    }

    private static long sum(final long[] counts) {
        long sum = 0;
        for (int i = STRIDE; i < counts.length; i += STRIDE) {
            sum += (long) COUNT.getOpaque(counts, i);
        }
        return sum;
    }

    /**
     * Stops the workers after their current burst and waits for them, bounded.
     *
     * @return whether every worker that was started has ended.
     */
    private boolean stop(final Thread[] workers) throws InterruptedException {
        running = false;
        final long deadline = System.nanoTime() + STOP_NANOS;
        for (final Thread worker : workers) {
            if (worker == null) {
                break; // not started: neither are the rest
            }
            final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs > 0) {
                worker.join(leftMs);
            }
            if (worker.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** @return {@code Thread.ofVirtual().name("burst-", 0).factory()}, through method handles: this class is release 17. */
    private static ThreadFactory virtualThreads() throws ReflectiveOperationException {
        final String reason = VirtualThreadRun.unavailable();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        final MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        final Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
        final MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder));
        final MethodHandle name = lookup.findVirtual(builder, "name", MethodType.methodType(builder, String.class, long.class));
        final MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
        try {
            return (ThreadFactory) factory.invoke(name.invoke(ofVirtual.invoke(), "burst-", 0L));
        } catch (final RuntimeException | Error ex) {
            throw ex;
        } catch (final Throwable ex) {
            throw new IllegalStateException("Thread.ofVirtual() failed", ex);
        }
    }
}
