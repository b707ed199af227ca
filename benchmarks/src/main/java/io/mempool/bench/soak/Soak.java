package io.mempool.bench.soak;

import io.mempool.api.MempoolFlag;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolBuilder;
import io.mempool.core.MempoolCache;
import io.mempool.core.MempoolOpsRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The soak test: for each driver in turn, threads get and put random bulks through their default caches
 * for a given time, then every object must be found exactly once and the pool full. A progress line is
 * printed every ten seconds. Not a JUnit test and not in CI's default run: the lead schedules long runs.
 *
 * <pre>{@code
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     io.mempool.bench.soak.Soak --minutes 1 --threads 4 --ops ring_mp_mc,stack
 * }</pre>
 *
 * <p>Options: {@code --minutes M} per driver (fractions allowed, default 1); {@code --threads N} (default:
 * the available processors, at least 2); {@code --ops a,b} (default: every name
 * {@link MempoolOpsRegistry#names()} finds). A store whose {@code requiredFlags()} promise a single
 * producer ({@code SP_PUT}) or a single consumer ({@code SC_GET}) runs DPDK's pipeline instead: getters that
 * only get and putters that only put, one thread on each promised side; other stores run every thread mixed.
 * The exit status is 0 if every driver passed, 1 if any failed, 2 on bad options.
 *
 * <p>Each object's first 8 bytes mark its holder (see {@link SoakWorker}), so an object handed to two
 * threads at once is caught when it happens, not only at the end.
 */
public final class Soak {
    private static final int CACHE_SIZE = 32;
    private static final int MAX_BULK = 48;
    private static final int MAX_HELD = 4 * MAX_BULK;
    private static final int BATCHES = 64;
    private static final long PROGRESS_MILLIS = 10_000;
    private static final long STOP_MILLIS = 30_000;
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private Soak() {
    }

    /**
     * Runs the soak.
     *
     * @param args {@code --minutes M --threads N --ops a,b}, all optional.
     * @throws InterruptedException if interrupted while waiting for the workers.
     */
    public static void main(final String[] args) throws InterruptedException {
        double minutes = 1;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        List<String> ops = new ArrayList<>(MempoolOpsRegistry.names());
        try {
            for (int i = 0; i < args.length; i++) {
                final String arg = args[i];
                switch (arg) {
                    case "--minutes" -> minutes = Double.parseDouble(value(args, ++i, arg));
                    case "--threads" -> threads = Integer.parseInt(value(args, ++i, arg));
                    case "--ops" -> ops = List.of(value(args, ++i, arg).split(","));
                    default -> throw new IllegalArgumentException("unknown option: " + arg);
                }
            }
            if (minutes <= 0 || threads < 1 || ops.isEmpty()) {
                throw new IllegalArgumentException("minutes: " + minutes + ", threads: " + threads
                    + " (expected: > 0, >= 1, and at least one ops)");
            }
            for (final String name : ops) {
                if (!MempoolOpsRegistry.names().contains(name.trim())) {
                    throw new IllegalArgumentException("ops: " + name + " (expected: one of the names found)");
                }
            }
        } catch (final IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println("usage: Soak [--minutes M] [--threads N] [--ops name,name]; ops found: "
                + MempoolOpsRegistry.names());
            System.exit(2);
            return;
        }
        final List<String> sorted = new ArrayList<>(ops);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "soak: %s min per driver, %d threads, ops %s%n", minutes, threads, sorted);
        final List<String> failed = new ArrayList<>();
        for (final String name : sorted) {
            if (!soak(name.trim(), (long) (minutes * 60_000), threads, System.out)) {
                failed.add(name);
            }
        }
        System.out.println(failed.isEmpty() ? "soak: every driver passed" : "soak: FAILED " + failed);
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static String value(final String[] args, final int at, final String option) {
        if (at >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[at];
    }

    /**
     * Soaks one driver.
     *
     * @return whether it passed.
     */
    static boolean soak(final String opsName, final long millis, final int threads, final PrintStream out)
        throws InterruptedException {
        final Set<MempoolFlag> promises = MempoolOpsRegistry.get(opsName).requiredFlags();
        final boolean singleProducer = promises.contains(MempoolFlag.SP_PUT);
        final boolean singleConsumer = promises.contains(MempoolFlag.SC_GET);
        final boolean pipeline = singleProducer || singleConsumer;
        final SoakWorker.Role[] roles = roles(pipeline, singleProducer, singleConsumer, threads);
        final int size = pipeline ? BATCHES * MAX_BULK * 3 / 4 : roles.length * (CACHE_SIZE + MAX_HELD) * 3 / 4;
        final MempoolBuilder builder = Mempool.builder("soak_" + POOL_IDS.incrementAndGet())
            .size(size).elementSize(64).cacheSize(CACHE_SIZE).ops(opsName)
            .objectInit((mp, obj, index) -> new UnsafeBuffer(obj, 8).putLong(0, SoakWorker.FREE));
        if (singleProducer || singleConsumer) {
            builder.flags(flags(singleProducer, singleConsumer));
        }
        final Mempool pool = builder.create();
        final Run run = new Run(roles);
        final ArrayBlockingQueue<long[]> full = new ArrayBlockingQueue<>(BATCHES);
        final ArrayBlockingQueue<long[]> empty = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            empty.add(new long[MAX_BULK + 1]);
        }
        final AtomicLongArray counters = new AtomicLongArray(roles.length * SoakWorker.STRIDE);
        final Thread[] workers = new Thread[roles.length];
        for (int i = 0; i < roles.length; i++) {
            final SoakWorker worker = new SoakWorker(pool, roles[i], i, MAX_BULK, MAX_HELD, full, empty, counters,
                run, System.nanoTime() + i);
            workers[i] = new Thread(() -> {
                run.caches[worker.index()] = pool.defaultCache(); // handed to main after join
                worker.run();
            }, "soak-" + opsName + "-" + i);
            workers[i].setDaemon(true);
        }
        out.printf(Locale.ROOT, "[%s] %d objects, cache %d, bulks 1..%d, threads %s%n",
            opsName, size, CACHE_SIZE, MAX_BULK, Arrays.toString(roles));
        final long start = System.nanoTime();
        for (final Thread worker : workers) {
            worker.start();
        }
        long next = PROGRESS_MILLIS;
        while (!run.stopped()) {
            final long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (elapsed >= millis) {
                break;
            }
            Thread.sleep(Math.min(next, millis) - elapsed);
            if (next < millis && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= next) {
                progress(out, opsName, counters, roles.length, next, pool);
                next += PROGRESS_MILLIS;
            }
        }
        run.stop();
        for (final Thread worker : workers) {
            worker.join(STOP_MILLIS);
            if (worker.isAlive()) {
                run.fail(worker.getName() + " did not stop within " + STOP_MILLIS + " ms (a livelocked store?)", null);
                out.printf(Locale.ROOT, "[%s] FAILED: %s%n", opsName, run.failure.get());
                return false; // the pool stays open: a worker may still touch it
            }
        }
        final long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        progress(out, opsName, counters, roles.length, elapsed, pool);
        if (run.failure.get() == null) {
            conserve(pool, run);
        }
        final String failure = run.failure.get();
        pool.close(failure != null);
        out.printf(Locale.ROOT, "[%s] %s%n", opsName, failure == null
            ? "PASSED: after " + elapsed / 1000 + " s every one of " + size + " objects found exactly once, pool full"
            : "FAILED: " + failure);
        return failure == null;
    }

    private static SoakWorker.Role[] roles(final boolean pipeline, final boolean singleProducer,
                                           final boolean singleConsumer, final int threads) {
        if (!pipeline) {
            final SoakWorker.Role[] roles = new SoakWorker.Role[threads];
            Arrays.fill(roles, SoakWorker.Role.MIXED);
            return roles;
        }
        final int getters = singleConsumer ? 1 : Math.max(1, threads - 1);
        final int putters = singleProducer ? 1 : Math.max(1, threads - getters);
        final SoakWorker.Role[] roles = new SoakWorker.Role[getters + putters];
        Arrays.fill(roles, 0, getters, SoakWorker.Role.GETTER);
        Arrays.fill(roles, getters, roles.length, SoakWorker.Role.PUTTER);
        return roles;
    }

    private static MempoolFlag[] flags(final boolean singleProducer, final boolean singleConsumer) {
        if (singleProducer && singleConsumer) {
            return new MempoolFlag[] {MempoolFlag.SP_PUT, MempoolFlag.SC_GET};
        }
        return new MempoolFlag[] {singleProducer ? MempoolFlag.SP_PUT : MempoolFlag.SC_GET};
    }

    /**
     * After every worker ended: flush their caches (join is the happens-before edge the hand-over needs),
     * then take every object from the store on this one thread and check each is there exactly once,
     * marked free, and that the pool counted itself full.
     */
    private static void conserve(final Mempool pool, final Run run) {
        for (final MempoolCache cache : run.caches) {
            if (cache != null) {
                cache.flush();
            }
        }
        final int size = pool.size();
        if (!pool.isFull()) {
            run.fail("availCount " + pool.availCount() + " after every cache was flushed (expected: " + size + ")", null);
            return;
        }
        final long[] all = new long[size + 1];
        int n = 0;
        while (n < all.length && pool.genericGet(all, n, 1, null)) {
            n++;
        }
        final long[] objects = new long[size];
        pool.objIter((mp, obj, index) -> objects[index] = obj);
        final long[] drained = Arrays.copyOf(all, n);
        Arrays.sort(objects);
        Arrays.sort(drained);
        if (!Arrays.equals(objects, drained)) {
            run.fail("the store gave back " + n + " handles that are not the pool's " + size + " objects once each", null);
            return;
        }
        final UnsafeBuffer flyweight = new UnsafeBuffer();
        for (final long obj : drained) {
            flyweight.wrap(pool.address(obj), pool.elementSize());
            if (flyweight.getLong(0) != SoakWorker.FREE) {
                run.fail("object 0x" + Long.toHexString(obj) + " is back but still marked as held", null);
                return;
            }
        }
        pool.genericPut(drained, 0, n, null);
    }

    private static void progress(final PrintStream out, final String opsName, final AtomicLongArray counters,
                                 final int workers, final long elapsedMillis, final Mempool pool) {
        long gets = 0;
        long failed = 0;
        long puts = 0;
        long objects = 0;
        for (int i = 0; i < workers; i++) {
            final int base = i * SoakWorker.STRIDE;
            gets += counters.getAcquire(base + SoakWorker.GETS);
            failed += counters.getAcquire(base + SoakWorker.FAILED_GETS);
            puts += counters.getAcquire(base + SoakWorker.PUTS);
            objects += counters.getAcquire(base + SoakWorker.OBJECTS);
        }
        final double seconds = Math.max(1, elapsedMillis) / 1000.0;
        out.printf(Locale.ROOT, "[%s] %4.0f s: %,d gets (%,d objects, %.2f M objects/s), %,d puts, %.1f%% gets failed,"
                + " avail ~%d of %d%n", opsName, seconds, gets, objects, objects / seconds / 1e6, puts,
            gets + failed == 0 ? 0.0 : 100.0 * failed / (gets + failed), pool.availCount(), pool.size());
    }

    /** A driver's run: the stop flag, the first failure, the getters still running, the workers' caches. */
    static final class Run {
        final AtomicReference<String> failure = new AtomicReference<>();
        final MempoolCache[] caches;
        private final AtomicInteger gettersLeft;
        private volatile boolean stop;

        Run(final SoakWorker.Role[] roles) {
            this.caches = new MempoolCache[roles.length];
            this.gettersLeft = new AtomicInteger(
                (int) Arrays.stream(roles).filter(role -> role == SoakWorker.Role.GETTER).count());
        }

        boolean stopped() {
            return stop;
        }

        void stop() {
            stop = true;
        }

        /** Keeps the first failure and stops the run. */
        void fail(final String message, final Throwable cause) {
            if (failure.compareAndSet(null, message) && cause != null) {
                cause.printStackTrace();
            }
            stop();
        }

        void getterDone() {
            gettersLeft.decrementAndGet();
        }

        int gettersLeft() {
            return gettersLeft.get();
        }
    }
}
