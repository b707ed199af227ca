package io.mempool.tests;

import io.mempool.api.MempoolFlag;
import io.mempool.api.OpsConfig;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolCache;
import io.mempool.core.MempoolOpsRegistry;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * What a user's program does with jmempool, run by {@link NoFlagTest} in a JVM started with no option at
 * all (only {@code -cp}): every bundled ops name but {@code agrona_*} and a third party's
 * ({@link NoFlagTest}'s {@code third_party} store), private pools with and without cache, gets and puts,
 * every view ({@code byteBuffer}; {@code MemorySegment.ofBuffer} on JDK 22+), DEBUG, STATS, JMX, a user
 * cache, dump and audit, and shared pools that a second JVM attaches to. Output goes to stdout; anything
 * on stderr fails the test.
 *
 * <ul>
 *   <li>{@code create <suffix>}: exercises private pools, creates one shared pool per memzone-capable
 *       ops, prints {@code ready <names>}, waits for a line on stdin, then closes them;</li>
 *   <li>{@code solo <suffix>}: the same without waiting for another JVM;</li>
 *   <li>{@code attach <names>}: attaches to each, gets, writes, reads, puts, detaches.</li>
 * </ul>
 * Exits 1 with the failure on stdout if anything goes wrong.
 */
public final class NoFlagMain {
    private static final int SIZE = 1023;
    private static final int ELEMENT = 256;

    private NoFlagMain() {
    }

    /**
     * @param args the mode and its argument.
     * @throws Exception if a step fails.
     */
    public static void main(final String[] args) throws Exception {
        switch (args[0]) {
            case "create" -> create(args[1], true);
            case "solo" -> create(args[1], false);
            default -> attach(args[1].split(","));
        }
        System.out.println("done " + args[0]);
    }

    private static List<String> opsNames() {
        final List<String> names = new ArrayList<>();
        for (final String name : MempoolOpsRegistry.names()) {
            if (!name.startsWith("agrona_")) { // Agrona's stores need its flag; nothing else does
                names.add(name);
            }
        }
        check(names.contains("third_party"), "the third party's driver is found by ServiceLoader: " + names);
        return names;
    }

    private static void create(final String suffix, final boolean waitForAttach) throws Exception {
        final List<Mempool> shared = new ArrayList<>();
        final List<String> sharedNames = new ArrayList<>();
        for (final String ops : opsNames()) {
            privatePools(ops, suffix);
            if (MempoolOpsRegistry.get(ops).memzoneBytes(new OpsConfig("probe", SIZE,
                MempoolOpsRegistry.get(ops).requiredFlags(), Map.of())) >= 0) {
                final String name = "nf_" + suffix + "_" + shared.size();
                final Mempool mp = Mempool.builder(name).size(SIZE).elementSize(ELEMENT).cacheSize(32).ops(ops)
                    .privateDataSize(64).shared(true).create();
                mp.privateData().putLong(0, 42);
                shared.add(mp);
                sharedNames.add(name);
            }
        }
        System.out.println("ready " + String.join(",", sharedNames));
        System.out.flush();
        if (waitForAttach) {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        for (final Mempool mp : shared) {
            check(mp.isFull(), mp.name() + " full once the other JVM detached: " + mp.availCount());
            if (waitForAttach) {
                checkIndices(mp);
            }
            mp.close();
        }
    }

    private static void privatePools(final String ops, final String suffix) throws Exception {
        for (final int cache : new int[] {0, 32}) {
            final Mempool mp = Mempool.builder("nf_" + suffix + "_p" + cache).size(SIZE).elementSize(ELEMENT)
                .cacheSize(cache).ops(ops).create();
            use(mp);
            final ByteBuffer kept = views(mp);
            mp.audit();
            mp.dump(new StringBuilder());
            mp.close();
            closedIsClosed(kept);
        }
        try (Mempool mp = Mempool.builder("nf_" + suffix + "_debug").size(SIZE).elementSize(ELEMENT).cacheSize(32)
            .ops(ops).flags(MempoolFlag.DEBUG, MempoolFlag.STATS).privateDataSize(16).create()) {
            use(mp);
            check(mp.stats().toMap().get("put_objs") > 0, "STATS counted puts");
            final ObjectName name = new ObjectName("io.mempool:type=Mempool,name=" + mp.name());
            check((int) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "AvailCount") == SIZE, "JMX AvailCount");
            mp.privateData().putLong(8, 7);
            try (MempoolCache user = mp.createCache(64)) {
                final long[] objs = new long[48];
                check(mp.genericGet(objs, 0, objs.length, user), "genericGet through a user cache");
                mp.genericPut(objs, 0, objs.length, user);
            }
            mp.audit();
        }
    }

    /** Gets and puts in every shape; every object's first long written and read back through its view. */
    private static void use(final Mempool mp) {
        final long[] objs = new long[64];
        check(mp.getBulk(objs, 0, objs.length), mp.name() + ": getBulk");
        for (final long obj : objs) {
            mp.byteBuffer(obj).putLong(0, obj);
        }
        for (final long obj : objs) {
            check(mp.byteBuffer(obj).getLong(0) == obj, mp.name() + ": a view reads what another wrote");
        }
        mp.putBulk(objs, 0, objs.length);
        final long one = mp.get();
        check(one != Mempool.NULL, mp.name() + ": get");
        mp.put(one);
        check(mp.isFull(), mp.name() + ": full");
    }

    /** The ByteBuffer view of every JDK, and on 22+ the MemorySegment of exactly one object; returns a view. */
    private static ByteBuffer views(final Mempool mp) throws Exception {
        final long obj = mp.get();
        final ByteBuffer view = mp.byteBuffer(obj);
        check(view.isDirect() && view.capacity() == ELEMENT && view.position() == 0, "a direct view of one object");
        if (Runtime.version().feature() >= 22) {
            final Class<?> segments = Class.forName("java.lang.foreign.MemorySegment");
            final Object segment = segments.getMethod("ofBuffer", java.nio.Buffer.class).invoke(null, view);
            check((long) segments.getMethod("byteSize").invoke(segment) == ELEMENT, "a segment of exactly one object");
            check((long) segments.getMethod("address").invoke(segment) == mp.address(obj), "the segment is the object");
        }
        mp.put(obj);
        return view;
    }

    /** On JDK 22+ a view of a closed pool throws instead of touching freed memory (on 17-21 it is undefined). */
    private static void closedIsClosed(final ByteBuffer view) {
        if (Runtime.version().feature() >= 22) {
            try {
                view.getLong(0);
                check(false, "a view of a closed pool was read");
            } catch (final IllegalStateException expected) {
                // the arena is closed
            }
        }
    }

    private static void attach(final String[] names) {
        for (final String name : names) {
            try (Mempool mp = Mempool.attach(name)) {
                check(mp.privateData().getLong(0) == 42, name + ": private data written by the creator");
                use(mp);
                final long[] objs = new long[16];
                check(mp.getBulk(objs, 0, objs.length), name + ": getBulk");
                for (final long obj : objs) {
                    mp.byteBuffer(obj).putInt(8, mp.indexOf(obj)); // the creator checks these
                }
                mp.putBulk(objs, 0, objs.length);
            }
        }
    }

    /** The creator sees the indices the other JVM wrote into the objects it used. */
    private static void checkIndices(final Mempool mp) {
        final int[] seen = {0};
        mp.objIter((pool, obj, index) -> seen[0] += pool.byteBuffer(obj).getInt(8) == index && index != 0 ? 1 : 0);
        check(seen[0] > 0, mp.name() + ": the attached JVM's writes are seen here");
    }

    private static void check(final boolean ok, final String what) {
        if (!ok) {
            System.out.println("failed: " + what);
            System.exit(1);
        }
    }
}
