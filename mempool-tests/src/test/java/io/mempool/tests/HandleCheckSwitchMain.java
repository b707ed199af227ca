package io.mempool.tests;

import io.mempool.api.MempoolFlag;
import io.mempool.core.Mempool;

/**
 * Run by {@link HandleCheckSwitchTest} with and without {@code -Dmempool.checkHandles=false}: puts a handle
 * of another pool into a plain pool (bulk and single, through the cache and without it) and into a DEBUG
 * pool, and prints what each put did, then the plain pool's {@code put_checks} line of its dump.
 */
public final class HandleCheckSwitchMain {
    private HandleCheckSwitchMain() {
    }

    public static void main(final String[] args) {
        try (Mempool plain = Mempool.builder("switch_plain").size(255).elementSize(64).cacheSize(32).create();
             Mempool debug = Mempool.builder("switch_debug").size(255).elementSize(64).cacheSize(32)
                 .flags(MempoolFlag.DEBUG).create();
             Mempool other = Mempool.builder("switch_other").size(255).elementSize(64).create()) {
            final long[] room = new long[8];
            if (!plain.getBulk(room, 0, room.length)) { // kept out: room in the store for what goes in unchecked
                throw new AssertionError("a new pool has no 8 objects");
            }
            final long foreign = other.get();
            System.out.println("plain putBulk " + outcome(() -> plain.putBulk(new long[] {foreign}, 0, 1)));
            final long foreign2 = other.get();
            System.out.println("plain put " + outcome(() -> plain.put(foreign2)));
            final long foreign3 = other.get();
            System.out.println("plain genericPut " + outcome(() -> plain.genericPut(new long[] {foreign3}, 0, 1, null)));
            final long foreign4 = other.get();
            System.out.println("debug putBulk " + outcome(() -> debug.putBulk(new long[] {foreign4}, 0, 1)));
            final StringBuilder dump = new StringBuilder();
            plain.dump(dump);
            dump.toString().lines().filter(l -> l.contains("put_checks")).forEach(System.out::println);
            // what went in unchecked is another pool's: close(true) frees this pool without a count check
            plain.close(true);
            other.close(true);
        }
    }

    private static String outcome(final Runnable put) {
        try {
            put.run();
            return "accepted";
        } catch (final RuntimeException ex) {
            return "refused " + ex.getClass().getSimpleName();
        }
    }
}
