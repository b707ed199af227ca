package io.mempool.driver.bucket;

import io.mempool.api.Checks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** The slots and their mask, read by every call and never written: first, so no pad byte fills a hole before them. */
abstract class MpscAdoptionRingSlots {
    final long[] elements;
    final int mask;

    MpscAdoptionRingSlots(final int capacity) {
        if (capacity < 1 || capacity > MpscAdoptionRing.MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException(Checks.message("capacity", capacity,
                "a power of two in 1.." + MpscAdoptionRing.MAX_CAPACITY));
        }
        elements = new long[capacity];
        mask = capacity - 1;
    }
}

/** 128 B before the producers' line. */
abstract class MpscAdoptionRingL1Pad extends MpscAdoptionRingSlots {
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

    MpscAdoptionRingL1Pad(final int capacity) {
        super(capacity);
    }
}

/** The producers' index: every offer CASes it. */
abstract class MpscAdoptionRingProducerFields extends MpscAdoptionRingL1Pad {
    /** Slots reserved by producers so far, free-running. */
    long tail;

    MpscAdoptionRingProducerFields(final int capacity) {
        super(capacity);
    }
}

/** 128 B between the producers' line and the consumer's. */
abstract class MpscAdoptionRingL2Pad extends MpscAdoptionRingProducerFields {
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

    MpscAdoptionRingL2Pad(final int capacity) {
        super(capacity);
    }
}

/** The consumer's index and the claim that makes one thread at a time the consumer. */
abstract class MpscAdoptionRingConsumerFields extends MpscAdoptionRingL2Pad {
    /** Slots consumed so far, free-running; written only by the claim holder. */
    long head;
    /** 1 while a thread holds the consumer side, else 0; a long, so that no pad byte can fill a gap before it. */
    long claimed;

    MpscAdoptionRingConsumerFields(final int capacity) {
        super(capacity);
    }
}

/** 128 B after the consumer's line. */
abstract class MpscAdoptionRingL3Pad extends MpscAdoptionRingConsumerFields {
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

    MpscAdoptionRingL3Pad(final int capacity) {
        super(capacity);
    }
}

/**
 * A bounded multi-producer, single-consumer FIFO of handles: DPDK's bucket {@code adoption_buffer_ring},
 * where threads put the objects of buckets another thread owns, for that thread to put into their buckets
 * at its next dequeue. The single consumer is whoever holds the claim ({@link #tryClaim()}): normally the
 * owner, but a thread whose dequeue comes up short, or that adopts a dead owner's state, may take the
 * claim instead. Nobody ever waits for the claim: a thread that does not get it skips the ring.
 *
 * <p><b>Thread safety.</b> Any number of threads may {@link #offer} at once. Only the thread holding the
 * claim may {@link #poll} or {@link #release()}; the claim passes between threads with a happens-before
 * edge (the release store of one holder, the acquiring CAS of the next). No call waits for another
 * thread: a poll that meets a slot reserved by a producer that has not written it yet returns 0 instead
 * of waiting, so a descheduled producer delays only its own handle.
 *
 * <p><b>Memory consistency effects.</b> Actions of a thread before it offers a handle happen-before the
 * actions of the thread whose poll returns that handle.
 *
 * <p><b>Algorithm.</b> Producers reserve a slot by CAS on the free-running {@code tail} (failing, with
 * nothing changed, when {@code tail - head} reaches the capacity) and then write the handle into it with
 * a release store. Handles are never 0 (a pool's null), so 0 marks an empty slot: the consumer reads the
 * slot at {@code head} with acquire, and if it holds a handle, clears it and advances {@code head} with a
 * release store. A producer reads {@code head} with acquire before it reuses a slot, so it sees the clear.
 *
 * <p><b>Note:</b> {@link #size()} counts reserved slots, so it may lead the handles a poll can see while
 * offers are in flight, and lag while polls are; it is exact when no call is in flight.
 */
public final class MpscAdoptionRing extends MpscAdoptionRingL3Pad {
    /** The largest capacity: 2^30 handles. */
    public static final int MAX_CAPACITY = 1 << 30;

    /**
     * Creates an empty ring.
     *
     * @param capacity how many handles it holds, a power of two in {@code 1..}{@value #MAX_CAPACITY}.
     * @throws IllegalArgumentException if {@code capacity} is not.
     */
    public MpscAdoptionRing(final int capacity) {
        super(capacity);
    }

    /**
     * Adds a handle, if there is room.
     *
     * @param handle the handle, non-zero.
     * @return true if it was added; false if the ring is full, and nothing changed.
     * @throws IllegalArgumentException if {@code handle} is 0.
     */
    public boolean offer(final long handle) {
        if (handle == 0) {
            throw new IllegalArgumentException(Checks.message("handle", "0x0", "non-zero"));
        }
        final int capacity = mask + 1;
        long tail = lvTail();
        while (true) {
            // acquire (volatile): a slot is reused only after the consumer's clear of it is visible
            if (tail - lvHead() >= capacity) {
                return false;
            }
            // volatile CAE: reserves the slot, the offer's linearization point; one producer per slot
            final long witness = caeTail(tail, tail + 1);
            if (witness == tail) {
                break;
            }
            tail = witness; // another producer reserved the slot first
            Thread.onSpinWait();
        }
        // release: the handle, and everything before the offer, become visible to the acquiring poll
        soElement((int) tail & mask, handle);
        return true;
    }

    /**
     * Takes the consumer side, without waiting.
     *
     * @return true if this thread now holds the claim and may {@link #poll}; false if another thread does.
     */
    public boolean tryClaim() {
        // volatile CAS: acquires what the previous holder released, its head and its cleared slots
        return casClaimed(0L, 1L);
    }

    /** Gives the consumer side up; only the thread holding the claim may call this. */
    public void release() {
        // release: the next holder's acquiring CAS sees this holder's head and cleared slots
        soClaimed(0L);
    }

    /**
     * Takes the oldest handle; only the thread holding the claim may call this.
     *
     * @return the handle; or 0 if the ring is empty, or if the oldest slot's producer has reserved it but
     *     not written it yet (it becomes visible to a later poll).
     */
    public long poll() {
        // plain: only the claim holder writes head, and the claim's CAS ordered this read after its last write
        final long head = lpHead();
        final int index = (int) head & mask;
        // acquire: pairs with the producer's release store of the handle
        final long handle = laElement(index);
        if (handle == 0) {
            return 0;
        }
        // plain: published to the producer that reuses the slot by the release store of head below
        spElement(index, 0);
        soHead(head + 1);
        return handle;
    }

    /**
     * @return the handles in the ring. <b>Note:</b> may be off while calls are in flight; exact when none is.
     */
    public int size() {
        // head first: tail never falls behind a head read before it, so the difference is never negative
        final long head = lvHead();
        return (int) Math.min(lvTail() - head, mask + 1L);
    }

    /** @return whether the ring holds no handle and no offer is in flight. */
    public boolean isEmpty() {
        return lvHead() == lvTail();
    }

    /** @return the capacity. */
    public int capacity() {
        return mask + 1;
    }

    private long lvTail() {
        return (long) TAIL.getVolatile(this);
    }

    private long caeTail(final long expect, final long update) {
        return (long) TAIL.compareAndExchange(this, expect, update);
    }

    private long lvHead() {
        return (long) HEAD.getVolatile(this);
    }

    private long lpHead() {
        return (long) HEAD.get(this);
    }

    private void soHead(final long value) {
        HEAD.setRelease(this, value);
    }

    private boolean casClaimed(final long expect, final long update) {
        return CLAIMED.compareAndSet(this, expect, update);
    }

    private void soClaimed(final long value) {
        CLAIMED.setRelease(this, value);
    }

    private long laElement(final int index) {
        return (long) ELEMENT.getAcquire(elements, index);
    }

    private void spElement(final int index, final long value) {
        ELEMENT.set(elements, index, value);
    }

    private void soElement(final int index, final long value) {
        ELEMENT.setRelease(elements, index, value);
    }

    private static final VarHandle TAIL;
    private static final VarHandle HEAD;
    private static final VarHandle CLAIMED;
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(MpscAdoptionRingProducerFields.class, "tail", long.class);
            HEAD = lookup.findVarHandle(MpscAdoptionRingConsumerFields.class, "head", long.class);
            CLAIMED = lookup.findVarHandle(MpscAdoptionRingConsumerFields.class, "claimed", long.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
