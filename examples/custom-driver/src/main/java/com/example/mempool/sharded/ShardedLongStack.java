package com.example.mempool.sharded;

import io.mempool.api.Checks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** 128 B before the room counter (adjacent-line prefetch). */
abstract class ShardedLongStackL1Pad {
    byte p1000, p1001, p1002, p1003, p1004, p1005, p1006, p1007; //   8b
    byte p1010, p1011, p1012, p1013, p1014, p1015, p1016, p1017; //  16b
    byte p1020, p1021, p1022, p1023, p1024, p1025, p1026, p1027; //  24b
    byte p1030, p1031, p1032, p1033, p1034, p1035, p1036, p1037; //  32b
    byte p1040, p1041, p1042, p1043, p1044, p1045, p1046, p1047; //  40b
    byte p1050, p1051, p1052, p1053, p1054, p1055, p1056, p1057; //  48b
    byte p1060, p1061, p1062, p1063, p1064, p1065, p1066, p1067; //  56b
    byte p1070, p1071, p1072, p1073, p1074, p1075, p1076, p1077; //  64b
    byte p1080, p1081, p1082, p1083, p1084, p1085, p1086, p1087; //  72b
    byte p1090, p1091, p1092, p1093, p1094, p1095, p1096, p1097; //  80b
    byte p1100, p1101, p1102, p1103, p1104, p1105, p1106, p1107; //  88b
    byte p1110, p1111, p1112, p1113, p1114, p1115, p1116, p1117; //  96b
    byte p1120, p1121, p1122, p1123, p1124, p1125, p1126, p1127; // 104b
    byte p1130, p1131, p1132, p1133, p1134, p1135, p1136, p1137; // 112b
    byte p1140, p1141, p1142, p1143, p1144, p1145, p1146, p1147; // 120b
    byte p1150, p1151, p1152, p1153, p1154, p1155, p1156, p1157; // 128b
}

/** The enqueue side's counter. */
abstract class ShardedLongStackRoomField extends ShardedLongStackL1Pad {
    /** Free slots no enqueue has reserved; an enqueue takes its n here before it touches a shard. */
    int room;
}

/** 128 B between the two counters: enqueues and dequeues CAS them from different threads. */
abstract class ShardedLongStackL2Pad extends ShardedLongStackRoomField {
    byte p2000, p2001, p2002, p2003, p2004, p2005, p2006, p2007; //   8b
    byte p2010, p2011, p2012, p2013, p2014, p2015, p2016, p2017; //  16b
    byte p2020, p2021, p2022, p2023, p2024, p2025, p2026, p2027; //  24b
    byte p2030, p2031, p2032, p2033, p2034, p2035, p2036, p2037; //  32b
    byte p2040, p2041, p2042, p2043, p2044, p2045, p2046, p2047; //  40b
    byte p2050, p2051, p2052, p2053, p2054, p2055, p2056, p2057; //  48b
    byte p2060, p2061, p2062, p2063, p2064, p2065, p2066, p2067; //  56b
    byte p2070, p2071, p2072, p2073, p2074, p2075, p2076, p2077; //  64b
    byte p2080, p2081, p2082, p2083, p2084, p2085, p2086, p2087; //  72b
    byte p2090, p2091, p2092, p2093, p2094, p2095, p2096, p2097; //  80b
    byte p2100, p2101, p2102, p2103, p2104, p2105, p2106, p2107; //  88b
    byte p2110, p2111, p2112, p2113, p2114, p2115, p2116, p2117; //  96b
    byte p2120, p2121, p2122, p2123, p2124, p2125, p2126, p2127; // 104b
    byte p2130, p2131, p2132, p2133, p2134, p2135, p2136, p2137; // 112b
    byte p2140, p2141, p2142, p2143, p2144, p2145, p2146, p2147; // 120b
    byte p2150, p2151, p2152, p2153, p2154, p2155, p2156, p2157; // 128b
}

/** The dequeue side's counter. */
abstract class ShardedLongStackAvailField extends ShardedLongStackL2Pad {
    /** Handles in the shards that no dequeue has reserved; a dequeue takes its n here first. */
    int avail;
}

/** 128 B after the avail counter, keeping the read-only fields below off its line. */
abstract class ShardedLongStackL3Pad extends ShardedLongStackAvailField {
    byte p3000, p3001, p3002, p3003, p3004, p3005, p3006, p3007; //   8b
    byte p3010, p3011, p3012, p3013, p3014, p3015, p3016, p3017; //  16b
    byte p3020, p3021, p3022, p3023, p3024, p3025, p3026, p3027; //  24b
    byte p3030, p3031, p3032, p3033, p3034, p3035, p3036, p3037; //  32b
    byte p3040, p3041, p3042, p3043, p3044, p3045, p3046, p3047; //  40b
    byte p3050, p3051, p3052, p3053, p3054, p3055, p3056, p3057; //  48b
    byte p3060, p3061, p3062, p3063, p3064, p3065, p3066, p3067; //  56b
    byte p3070, p3071, p3072, p3073, p3074, p3075, p3076, p3077; //  64b
    byte p3080, p3081, p3082, p3083, p3084, p3085, p3086, p3087; //  72b
    byte p3090, p3091, p3092, p3093, p3094, p3095, p3096, p3097; //  80b
    byte p3100, p3101, p3102, p3103, p3104, p3105, p3106, p3107; //  88b
    byte p3110, p3111, p3112, p3113, p3114, p3115, p3116, p3117; //  96b
    byte p3120, p3121, p3122, p3123, p3124, p3125, p3126, p3127; // 104b
    byte p3130, p3131, p3132, p3133, p3134, p3135, p3136, p3137; // 112b
    byte p3140, p3141, p3142, p3143, p3144, p3145, p3146, p3147; // 120b
    byte p3150, p3151, p3152, p3153, p3154, p3155, p3156, p3157; // 128b
}

/**
 * A bounded store of {@code long} handles split into several LIFO shards, each behind its own
 * spinlock, so that threads putting and getting at once mostly lock different shards. A thread
 * starts at its home shard (chosen by its thread id), so the handles it puts are the first it gets
 * back, still warm in its CPU cache; when the home shard is full (push) or empty (pop) the call goes
 * on to the next shards. Its capacity is exactly the one asked for.
 *
 * <p><b>All or nothing across shards.</b> Two counters decide every call before it touches a shard:
 * {@code room} (free slots) and {@code avail} (handles). An enqueue of {@code n} first takes
 * {@code n} from {@code room} by CAS, or fails with nothing changed; then it pushes the handles into
 * any shards with space and only then adds {@code n} to {@code avail}. A dequeue mirrors it: it takes
 * {@code n} from {@code avail} by CAS, or fails without writing the caller's table; then it pops
 * {@code n} handles from any shards and gives {@code n} back to {@code room}. Since the shards hold
 * {@code capacity} slots in all, a reservation guarantees that the handles (or the slots) it needs
 * are in the shards, though possibly behind other threads' locks or not yet found: the call sweeps
 * the shards, first only trying each lock, then waiting for locks, until it has moved all {@code n}.
 *
 * <p><b>Thread safety.</b> Any number of threads may push and pop at once; the pool's
 * {@code SP_PUT}/{@code SC_GET} promises are not needed and not used. <b>Note:</b> the counters are
 * lock-free, the shards are not: a thread descheduled while it holds a shard's lock delays the
 * callers that find no other shard to use, and one descheduled between its reservation and its
 * last copy delays only callers whose handles or slots it still holds.
 *
 * <p><b>Memory consistency effects.</b> Actions of a thread before it pushes a handle happen-before
 * the actions of the thread whose pop returns that handle (both pass through that shard's lock).
 *
 * <p>{@link #count()} is {@code avail}: it lags behind enqueues still copying, and is exact when no
 * call is in progress. Nothing is allocated after construction.
 */
public final class ShardedLongStack extends ShardedLongStackL3Pad {
    /** The largest capacity accepted: 2^30 handles (8 GiB of heap). */
    public static final int MAX_CAPACITY = 1 << 30;
    /** The most shards a store has. */
    public static final int MAX_SHARDS = 64;

    private final LongShard[] shards;
    private final int capacity;

    /**
     * Creates an empty store of {@code min(shardCount, capacity)} shards of
     * {@code ceil(capacity / shards)} slots each.
     *
     * @param capacity   how many handles it holds at most, {@code 1..}{@value #MAX_CAPACITY}.
     * @param shardCount how many shards to split it into, {@code 1..}{@value #MAX_SHARDS}; no more
     *                   than {@code capacity} are made, so every shard has a slot.
     * @throws IllegalArgumentException if an argument is outside its range.
     */
    public ShardedLongStack(final int capacity, final int shardCount) {
        Checks.inRange("capacity", capacity, 1, MAX_CAPACITY);
        Checks.inRange("shardCount", shardCount, 1, MAX_SHARDS);
        final int count = Math.min(shardCount, capacity);
        final int slotsPerShard = (capacity + count - 1) / count;
        shards = new LongShard[count];
        for (int i = 0; i < count; i++) {
            shards[i] = new LongShard(slotsPerShard);
        }
        this.capacity = capacity;
        // plain: the store reaches other threads only through the pool's safe publication
        room = capacity;
    }

    /**
     * Adds {@code table[offset .. offset + n)}, all or none, starting at the calling thread's home shard.
     *
     * @param table  the handles.
     * @param offset the first slot of {@code table} read.
     * @param n      how many handles, {@code >= 0}.
     * @return true if all {@code n} were added; false if there is no room for all, and nothing was added.
     * @throws IllegalArgumentException  if {@code table} is null or {@code n} is negative.
     * @throws IndexOutOfBoundsException if the range lies outside the table.
     */
    public boolean push(final long[] table, final int offset, final int n) {
        return push(table, offset, n, homeShard());
    }

    /**
     * Takes {@code n} handles into {@code table[offset .. offset + n)}, all or none, starting at the
     * calling thread's home shard, newest first within each shard.
     *
     * @param table  the table to fill.
     * @param offset the first slot of {@code table} written.
     * @param n      how many handles, {@code >= 0}.
     * @return true if all {@code n} were taken; false if fewer are available, and then nothing was
     *     taken and {@code table} was not written.
     * @throws IllegalArgumentException  if {@code table} is null or {@code n} is negative.
     * @throws IndexOutOfBoundsException if the range lies outside the table.
     */
    public boolean pop(final long[] table, final int offset, final int n) {
        return pop(table, offset, n, homeShard());
    }

    /**
     * The number of handles in the store. <b>Note:</b> it lags while other threads push (the handles
     * are counted once all are in) and is exact when no call is in progress.
     *
     * @return the count, {@code 0..capacity()}.
     */
    public int count() {
        return lvAvail();
    }

    /**
     * @return the most handles the store holds: exactly the capacity it was created with.
     */
    public int capacity() {
        return capacity;
    }

    /**
     * @return the number of shards.
     */
    public int shardCount() {
        return shards.length;
    }

    /** {@link #push(long[], int, int)} from an explicit home shard. */
    boolean push(final long[] table, final int offset, final int n, final int home) {
        Checks.checkTable(table, offset, n);
        if (n == 0) {
            return true;
        }
        if (!reserveRoom(n)) {
            return false;
        }
        final LongShard[] all = shards;
        boolean wait = false;
        int shard = home;
        int done = 0;
        for (;;) {
            done += all[shard].push(table, offset + done, n - done, wait);
            if (done == n) {
                break;
            }
            shard = shard + 1 == all.length ? 0 : shard + 1;
            if (shard == home) {
                // a whole round left handles over: the free slots were behind busy locks or taken
                // by other reserved pushes; from now on wait for the locks
                wait = true;
                Thread.onSpinWait();
            }
        }
        // after the copies: a dequeue that reserves these handles finds them in the shards
        xaddAvail(n);
        return true;
    }

    /** {@link #pop(long[], int, int)} from an explicit home shard. */
    boolean pop(final long[] table, final int offset, final int n, final int home) {
        Checks.checkTable(table, offset, n);
        if (n == 0) {
            return true;
        }
        if (!reserveAvail(n)) {
            return false;
        }
        final LongShard[] all = shards;
        boolean wait = false;
        int shard = home;
        int done = 0;
        for (;;) {
            done += all[shard].pop(table, offset + done, n - done, wait);
            if (done == n) {
                break;
            }
            shard = shard + 1 == all.length ? 0 : shard + 1;
            if (shard == home) {
                // a whole round came up short: the reserved handles were behind busy locks or
                // taken first by other reserved pops; from now on wait for the locks
                wait = true;
                Thread.onSpinWait();
            }
        }
        // after the copies: an enqueue that reserves these slots finds them free in the shards
        xaddRoom(n);
        return true;
    }

    /** @return the handles in one shard; may lag while other threads push and pop. */
    int shardLength(final int shard) {
        return shards[shard].length();
    }

    /** @return the slots of each shard. */
    int slotsPerShard() {
        return shards[0].capacity();
    }

    private int homeShard() {
        // thread ids are positive and handed out in sequence, so consecutive threads get different shards
        return (int) (Thread.currentThread().getId() % shards.length);
    }

    private boolean reserveRoom(final int n) {
        for (;;) {
            final int free = lvRoom();
            if (free < n) {
                return false; // not room for all n: refused before any shard is touched
            }
            if (casRoom(free, free - n)) {
                return true; // the successful CAS decides the push
            }
            Thread.onSpinWait(); // another push or pop moved the counter: read it again
        }
    }

    private boolean reserveAvail(final int n) {
        for (;;) {
            final int held = lvAvail();
            if (held < n) {
                return false; // fewer than n handles: refused before the table is written
            }
            if (casAvail(held, held - n)) {
                return true; // the successful CAS decides the pop
            }
            Thread.onSpinWait(); // another push or pop moved the counter: read it again
        }
    }

    private int lvRoom() {
        return (int) ROOM.getVolatile(this);
    }

    private boolean casRoom(final int expect, final int update) {
        return ROOM.compareAndSet(this, expect, update);
    }

    private void xaddRoom(final int delta) {
        ROOM.getAndAdd(this, delta);
    }

    private int lvAvail() {
        return (int) AVAIL.getVolatile(this);
    }

    private boolean casAvail(final int expect, final int update) {
        return AVAIL.compareAndSet(this, expect, update);
    }

    private void xaddAvail(final int delta) {
        AVAIL.getAndAdd(this, delta);
    }

    private static final VarHandle ROOM;
    private static final VarHandle AVAIL;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            ROOM = lookup.findVarHandle(ShardedLongStackRoomField.class, "room", int.class);
            AVAIL = lookup.findVarHandle(ShardedLongStackAvailField.class, "avail", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
