package com.example.mempool.sharded;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** 128 B before the lock line, so no other object's hot field shares it (adjacent-line prefetch). */
abstract class LongShardL1Pad {
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

/** The lock and the length: touched together by the lock holder, so they share a line. */
abstract class LongShardLockFields extends LongShardL1Pad {
    /** 0 free, 1 held; spun on by waiters. */
    int lock;
    /** Handles in the shard; written under the lock, read without it as a hint to skip the shard. */
    int len;
}

/** 128 B after the lock line: shards are allocated one after another, and each locks on its own. */
abstract class LongShardL2Pad extends LongShardLockFields {
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

/**
 * One shard of a {@link ShardedLongStack}: a bounded LIFO of handles guarded by a spinlock. A call
 * moves as many handles as fit ({@link #push}) or as there are ({@link #pop}), up to {@code n}, and
 * returns how many it moved: the all-or-nothing decision is the store's, taken on its counters before
 * any shard is touched.
 *
 * <p>Thread-safe; each call holds the lock for one copy. Actions of a thread before it pushes a
 * handle happen-before the actions of the thread whose pop returns it (both pass through the lock).
 * Arguments are the store's, already checked.
 */
final class LongShard extends LongShardL2Pad {
    private final long[] slots;

    LongShard(final int capacity) {
        slots = new long[capacity];
    }

    /**
     * Pushes {@code table[offset ..)}, as many of {@code n} handles as there is room for.
     *
     * @param wait false: return 0 at once if another thread holds the lock.
     * @return how many handles were pushed, {@code 0..n}.
     */
    int push(final long[] table, final int offset, final int n, final boolean wait) {
        final long[] stack = slots;
        // a full shard is passed over without touching its lock line
        if (lvLen() == stack.length || !lock(wait)) {
            return 0;
        }
        try {
            final int length = lpLen();
            final int moved = Math.min(n, stack.length - length);
            System.arraycopy(table, offset, stack, length, moved);
            // release: pairs with the lock-free lvLen hints
            soLen(length + moved);
            return moved;
        } finally {
            unlock();
        }
    }

    /**
     * Pops up to {@code n} handles, newest first, into {@code table[offset ..)}.
     *
     * @param wait false: return 0 at once if another thread holds the lock.
     * @return how many handles were popped, {@code 0..n}.
     */
    int pop(final long[] table, final int offset, final int n, final boolean wait) {
        final long[] stack = slots;
        // an empty shard is passed over without touching its lock line
        if (lvLen() == 0 || !lock(wait)) {
            return 0;
        }
        try {
            final int length = lpLen();
            final int moved = Math.min(n, length);
            final int top = length - 1;
            for (int i = 0; i < moved; i++) {
                table[offset + i] = stack[top - i];
            }
            // release: pairs with the lock-free lvLen hints
            soLen(length - moved);
            return moved;
        } finally {
            unlock();
        }
    }

    /** @return the handles in the shard; may lag while other threads push and pop. */
    int length() {
        return lvLen();
    }

    /** @return the number of slots. */
    int capacity() {
        return slots.length;
    }

    /** Test-and-test-and-set: one CAS when free, else (if waiting) spin on a read until it looks free. */
    private boolean lock(final boolean wait) {
        // acquire by CAS: orders the critical section after the previous holder's release
        if (casLock(0, 1)) {
            return true;
        }
        if (!wait) {
            return false;
        }
        do {
            // volatile read, not CAS: waiters share the line read-only until the holder releases
            while (lvLock() != 0) {
                Thread.onSpinWait();
            }
        } while (!casLock(0, 1)); // another waiter took it first
        return true;
    }

    private void unlock() {
        // release: publishes the copy and the length to the next holder
        soLock(0);
    }

    private int lpLen() {
        // plain: written only under the lock, which we hold
        return len;
    }

    private int lvLen() {
        // volatile: a sweep that spins over the shards must see lengths change, not a hoisted value
        return (int) LEN.getVolatile(this);
    }

    private void soLen(final int value) {
        LEN.setRelease(this, value);
    }

    private int lvLock() {
        return (int) LOCK.getVolatile(this);
    }

    private boolean casLock(final int expect, final int update) {
        return LOCK.compareAndSet(this, expect, update);
    }

    private void soLock(final int value) {
        LOCK.setRelease(this, value);
    }

    private static final VarHandle LOCK;
    private static final VarHandle LEN;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            LOCK = lookup.findVarHandle(LongShardLockFields.class, "lock", int.class);
            LEN = lookup.findVarHandle(LongShardLockFields.class, "len", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
