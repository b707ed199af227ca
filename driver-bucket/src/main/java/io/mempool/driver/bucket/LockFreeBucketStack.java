package io.mempool.driver.bucket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/** 128 B before the head line (adjacent-line prefetch). */
abstract class LockFreeBucketStackL1Pad {
    byte p1000,p1001,p1002,p1003,p1004,p1005,p1006,p1007; //   8b
    byte p1010,p1011,p1012,p1013,p1014,p1015,p1016,p1017; //  16b
    byte p1020,p1021,p1022,p1023,p1024,p1025,p1026,p1027; //  24b
    byte p1030,p1031,p1032,p1033,p1034,p1035,p1036,p1037; //  32b
    byte p1040,p1041,p1042,p1043,p1044,p1045,p1046,p1047; //  40b
    byte p1050,p1051,p1052,p1053,p1054,p1055,p1056,p1057; //  48b
    byte p1060,p1061,p1062,p1063,p1064,p1065,p1066,p1067; //  56b
    byte p1070,p1071,p1072,p1073,p1074,p1075,p1076,p1077; //  64b
    byte p1080,p1081,p1082,p1083,p1084,p1085,p1086,p1087; //  72b
    byte p1090,p1091,p1092,p1093,p1094,p1095,p1096,p1097; //  80b
    byte p1100,p1101,p1102,p1103,p1104,p1105,p1106,p1107; //  88b
    byte p1110,p1111,p1112,p1113,p1114,p1115,p1116,p1117; //  96b
    byte p1120,p1121,p1122,p1123,p1124,p1125,p1126,p1127; // 104b
    byte p1130,p1131,p1132,p1133,p1134,p1135,p1136,p1137; // 112b
    byte p1140,p1141,p1142,p1143,p1144,p1145,p1146,p1147; // 120b
    byte p1150,p1151,p1152,p1153,p1154,p1155,p1156,p1157; // 128b
}

/** The head and the size: every push and pop changes both, so they share a line. */
abstract class LockFreeBucketStackFields extends LockFreeBucketStackL1Pad {
    /** The tagged head: a stamp in the high 32 bits, the top id + 1 in the low 32 bits (0: empty). */
    long head;
    /** Ids on the stack, changed after each head CAS: it may lag the head by the calls in flight. */
    int size;
}

/** 128 B after the head line. */
abstract class LockFreeBucketStackL2Pad extends LockFreeBucketStackFields {
    byte p2000,p2001,p2002,p2003,p2004,p2005,p2006,p2007; //   8b
    byte p2010,p2011,p2012,p2013,p2014,p2015,p2016,p2017; //  16b
    byte p2020,p2021,p2022,p2023,p2024,p2025,p2026,p2027; //  24b
    byte p2030,p2031,p2032,p2033,p2034,p2035,p2036,p2037; //  32b
    byte p2040,p2041,p2042,p2043,p2044,p2045,p2046,p2047; //  40b
    byte p2050,p2051,p2052,p2053,p2054,p2055,p2056,p2057; //  48b
    byte p2060,p2061,p2062,p2063,p2064,p2065,p2066,p2067; //  56b
    byte p2070,p2071,p2072,p2073,p2074,p2075,p2076,p2077; //  64b
    byte p2080,p2081,p2082,p2083,p2084,p2085,p2086,p2087; //  72b
    byte p2090,p2091,p2092,p2093,p2094,p2095,p2096,p2097; //  80b
    byte p2100,p2101,p2102,p2103,p2104,p2105,p2106,p2107; //  88b
    byte p2110,p2111,p2112,p2113,p2114,p2115,p2116,p2117; //  96b
    byte p2120,p2121,p2122,p2123,p2124,p2125,p2126,p2127; // 104b
    byte p2130,p2131,p2132,p2133,p2134,p2135,p2136,p2137; // 112b
    byte p2140,p2141,p2142,p2143,p2144,p2145,p2146,p2147; // 120b
    byte p2150,p2151,p2152,p2153,p2154,p2155,p2156,p2157; // 128b
}

/**
 * A lock-free LIFO of bucket ids (a Treiber stack), linked through a {@code next} array the caller owns
 * and passes to every call: the bucket store's per-thread stacks of full buckets, its shared stack of full
 * buckets and its stack of partly filled buckets are all of this kind. An id is on at most one stack of
 * one link array at a time, and a stack grows to any number of ids with no allocation.
 *
 * <p><b>Thread safety.</b> Any number of threads may push and pop at once: the owner of a per-thread
 * stack pushes and pops while other threads steal from it with the same {@link #pop}. No thread waits for
 * another: a thread descheduled inside a call delays no one, so virtual threads and preempted threads are
 * safe. Every call is one head CAS when uncontended.
 *
 * <p><b>Memory consistency effects.</b> Actions of a thread before it pushes an id happen-before the
 * actions of the thread whose pop returns that id.
 *
 * <p><b>Algorithm and ABA.</b> A push writes the old top into {@code next[id]} and swings the head to
 * {@code id} by one CAS; a pop reads the top's link and swings the head past it by one CAS. Every change of
 * the head adds 1 to its 32-bit stamp, so a pop whose CAS succeeds proves that the head did not change
 * since it read it (unless it changed a multiple of 2^32 times meanwhile, over four billion CASes on one
 * cache line while one thread reads one int): the link it read is the one published by the release of the
 * CAS that installed that top. The link read itself is plain and may be stale, and is trusted only once
 * the CAS succeeds.
 *
 * <p><b>Note:</b> {@link #size()} may lag the stack while calls are in flight, but is exact when none is.
 */
public final class LockFreeBucketStack extends LockFreeBucketStackL2Pad {
    /** What {@link #pop} returns from an empty stack, and what ends a chain of links. */
    public static final int EMPTY = -1;

    /** Creates an empty stack. */
    public LockFreeBucketStack() {
        // the head's default, 0, is the empty stack
    }

    /**
     * Pushes an id that is on no stack of {@code next}.
     *
     * @param next the links, shared by every stack the id may be on; {@code next[id]} is overwritten.
     * @param id   the id, {@code 0..next.length - 1}.
     * @throws IndexOutOfBoundsException if {@code id} lies outside {@code next}.
     */
    public void push(final int[] next, final int id) {
        Objects.checkIndex(id, next.length);
        long head = lvHead();
        while (true) {
            // plain: published, with everything before it, by the release of the CAS below
            next[id] = topOf(head);
            final long witness = caeHead(head, nextHead(head, id));
            if (witness == head) {
                break;
            }
            head = witness; // another thread pushed or popped first
            Thread.onSpinWait();
        }
        // after the head CAS: the size may lag the stack (see size()), and nothing correct depends on it
        xaddSize(1);
    }

    /**
     * Pops the newest id.
     *
     * @param next the links the ids were pushed with.
     * @return the id, or {@link #EMPTY}.
     */
    public int pop(final int[] next) {
        // acquire: the top's link was written before the release that installed that top
        long head = laHead();
        while (true) {
            final int top = topOf(head);
            if (top == EMPTY) {
                return EMPTY;
            }
            // plain and racy: trusted only if the CAS below proves that the head never moved
            final int below = next[top];
            // the linearization point
            final long witness = caeHead(head, nextHead(head, below));
            if (witness == head) {
                // after the head CAS, as in push
                xaddSize(-1);
                return top;
            }
            // volatile CAE: the witness is read with acquire, ready for the next try
            head = witness;
            Thread.onSpinWait();
        }
    }

    /**
     * @return how many ids are on the stack. <b>Note:</b> it may lag while calls are in flight.
     */
    public int size() {
        return Math.max(0, lvSize());
    }

    /** @return the top id in a head, or {@link #EMPTY}. */
    static int topOf(final long head) {
        return (int) head - 1;
    }

    /** @return the head after one change: stamp + 1 (wrapping), top {@code top}. */
    static long nextHead(final long head, final int top) {
        return ((head >>> Integer.SIZE) + 1) << Integer.SIZE | (top + 1) & 0xFFFF_FFFFL;
    }

    private long lvHead() {
        return (long) HEAD.getVolatile(this);
    }

    private long laHead() {
        return (long) HEAD.getAcquire(this);
    }

    private long caeHead(final long expect, final long update) {
        return (long) HEAD.compareAndExchange(this, expect, update);
    }

    private int lvSize() {
        return (int) SIZE.getVolatile(this);
    }

    private void xaddSize(final int delta) {
        SIZE.getAndAdd(this, delta);
    }

    private static final VarHandle HEAD;
    private static final VarHandle SIZE;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(LockFreeBucketStackFields.class, "head", long.class);
            SIZE = lookup.findVarHandle(LockFreeBucketStackFields.class, "size", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
