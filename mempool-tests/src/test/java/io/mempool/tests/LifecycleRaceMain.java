package io.mempool.tests;

import io.mempool.api.MempoolFlag;
import io.mempool.api.OpsConfig;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolOpsRegistry;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The scenarios of {@link LifecycleRaceTest}, run in a child JVM so that a crash fails the test
 * instead of the build. Each races {@code close()} against other threads and fails (exit code 1) if any
 * call throws anything but {@link IllegalStateException}; a JVM crash ends it with the signal's code.
 * Prints {@code done <rounds>} on success.
 *
 * <ul>
 *   <li>{@code introspect <rounds>}: a monitoring thread calls every introspection method and the
 *   MXBean on a large pool while the owner closes it.</li>
 *   <li>{@code getput <rounds>}: two threads get and put (cached, bulk, single, cache-less) while the
 *   owner closes, for every ops name found, with and without DEBUG, with and without a cache.</li>
 *   <li>{@code shared <rounds>}: both races on shared pools (elements and store in mapped files that
 *   close unmaps), for every ops name that can live in a memzone.</li>
 * </ul>
 */
public final class LifecycleRaceMain {
    private LifecycleRaceMain() {
    }

    public static void main(final String[] args) throws Exception {
        final int rounds = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "introspect" -> introspect(rounds, false);
            case "getput" -> getPut(rounds, false);
            case "shared" -> {
                introspect(rounds, true);
                getPut(rounds, true);
            }
            default -> throw new IllegalArgumentException("scenario: " + args[0] + " (expected: introspect, getput or shared)");
        }
        System.out.println("done " + rounds);
    }

    private static void introspect(final int rounds, final boolean shared) throws Exception {
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (int round = 0; round < rounds; round++) {
            final Mempool mp = Mempool.builder("introspect_" + round).size(65_535).elementSize(2048).cacheSize(64)
                .shared(shared).create();
            final ObjectName bean = new ObjectName("io.mempool:type=Mempool,name=" + mp.name());
            final AtomicBoolean stop = new AtomicBoolean();
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread monitor = new Thread(() -> {
                for (int call = 0; !stop.get(); call++) {
                    try {
                        switch (call % 10) {
                            case 0 -> mp.audit();
                            case 1 -> mp.availCount();
                            case 2 -> mp.dump(new StringBuilder());
                            case 3 -> mp.stats();
                            case 4 -> mp.inUseCount();
                            case 5 -> mp.objIter((pool, obj, index) -> { });
                            case 6 -> mp.memIter((pool, chunk, index) -> { });
                            case 7 -> server.getAttribute(bean, "AvailCount");
                            case 8 -> server.invoke(bean, "dump", new Object[0], new String[0]);
                            default -> mp.isFull();
                        }
                    } catch (final IllegalStateException | javax.management.InstanceNotFoundException expected) {
                        // closed: the only allowed outcome besides completing
                    } catch (final javax.management.MBeanException | javax.management.RuntimeMBeanException ex) {
                        if (!(ex.getCause() instanceof IllegalStateException)) {
                            failure.compareAndSet(null, ex);
                        }
                    } catch (final Throwable ex) {
                        failure.compareAndSet(null, ex);
                    }
                }
            }, "monitor-" + round);
            monitor.start();
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 6));
            mp.close();
            stop.set(true);
            monitor.join();
            if (failure.get() != null) {
                throw new AssertionError("round " + round + ": a call failed with other than IllegalStateException", failure.get());
            }
        }
    }

    private static void getPut(final int rounds, final boolean shared) throws Exception {
        int pools = 0;
        for (final String ops : MempoolOpsRegistry.names()) {
            if (!FoundOps.usable(MempoolOpsRegistry.get(ops))) {
                continue; // needs a JVM flag this process runs without (agrona_*: driver-agrona's tests cover it)
            }
            if (shared && MempoolOpsRegistry.get(ops).memzoneBytes(
                new OpsConfig("probe", 64, Set.of(), Map.of())) < 0) {
                continue;
            }
            for (final boolean debug : new boolean[] {false, true}) {
                for (final int cacheSize : new int[] {0, 256}) {
                    for (int round = 0; round < rounds; round++) {
                        raceGetPut(ops, debug, cacheSize, round, shared);
                        pools++;
                    }
                }
            }
        }
        System.out.println("pools " + pools);
    }

    /** Large enough (34 MB of elements, above glibc's largest mmap threshold) that freed memory is unmapped at once. */
    private static void raceGetPut(final String ops, final boolean debug, final int cacheSize, final int round,
        final boolean shared) throws Exception {
        final var builder = Mempool.builder("gp_" + ops + "_" + round).size(16_383).elementSize(2048)
            .cacheSize(cacheSize).ops(ops).shared(shared);
        if (debug) {
            builder.flags(MempoolFlag.DEBUG);
        }
        final Mempool mp = builder.create();
        // a single-sided store gets one putter and one getter thread, as its promise asks
        final boolean singleSided = !MempoolOpsRegistry.get(ops).requiredFlags().isEmpty();
        final int threads = singleSided ? 1 : 2;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final Thread worker = new Thread(() -> work(mp, stop, failure), "worker-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4));
        mp.close(true);
        stop.set(true);
        for (final Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(Map.of("ops", ops, "debug", debug, "cacheSize", cacheSize, "round", round)
                + ": a call failed with other than IllegalStateException", failure.get());
        }
    }

    private static void work(final Mempool mp, final AtomicBoolean stop, final AtomicReference<Throwable> failure) {
        final long[] objs = new long[64];
        for (int call = 0; !stop.get(); call++) {
            try {
                switch (call % 3) {
                    case 0 -> {
                        if (mp.getBulk(objs, 0, 48)) {
                            mp.putBulk(objs, 0, 48);
                        }
                    }
                    case 1 -> {
                        final long obj = mp.get();
                        if (obj != Mempool.NULL) {
                            mp.put(obj);
                        }
                    }
                    default -> {
                        if (mp.genericGet(objs, 0, 8, null)) {
                            mp.genericPut(objs, 0, 8, null);
                        }
                    }
                }
            } catch (final IllegalStateException expected) {
                if (mp.isClosed()) {
                    return;
                }
                failure.compareAndSet(null, expected);
                return;
            } catch (final Throwable ex) {
                failure.compareAndSet(null, ex);
                return;
            }
        }
    }
}
