package io.mempool.tests;

import io.mempool.core.Mempool;
import io.mempool.core.Memzone;
import io.mempool.driver.ring.LongRing;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The processes of {@link SharedPoolTest}, one role per JVM. Prints {@code ready} once its pool is
 * usable, a result line, and exits non-zero on any failure. Objects cross between processes as indices
 * through a {@link LongRing} in a shared memzone {@code idx_<pool>}, as DPDK apps pass mbufs.
 *
 * <ul>
 *   <li>{@code produce <pool> <ops> <count>}: creates the shared pool, writes 1..count into objects in
 *   turn and hands their indices over; once the consumer has detached, checks that every object is back
 *   exactly once, and closes.</li>
 *   <li>{@code consume <pool> <count>}: attaches, checks each object's number, puts it back, detaches.</li>
 *   <li>{@code hold <pool> <n>}: attaches, gets n objects and keeps them until killed.</li>
 *   <li>{@code create <pool>}: creates a shared pool and waits until killed.</li>
 *   <li>{@code attach <pool>}: attaches and prints {@code attached <size>}, or {@code refused <message>}.</li>
 *   <li>{@code exercise <pool>}: attaches and calls every public method of the pool.</li>
 *   <li>{@code wedge <pool>}: attaches to a {@link WedgingOps} pool and stops inside an enqueue.</li>
 * </ul>
 */
public final class SharedPoolMain {
    static final int SIZE = 4096;
    static final int RING = 1024;
    private static final int BATCH = 32;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(40);

    private SharedPoolMain() {
    }

    public static void main(final String[] args) throws Exception {
        switch (args[0]) {
            case "produce" -> produce(args[1], args[2], Long.parseLong(args[3]));
            case "consume" -> consume(args[1], Long.parseLong(args[2]));
            case "hold" -> hold(args[1], Integer.parseInt(args[2]));
            case "create" -> {
                Mempool.builder(args[1]).size(SIZE).elementSize(64).cacheSize(32).shared(true).create();
                System.out.println("ready");
                Thread.sleep(Long.MAX_VALUE);
            }
            case "exercise" -> exercise(args[1]);
            case "wedge" -> {
                io.mempool.core.MempoolOpsRegistry.register(new WedgingOps());
                final Mempool mp = Mempool.attach(args[1]);
                final long[] objs = new long[64];
                if (!mp.getBulk(objs, 0, 64)) {
                    throw new AssertionError("no objects to hold");
                }
                mp.putBulk(objs, 0, 64); // more than the cache holds: straight to the store, which wedges it
                throw new AssertionError("the enqueue returned");
            }
            case "attach" -> {
                try (Mempool mp = Mempool.attach(args[1])) {
                    System.out.println("attached " + mp.size() + " " + mp.opsName());
                } catch (final IllegalArgumentException | IllegalStateException refused) {
                    System.out.println("refused " + refused.getMessage());
                }
            }
            default -> throw new IllegalArgumentException("role: " + args[0]);
        }
    }

    private static void produce(final String pool, final String ops, final long count) throws Exception {
        final Mempool mp = Mempool.builder(pool).size(SIZE).elementSize(64).cacheSize(32).ops(ops).shared(true).create();
        final Memzone zone = Memzone.reserveShared("idx_" + pool, LongRing.bytesFor(RING), 64);
        final LongRing indices = LongRing.createIn(zone.region(), RING);
        System.out.println("ready");
        final long[] objs = new long[BATCH];
        final long deadline = System.nanoTime() + TIMEOUT_NANOS;
        for (long seq = 1; seq <= count; ) {
            final int n = (int) Math.min(BATCH, count - seq + 1);
            while (!mp.getBulk(objs, 0, n)) {
                spin(deadline, n + " free objects at " + seq);
            }
            for (int i = 0; i < n; i++) {
                mp.byteBuffer(objs[i]).putLong(0, seq++);
                objs[i] = mp.indexOf(objs[i]); // the handle means nothing in the other process; the index does
            }
            while (indices.enqueueBulk(objs, 0, n) == 0) {
                spin(deadline, "room in the index ring at " + seq);
            }
        }
        objs[0] = -1; // the end
        while (indices.enqueueBulk(objs, 0, 1) == 0) {
            spin(deadline, "room in the index ring for the end");
        }
        while (mp.availCount() != mp.size()) { // the consumer's caches come back when it detaches
            spin(deadline, "the consumer to detach; available " + mp.availCount());
        }
        final long[] all = new long[SIZE];
        if (!mp.genericGet(all, 0, SIZE, null)) {
            throw new AssertionError("the pool holds fewer than " + SIZE + " objects");
        }
        final Set<Long> seen = new HashSet<>();
        for (final long obj : all) {
            if (!seen.add(obj) || mp.objectAt(mp.indexOf(obj)) != obj) {
                throw new AssertionError("object 0x" + Long.toHexString(obj) + " twice or not an object");
            }
        }
        mp.genericPut(all, 0, SIZE, null);
        for (;;) { // the consumer leaves the process table a moment after its objects came back
            try {
                mp.close();
                break;
            } catch (final IllegalStateException attached) {
                spin(deadline, "the consumer to leave: " + attached.getMessage());
                Thread.sleep(1);
            }
        }
        zone.free();
        System.out.println("produced " + count);
    }

    private static void consume(final String pool, final long count) throws Exception {
        final long deadline = System.nanoTime() + TIMEOUT_NANOS;
        Mempool mp = null;
        while (mp == null) {
            try {
                mp = Mempool.attach(pool);
            } catch (final IllegalArgumentException | IllegalStateException notYet) {
                spin(deadline, "the pool to attach: " + notYet.getMessage());
                Thread.sleep(5);
            }
        }
        final Memzone zone = Memzone.lookup("idx_" + pool).orElseThrow();
        final LongRing indices = LongRing.attach(zone.region());
        System.out.println("ready");
        final long[] objs = new long[BATCH];
        long expected = 1;
        for (boolean end = false; !end; ) {
            int n;
            while ((n = indices.dequeueBurst(objs, 0, BATCH)) == 0) {
                spin(deadline, "an index at " + expected);
            }
            for (int i = 0; i < n; i++) {
                if (objs[i] < 0) {
                    end = true;
                    n = i;
                    break;
                }
                objs[i] = mp.objectAt((int) objs[i]);
                final long carried = mp.byteBuffer(objs[i]).getLong(0);
                if (carried != expected) {
                    throw new AssertionError("object " + mp.indexOf(objs[i]) + " carries " + carried + ", expected " + expected);
                }
                expected++;
            }
            mp.putBulk(objs, 0, n);
        }
        if (expected - 1 != count) {
            throw new AssertionError("received " + (expected - 1) + " of " + count);
        }
        mp.close(); // detaches: this process's caches go back to the shared store
        zone.free(); // the last process out deletes the file
        System.out.println("received " + count);
    }

    private static void hold(final String pool, final int n) throws Exception {
        final Mempool mp = Mempool.attach(pool);
        final long[] held = new long[n];
        if (!mp.getBulk(held, 0, n)) {
            throw new AssertionError("could not get " + n);
        }
        final long[] more = new long[8];
        for (int round = 0; round < 1000; round++) { // traffic through this process's cache, then keep what it holds
            if (mp.getBulk(more, 0, 8)) {
                mp.putBulk(more, 0, 8);
            }
        }
        System.out.println("holding " + n + " cached " + (mp.defaultCache() == null ? 0 : mp.defaultCache().length()));
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Every public method of an attached pool, as a user in the second process would call them. */
    private static void exercise(final String pool) throws Exception {
        try (Mempool mp = Mempool.attach(pool)) {
            final long[] objs = new long[16];
            check(mp.getBulk(objs, 0, 16), "getBulk");
            for (final long obj : objs) {
                mp.byteBuffer(obj).putLong(0, mp.indexOf(obj));
                check(mp.objectAt(mp.indexOf(obj)) == obj && mp.address(obj) == obj, "indexOf/objectAt/address");
            }
            mp.putBulk(objs, 0, 16);
            mp.put(mp.get());
            check(mp.genericGet(objs, 0, 4, null), "genericGet(null)");
            mp.genericPut(objs, 0, 4, null);
            try (var user = mp.createCache(8)) {
                check(mp.genericGet(objs, 0, 4, user), "genericGet(user)");
                mp.genericPut(objs, 0, 4, user);
            }
            check(mp.availCount() + mp.inUseCount() == mp.size() && !mp.isEmpty(), "counts");
            check(mp.objIter((p, obj, index) -> { }) == mp.size() && mp.memIter((p, chunk, index) -> { }) == 1, "iteration");
            final StringBuilder dump = new StringBuilder();
            mp.dump(dump);
            check(dump.toString().contains("shared=attached"), "dump says attached: " + dump);
            mp.audit();
            mp.stats();
            mp.resetStats();
            check(mp.privateData().capacity() == mp.privateDataSize(), "privateData");
            check(Mempool.lookup(pool).orElseThrow() == mp, "lookup");
            final Object avail = java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(
                new javax.management.ObjectName("io.mempool:type=Mempool,name=" + pool), "AvailCount");
            check(((Integer) avail) == mp.availCount(), "JMX AvailCount");
            try {
                Mempool.attach(pool);
                throw new AssertionError("attached twice in one process");
            } catch (final IllegalStateException twice) {
                check(twice.getMessage().contains("already in use by pool " + pool), twice.getMessage());
            }
            try {
                mp.populateDefault();
                throw new AssertionError("populated an attached pool");
            } catch (final IllegalStateException populated) {
                check(mp.availCount() > 0, "still usable");
            }
        }
        System.out.println("exercised");
    }

    private static void check(final boolean ok, final String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private static void spin(final long deadline, final String waitingFor) {
        if (System.nanoTime() - deadline > 0) {
            throw new AssertionError("gave up waiting for " + waitingFor);
        }
        Thread.onSpinWait();
    }
}
