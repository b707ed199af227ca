package io.mempool.driver.ring;

import io.mempool.api.Checks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What every call reads and nobody writes: placed before the first pad, so no index write ever shares
 * a cache line with it (JCTools puts its buffer and mask the same way).
 */
abstract class LongRingConfig {
    /** The slot table, {@code mask + 1} long, a power of two. */
    final long[] slots;
    /** {@code slots.length - 1}: an index maps to its slot as {@code index & mask}. */
    final int mask;
    /** Most handles the ring holds: {@code slots.length - 1}, or the count asked for with exact size. */
    final int capacity;
    /** How producers synchronise with each other. */
    final LongRing.SyncMode prodSync;
    /** How consumers synchronise with each other. */
    final LongRing.SyncMode consSync;
    /** RTS producers: largest head - tail distance before a new producer waits. */
    final int prodHtdMax;
    /** RTS consumers: largest head - tail distance before a new consumer waits. */
    final int consHtdMax;

    LongRingConfig(final LongRingSpec spec) {
        slots = new long[spec.slots()];
        mask = spec.slots() - 1;
        capacity = spec.capacity();
        prodSync = spec.producer();
        consSync = spec.consumer();
        prodHtdMax = spec.producer() == LongRing.SyncMode.RTS ? spec.htdMax() : 0;
        consHtdMax = spec.consumer() == LongRing.SyncMode.RTS ? spec.htdMax() : 0;
    }
}

/** 128 bytes between the config and the producer's words: two lines, for adjacent-line prefetch. */
abstract class LongRingL1Pad extends LongRingConfig {
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

    LongRingL1Pad(final LongRingSpec spec) {
        super(spec);
    }
}

/** The producer's head and tail words (layout: see {@link LongRing}). */
abstract class LongRingProducerFields extends LongRingL1Pad {
    /** Producer head word: next index to reserve (unused by HTS, which keeps its head in the tail word). */
    long prodHead;
    /** Producer tail word: its low 32 bits are the index up to which handles are published. */
    long prodTail;

    LongRingProducerFields(final LongRingSpec spec) {
        super(spec);
    }
}

/** 128 bytes between the producer's and the consumer's words. */
abstract class LongRingL2Pad extends LongRingProducerFields {
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

    LongRingL2Pad(final LongRingSpec spec) {
        super(spec);
    }
}

/** The consumer's head and tail words (layout: see {@link LongRing}). */
abstract class LongRingConsumerFields extends LongRingL2Pad {
    /** Consumer head word: next index to reserve (unused by HTS). */
    long consHead;
    /** Consumer tail word: its low 32 bits are the index up to which slots are free again. */
    long consTail;

    LongRingConsumerFields(final LongRingSpec spec) {
        super(spec);
    }
}

/** 128 bytes after the consumer's words, so a neighbouring object cannot share their lines. */
abstract class LongRingL3Pad extends LongRingConsumerFields {
    byte p3000,p3001,p3002,p3003,p3004,p3005,p3006,p3007; //   8b
    byte p3010,p3011,p3012,p3013,p3014,p3015,p3016,p3017; //  16b
    byte p3020,p3021,p3022,p3023,p3024,p3025,p3026,p3027; //  24b
    byte p3030,p3031,p3032,p3033,p3034,p3035,p3036,p3037; //  32b
    byte p3040,p3041,p3042,p3043,p3044,p3045,p3046,p3047; //  40b
    byte p3050,p3051,p3052,p3053,p3054,p3055,p3056,p3057; //  48b
    byte p3060,p3061,p3062,p3063,p3064,p3065,p3066,p3067; //  56b
    byte p3070,p3071,p3072,p3073,p3074,p3075,p3076,p3077; //  64b
    byte p3080,p3081,p3082,p3083,p3084,p3085,p3086,p3087; //  72b
    byte p3090,p3091,p3092,p3093,p3094,p3095,p3096,p3097; //  80b
    byte p3100,p3101,p3102,p3103,p3104,p3105,p3106,p3107; //  88b
    byte p3110,p3111,p3112,p3113,p3114,p3115,p3116,p3117; //  96b
    byte p3120,p3121,p3122,p3123,p3124,p3125,p3126,p3127; // 104b
    byte p3130,p3131,p3132,p3133,p3134,p3135,p3136,p3137; // 112b
    byte p3140,p3141,p3142,p3143,p3144,p3145,p3146,p3147; // 120b
    byte p3150,p3151,p3152,p3153,p3154,p3155,p3156,p3157; // 128b

    LongRingL3Pad(final LongRingSpec spec) {
        super(spec);
    }
}

/**
 * DPDK's {@code rte_ring} for {@code long} handles: a bounded FIFO of power-of-two slots with
 * free-running 32-bit indices, bulk (all or nothing) and burst (as many as possible) calls, and a
 * {@link SyncMode} per side chosen at build time, as DPDK's ring flags choose it.
 *
 * <pre>{@code
 * LongRing ring = LongRing.builder(1024).producer(SyncMode.MULTI).consumer(SyncMode.SINGLE).build();
 * int added = ring.enqueueBulk(table, 0, 32);   // 32 or 0
 * int taken = ring.dequeueBurst(table, 0, 32);  // 0..32
 * }</pre>
 *
 * <p><b>Thread safety.</b> A {@link SyncMode#MULTI}, {@link SyncMode#RTS} or {@link SyncMode#HTS} side
 * may be called by any number of threads at once; a {@link SyncMode#SINGLE} side by one thread at a time
 * (handing it to another thread needs a happens-before edge of the caller's own). The two sides never
 * wait for each other. Every call is all-or-nothing for bulk and a FIFO prefix for burst.
 *
 * <p><b>Memory consistency effects.</b> Writing a handle's memory and then enqueuing the handle
 * happens-before reading that memory after a dequeue returns the handle: a producer publishes with a
 * release store (or CAS) of its tail, a consumer reads the producer tail with an acquire load before it
 * reads a slot, and the same edge runs the other way before a producer overwrites a freed slot.
 *
 * <p><b>Layout.</b> Each side has two 64-bit words on cache lines of their own (128-byte pads, so
 * adjacent-line prefetch does not couple them). Indices are 32-bit and free-running: slot
 * {@code index & mask}, distances by {@code int} subtraction, so crossing 2<sup>32</sup> is harmless.
 * <b>In every mode the low 32 bits of a side's tail word are that side's tail index</b>, which is the
 * only thing the opposite side ever reads, so any two modes combine (DPDK's headtail structs keep the
 * tail at one offset for the same reason). The high 32 bits and the head word depend on the mode:
 * <table>
 *   <caption>Words per sync mode</caption>
 *   <tr><th>mode</th><th>head word</th><th>tail word</th></tr>
 *   <tr><td>SINGLE, MULTI</td><td>{head index, 0}</td><td>{tail index, 0}</td></tr>
 *   <tr><td>RTS</td><td>{head index, head count}</td><td>{tail index, tail count}</td></tr>
 *   <tr><td>HTS</td><td>unused</td><td>{tail index, head index}: one CAS sees and moves both</td></tr>
 * </table>
 * (Each pair is written {low, high}.)
 *
 * <p><b>Note:</b> {@link #count()} may lag while other threads enqueue or dequeue; it is exact when the
 * ring is quiescent. A MULTI side is not preemption-safe: a thread descheduled between reserving and
 * publishing stalls the threads of its side behind it; RTS and HTS exist for that case.
 */
public final class LongRing extends LongRingL3Pad {

    /** Largest slot count: the largest power of two within DPDK's {@code RTE_RING_SZ_MASK} (0x7fffffff). */
    public static final int MAX_SLOTS = 1 << 30;

    /** Largest capacity of an exact-size ring: its slots, {@code pow2(count + 1)}, must fit {@link #MAX_SLOTS}. */
    public static final int MAX_EXACT_CAPACITY = MAX_SLOTS - 1;

    /** How the threads of one side (producers or consumers) synchronise: DPDK's ring sync types. */
    public enum SyncMode {
        /** One thread at a time ({@code RING_F_SP_ENQ} / {@code RING_F_SC_DEQ}): a plain head, no CAS, no wait. */
        SINGLE,
        /** Any threads (DPDK's default MP/MC): CAS on the head, then publish the tail in reservation order. */
        MULTI,
        /**
         * Relaxed tail sync ({@code RING_F_MP_RTS_ENQ} / {@code RING_F_MC_RTS_DEQ}): the last of the
         * threads in flight moves the tail, so nobody waits on one particular predecessor; a new thread
         * waits only while the head runs more than {@code htdMax} ahead of the tail.
         *
         * <p><b>Note:</b> the tail index moves only when the last operation in flight finishes, so the
         * opposite side may see up to {@code htdMax} + the largest request fewer free slots (or handles)
         * than are really done; size the ring for that if puts of circulating handles must never fail.
         */
        RTS,
        /**
         * Head/tail sync ({@code RING_F_MP_HTS_ENQ} / {@code RING_F_MC_HTS_DEQ}): an operation starts only
         * when the side's head equals its tail, so operations of one side run one at a time.
         */
        HTS
    }

    /** The side a shared helper works on; callers pass a constant, so the JIT folds the choice. */
    private static final boolean PROD = true;
    private static final boolean CONS = false;
    /** DPDK's queue behaviour: FIXED moves exactly n or nothing (bulk), VARIABLE as many as it can (burst). */
    private static final boolean FIXED = true;
    private static final boolean VARIABLE = false;

    LongRing(final LongRingSpec spec) {
        super(spec);
        // plain: the ring is not yet shared; whoever shares it publishes it safely (the slots are final)
        prodHead = initialWord(prodSync, spec.startIndex());
        prodTail = prodHead;
        consHead = initialWord(consSync, spec.startIndex());
        consTail = consHead;
    }

    /**
     * Starts a ring description; {@code build()} validates it.
     *
     * @param count the slot count, a power of two in {@code 1..}{@link #MAX_SLOTS} (capacity
     *              {@code count - 1}); or, with {@link LongRingBuilder#exactSize(boolean) exactSize(true)}, the
     *              exact capacity, {@code 1..}{@link #MAX_EXACT_CAPACITY}.
     * @return a builder with both sides {@link SyncMode#MULTI}.
     */
    public static LongRingBuilder builder(final int count) {
        return new LongRingBuilder(count);
    }

    /**
     * Adds all of {@code objs[offset .. offset + n)} or none: DPDK's {@code rte_ring_enqueue_bulk}.
     * Callable as the producer side's {@link SyncMode} allows.
     *
     * @param objs   the handles.
     * @param offset the first slot of {@code objs} read.
     * @param n      how many handles.
     * @return {@code n} if all were added; 0 if there was no room for all (nothing was added) or n is 0.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} negative; nothing changes.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}; nothing changes.
     */
    public int enqueueBulk(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        return enqueue(objs, offset, n, FIXED);
    }

    /**
     * Adds as many of {@code objs[offset .. offset + n)} as there is room for, in order: DPDK's
     * {@code rte_ring_enqueue_burst}. Callable as the producer side's {@link SyncMode} allows.
     *
     * @param objs   the handles.
     * @param offset the first slot of {@code objs} read.
     * @param n      how many handles at most.
     * @return how many were added, {@code 0..n}: the first ones of the range.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} negative; nothing changes.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}; nothing changes.
     */
    public int enqueueBurst(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        return enqueue(objs, offset, n, VARIABLE);
    }

    /**
     * Takes the {@code n} oldest handles into {@code objs[offset .. offset + n)}, or none: DPDK's
     * {@code rte_ring_dequeue_bulk}. Callable as the consumer side's {@link SyncMode} allows.
     *
     * @param objs   the table to fill.
     * @param offset the first slot of {@code objs} written.
     * @param n      how many handles.
     * @return {@code n} if all were taken; 0 if fewer were present or n is 0, and then {@code objs} was
     *     not written.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} negative; nothing changes.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}; nothing changes.
     */
    public int dequeueBulk(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        return dequeue(objs, offset, n, FIXED);
    }

    /**
     * Takes up to {@code n} of the oldest handles into {@code objs[offset ..)}: DPDK's
     * {@code rte_ring_dequeue_burst}. Callable as the consumer side's {@link SyncMode} allows.
     *
     * @param objs   the table to fill.
     * @param offset the first slot of {@code objs} written.
     * @param n      how many handles at most.
     * @return how many were taken, {@code 0..n}; only that many slots of {@code objs} were written.
     * @throws IllegalArgumentException  if {@code objs} is null or {@code n} negative; nothing changes.
     * @throws IndexOutOfBoundsException if the range lies outside {@code objs}; nothing changes.
     */
    public int dequeueBurst(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        return dequeue(objs, offset, n, VARIABLE);
    }

    /**
     * The number of handles in the ring: DPDK's {@code rte_ring_count}. Any thread may call it.
     * <b>Note:</b> it may lag while other threads enqueue or dequeue, and is exact when they do not.
     *
     * @return the count, {@code 0..capacity()}.
     */
    public int count() {
        // acquire both; consumer tail first: tails only grow, so the producer tail read after it is not behind it
        final int consumerTail = (int) laTail(CONS);
        final int producerTail = (int) laTail(PROD);
        final int count = producerTail - consumerTail;
        // consumers and producers moved between the two reads: clamp as DPDK does
        return Integer.compareUnsigned(count, capacity) > 0 ? capacity : count;
    }

    /**
     * DPDK's {@code rte_ring_free_count}. <b>Note:</b> lags like {@link #count()}.
     *
     * @return {@code capacity() - count()}.
     */
    public int freeCount() {
        return capacity - count();
    }

    /**
     * @return the most handles the ring holds at once.
     */
    public int capacity() {
        return capacity;
    }

    /**
     * @return the number of slots, a power of two: {@code capacity() + 1}, or more for an exact-size ring.
     */
    public int slots() {
        return mask + 1;
    }

    /**
     * <b>Note:</b> lags like {@link #count()}.
     *
     * @return whether {@code count() == capacity()}.
     */
    public boolean isFull() {
        return count() == capacity;
    }

    /**
     * <b>Note:</b> lags like {@link #count()}.
     *
     * @return whether {@code count() == 0}.
     */
    public boolean isEmpty() {
        return count() == 0;
    }

    /**
     * @return how producers synchronise.
     */
    public SyncMode producerSync() {
        return prodSync;
    }

    /**
     * @return how consumers synchronise.
     */
    public SyncMode consumerSync() {
        return consSync;
    }

    /**
     * @return a summary: modes, capacity, slots and the current count.
     */
    @Override
    public String toString() {
        return "LongRing{producer=" + prodSync + ", consumer=" + consSync + ", capacity=" + capacity
            + ", slots=" + slots() + ", count=" + count() + '}';
    }

    /** The enqueue of every mode and behaviour; the arguments are checked. Returns how many were added. */
    private int enqueue(final long[] objs, final int offset, final int n, final boolean fixed) {
        if (n == 0) {
            return 0; // nothing to reserve: do not wait behind RTS or HTS operations in flight
        }
        final SyncMode sync = prodSync;
        final long reserved = moveHead(PROD, sync, n, fixed);
        final int k = reservedCount(reserved);
        if (k != 0) {
            final int head = reservedHead(reserved);
            copyIn(objs, offset, head, k);
            updateTail(PROD, sync, head, k);
        }
        return k;
    }

    /** The dequeue of every mode and behaviour; the arguments are checked. Returns how many were taken. */
    private int dequeue(final long[] objs, final int offset, final int n, final boolean fixed) {
        if (n == 0) {
            return 0; // nothing to reserve: do not wait behind RTS or HTS operations in flight
        }
        final SyncMode sync = consSync;
        final long reserved = moveHead(CONS, sync, n, fixed);
        final int k = reservedCount(reserved);
        if (k != 0) {
            final int head = reservedHead(reserved);
            copyOut(objs, offset, head, k);
            updateTail(CONS, sync, head, k);
        }
        return k;
    }

    /** Reserves up to n indices on one side; returns {count, first index} packed by {@link #reservation}. */
    private long moveHead(final boolean prod, final SyncMode sync, final int n, final boolean fixed) {
        if (sync == SyncMode.MULTI) {
            return moveHeadMulti(prod, n, fixed);
        }
        if (sync == SyncMode.SINGLE) {
            return moveHeadSingle(prod, n, fixed);
        }
        return sync == SyncMode.RTS ? moveHeadRts(prod, n, fixed) : moveHeadHts(prod, n, fixed);
    }

    /** Publishes the k indices from head on one side, as its mode requires. */
    private void updateTail(final boolean prod, final SyncMode sync, final int head, final int k) {
        final int next = head + k;
        if (sync == SyncMode.MULTI) {
            // acquire: our predecessors' slot accesses then happen-before our release, so the other side
            // that sees our tail sees theirs [tails are published in reservation order]
            while ((int) laTail(prod) != head) {
                Thread.onSpinWait(); // a thread that reserved before us has not published yet
            }
            soTail(prod, word(next, 0)); // release: our slot accesses before the other side sees them
        } else if (sync == SyncMode.SINGLE) {
            soTail(prod, word(next, 0)); // release: our slot accesses before the other side sees them
        } else if (sync == SyncMode.RTS) {
            updateTailRts(prod);
        } else {
            // release: our slot accesses before the other side sees the tail; a plain word store is safe
            // because no thread of this side can CAS the word while its head differs from its tail
            soTail(prod, word(next, next));
        }
    }

    private long moveHeadSingle(final boolean prod, final int n, final boolean fixed) {
        final int head = (int) lpHead(prod); // plain: only this side's single thread writes its head
        final int k = clamp(n, available(prod, head), fixed);
        if (k <= 0) {
            return 0;
        }
        spHead(prod, word(head + k, 0)); // plain: nobody else reads a SINGLE head; the tail store publishes
        return reservation(k, head);
    }

    private long moveHeadMulti(final boolean prod, final int n, final boolean fixed) {
        for (;;) {
            // acquire (DPDK A0): see at least the other side's tail that the last mover of our head saw,
            // so the room computed below is never more than the truth [available() >= 0]
            final long h = laHead(prod);
            final int head = (int) h;
            final int k = clamp(n, available(prod, head), fixed);
            if (k <= 0) {
                return 0;
            }
            // release (DPDK R1): pairs with the acquire above in the next mover; success reserves [head, head+k)
            if (weakCasHeadRelease(prod, h, word(head + k, 0))) {
                return reservation(k, head);
            }
            Thread.onSpinWait(); // another thread of this side moved the head first
        }
    }

    private long moveHeadRts(final boolean prod, final int n, final boolean fixed) {
        final int htdMax = prod ? prodHtdMax : consHtdMax;
        for (;;) {
            final long h = laHead(prod); // acquire (DPDK A1): as in moveHeadMulti
            final int head = low(h);
            // acquire: the tail index of our own side, to bound the operations in flight
            if (Integer.compareUnsigned(head - low(laTail(prod)), htdMax) > 0) {
                Thread.onSpinWait(); // more than htdMax indices in flight on this side: let them finish
                continue;
            }
            final int k = clamp(n, available(prod, head), fixed);
            if (k <= 0) {
                return 0;
            }
            // release (DPDK R1): success reserves [head, head+k) and counts one more operation in flight
            if (weakCasHeadRelease(prod, h, word(head + k, high(h) + 1))) {
                return reservation(k, head);
            }
            Thread.onSpinWait(); // another thread of this side moved the head first
        }
    }

    /** RTS finish: count this operation done; the one that completes the head's count moves the tail index. */
    private void updateTailRts(final boolean prod) {
        // acquire (DPDK A0): see a head count at least as new as the one the last tail writer compared with
        long tail = laTail(prod);
        for (;;) {
            final long h = laHead(prod); // acquire: a fresh head each try (DPDK reads it relaxed)
            final int done = high(tail) + 1;
            // [done == head count] iff every reserved operation of this side has finished its copy
            final long next = done == high(h) ? word(low(h), done) : word(low(tail), done);
            // volatile CAS: release publishes our slot accesses (DPDK R0); its witness is read with acquire
            final long witness = caxTail(prod, tail, next);
            if (witness == tail) {
                return;
            }
            tail = witness; // another operation of this side finished first: count on top of it
        }
    }

    private long moveHeadHts(final boolean prod, final int n, final boolean fixed) {
        for (;;) {
            final long ht = laTail(prod); // acquire (DPDK A0): the {tail, head} word of this side
            final int head = high(ht);
            if (head != low(ht)) {
                Thread.onSpinWait(); // an operation of this side is in flight: wait until it publishes
                continue;
            }
            final int k = clamp(n, available(prod, head), fixed);
            if (k <= 0) {
                return 0;
            }
            // release (DPDK R1): success moves the head only if the word still shows no operation in flight
            if (weakCasTailRelease(prod, ht, word(head, head + k))) {
                return reservation(k, head);
            }
            Thread.onSpinWait(); // another thread of this side started first
        }
    }

    /**
     * Room (producer) or handles (consumer) beyond {@code head}, computed as DPDK does in unsigned 32-bit
     * arithmetic: {@code capacity + consumer tail - head} or {@code producer tail - head}.
     */
    private int available(final boolean prod, final int head) {
        // acquire (DPDK A1/A2): the other side's slot accesses up to its tail happen-before ours
        final int otherTail = low(laTail(!prod));
        return (prod ? capacity : 0) + otherTail - head;
    }

    private void copyIn(final long[] objs, final int offset, final int head, final int k) {
        final long[] slots = this.slots;
        final int index = head & mask;
        final int beforeWrap = slots.length - index;
        if (k <= beforeWrap) {
            System.arraycopy(objs, offset, slots, index, k);
        } else {
            System.arraycopy(objs, offset, slots, index, beforeWrap);
            System.arraycopy(objs, offset + beforeWrap, slots, 0, k - beforeWrap);
        }
    }

    private void copyOut(final long[] objs, final int offset, final int head, final int k) {
        final long[] slots = this.slots;
        final int index = head & mask;
        final int beforeWrap = slots.length - index;
        if (k <= beforeWrap) {
            System.arraycopy(slots, index, objs, offset, k);
        } else {
            System.arraycopy(slots, index, objs, offset, beforeWrap);
            System.arraycopy(slots, 0, objs, offset + beforeWrap, k - beforeWrap);
        }
    }

    /** DPDK's behaviour switch: all n or nothing (FIXED), or as many as available (VARIABLE). */
    private static int clamp(final int n, final int available, final boolean fixed) {
        return n <= available ? n : fixed ? 0 : available;
    }

    /** {count, first index} of a reservation in one long, so moving a head allocates nothing. */
    private static long reservation(final int count, final int head) {
        return word(head, count);
    }

    private static int reservedCount(final long reservation) {
        return high(reservation);
    }

    private static int reservedHead(final long reservation) {
        return low(reservation);
    }

    /** A 64-bit word of {@code low} in bits 0..31 and {@code high} in bits 32..63. */
    private static long word(final int low, final int high) {
        return (long) high << 32 | Integer.toUnsignedLong(low);
    }

    private static int low(final long word) {
        return (int) word;
    }

    private static int high(final long word) {
        return (int) (word >>> 32);
    }

    /** The start word of a side: index {@code start}, and for HTS a head equal to it (none in flight). */
    private static long initialWord(final SyncMode sync, final int start) {
        return word(start, sync == SyncMode.HTS ? start : 0);
    }

    private long lpHead(final boolean prod) {
        return prod ? prodHead : consHead;
    }

    private void spHead(final boolean prod, final long value) {
        if (prod) {
            prodHead = value;
        } else {
            consHead = value;
        }
    }

    private long laHead(final boolean prod) {
        return prod ? (long) PROD_HEAD.getAcquire(this) : (long) CONS_HEAD.getAcquire(this);
    }

    private boolean weakCasHeadRelease(final boolean prod, final long expect, final long update) {
        return prod
            ? PROD_HEAD.weakCompareAndSetRelease(this, expect, update)
            : CONS_HEAD.weakCompareAndSetRelease(this, expect, update);
    }

    private long laTail(final boolean prod) {
        return prod ? (long) PROD_TAIL.getAcquire(this) : (long) CONS_TAIL.getAcquire(this);
    }

    private void soTail(final boolean prod, final long value) {
        if (prod) {
            PROD_TAIL.setRelease(this, value);
        } else {
            CONS_TAIL.setRelease(this, value);
        }
    }

    private boolean weakCasTailRelease(final boolean prod, final long expect, final long update) {
        return prod
            ? PROD_TAIL.weakCompareAndSetRelease(this, expect, update)
            : CONS_TAIL.weakCompareAndSetRelease(this, expect, update);
    }

    private long caxTail(final boolean prod, final long expect, final long update) {
        return prod
            ? (long) PROD_TAIL.compareAndExchange(this, expect, update)
            : (long) CONS_TAIL.compareAndExchange(this, expect, update);
    }

    private static final VarHandle PROD_HEAD;
    private static final VarHandle PROD_TAIL;
    private static final VarHandle CONS_HEAD;
    private static final VarHandle CONS_TAIL;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            PROD_HEAD = lookup.findVarHandle(LongRingProducerFields.class, "prodHead", long.class);
            PROD_TAIL = lookup.findVarHandle(LongRingProducerFields.class, "prodTail", long.class);
            CONS_HEAD = lookup.findVarHandle(LongRingConsumerFields.class, "consHead", long.class);
            CONS_TAIL = lookup.findVarHandle(LongRingConsumerFields.class, "consTail", long.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
