package io.mempool.tests;

import io.mempool.core.Mempool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The processes of {@link SharedFuzzTest}, with no JVM option but the runtime directory and a short ring
 * stall. {@code create <list>} creates the pools the list names ({@code <pool> <ops>} per line), takes a few
 * objects out of each, says {@code READY}, and once it reads {@code GO} uses every pool (its store and
 * header now scribbled on) as {@code use} does, then closes it. {@code use <list>} attaches each pool and
 * uses it. Every call's outcome is one line: {@code <pool> <call> ok}, {@code clear <exception>: <message>}
 * for a refusal of a kind the API documents, or {@code BAD ...} for anything else, including a handle that
 * is no object of the pool. {@code DONE} at the end says the process got through them all.
 */
public final class SharedFuzzMain {
    /** Refusals the API documents; {@code MempoolCorruptionException} is an {@code IllegalStateException}. */
    private static final Set<Class<?>> CLEAR = Set.of(IllegalStateException.class, IllegalArgumentException.class,
        io.mempool.api.MempoolCorruptionException.class);
    private static final int HELD = 4;

    private SharedFuzzMain() {
    }

    public static void main(final String[] args) throws Exception {
        final List<String[]> pools = new ArrayList<>();
        for (final String line : Files.readAllLines(Path.of(args[1]))) {
            pools.add(line.split(" "));
        }
        if (args[0].equals("create")) {
            create(pools);
        } else {
            for (final String[] pool : pools) {
                final Mempool mp = call(pool[0], "attach", () -> Mempool.attach(pool[0]));
                if (mp != null) {
                    use(mp, null);
                }
            }
        }
        System.out.println("DONE");
    }

    private static void create(final List<String[]> pools) throws Exception {
        final List<Mempool> created = new ArrayList<>();
        final List<long[]> held = new ArrayList<>();
        for (final String[] pool : pools) {
            final Mempool mp = Mempool.builder(pool[0]).size(63).elementSize(64).cacheSize(8).privateDataSize(40)
                .ops(pool[1]).shared(true).create();
            final long[] objs = new long[HELD];
            if (!mp.getBulk(objs, 0, HELD)) {
                throw new AssertionError("a new pool has no " + HELD + " objects");
            }
            created.add(mp);
            held.add(objs);
        }
        System.out.println("READY");
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"GO".equals(in.readLine())) {
            return;
        }
        for (int i = 0; i < created.size(); i++) {
            use(created.get(i), held.get(i));
        }
    }

    /** Gets everything it can, checks and writes each object, puts them back, audits, dumps, closes. */
    private static void use(final Mempool mp, final long[] held) {
        final String pool = mp.name();
        final long[] objs = new long[mp.size() + 1];
        final int[] got = {0};
        call(pool, "getBulk", () -> {
            for (final int n : new int[] {32, 8, 1}) {
                while (got[0] + n <= objs.length && mp.getBulk(objs, got[0], n)) {
                    for (int i = got[0]; i < got[0] + n; i++) {
                        check(mp, objs[i]);
                    }
                    got[0] += n;
                }
            }
            return null;
        });
        call(pool, "get", () -> {
            final long one = mp.get();
            if (one != Mempool.NULL) {
                check(mp, one);
                objs[got[0]++] = one;
            }
            return null;
        });
        if (held != null) {
            call(pool, "put held", () -> {
                mp.putBulk(held, 0, held.length);
                return null;
            });
        }
        call(pool, "putBulk", () -> {
            mp.putBulk(objs, 0, got[0]);
            return null;
        });
        call(pool, "counts", () -> mp.availCount() + mp.inUseCount());
        call(pool, "audit", () -> {
            mp.audit();
            return null;
        });
        call(pool, "dump", () -> {
            mp.dump(new StringBuilder());
            return null;
        });
        call(pool, "close", () -> {
            try {
                mp.close();
            } catch (final IllegalStateException refused) {
                mp.close(true); // the header may name processes that are not there: force, as an operator would
                throw refused;
            }
            return null;
        });
    }

    /** A handle the pool handed out must be one of its objects; then this process writes into it. */
    private static void check(final Mempool mp, final long obj) {
        final int index;
        try {
            index = mp.indexOf(obj);
        } catch (final IllegalArgumentException ex) {
            throw new AssertionError("handed out 0x" + Long.toHexString(obj) + ", no object of the pool: " + ex.getMessage());
        }
        if (index < 0 || index >= mp.size() || mp.objectAt(index) != obj) {
            throw new AssertionError("handed out 0x" + Long.toHexString(obj) + ", no object of the pool (index " + index + ")");
        }
        final java.nio.ByteBuffer view = mp.byteBuffer(obj); // as long as the header says an element is
        for (int i = 0; i < view.capacity(); i++) {
            view.put(i, (byte) index);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(final String pool, final String what, final Call<T> call) {
        String outcome;
        T result = null;
        try {
            result = call.run();
            outcome = "ok";
        } catch (final Throwable ex) {
            final boolean clear = CLEAR.contains(ex.getClass()) && ex.getMessage() != null && !ex.getMessage().isEmpty();
            outcome = (clear ? "clear " : "BAD ") + ex.getClass().getName() + ": " + String.valueOf(ex.getMessage()).replace('\n', ' ');
            if (!clear) {
                ex.printStackTrace(System.out);
            }
        }
        System.out.println(pool + " " + what + " " + outcome);
        System.out.flush();
        return result;
    }
}
