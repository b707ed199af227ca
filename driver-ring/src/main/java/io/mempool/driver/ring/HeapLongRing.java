package io.mempool.driver.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** 128 bytes between the config and the producer's words: two lines, for adjacent-line prefetch. */
abstract class LongRingL1Pad extends LongRing {
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

/** The producer's head and tail words (layout: see {@link LongRing} and {@link HeapLongRing}). */
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

/** The consumer's head and tail words (layout: see {@link LongRing} and {@link HeapLongRing}). */
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
 * A {@link LongRing} on the Java heap: its four words are fields of this object, on cache lines of their
 * own (the pad chain above: 128 bytes between the config and the producer's words, between the producer's
 * and the consumer's, and after them), and its slots a {@code long[]}. What {@code build()} makes, and what
 * the {@code ring_*} ops allocate for a private pool: in JMH (benchmarks' {@code LongRingPerf}) the
 * off-heap ring is no faster, often slower, and this one needs neither native memory nor Agrona.
 *
 * <p>Thread safety and memory effects: see {@link LongRing}. Accessor names follow the package's
 * convention; each carries the order its caller needs, and the caller says why.
 */
final class HeapLongRing extends LongRingL3Pad {
    /** The slot table, {@code mask + 1} longs, read-only after construction (only its elements change). */
    private final long[] slots;

    HeapLongRing(final LongRingSpec spec) {
        super(spec);
        slots = new long[spec.slots()];
        // plain: the ring is not yet shared; whoever shares it publishes it safely (the slots are final)
        prodHead = initialWord(prodSync, spec.startIndex());
        prodTail = prodHead;
        consHead = initialWord(consSync, spec.startIndex());
        consTail = consHead;
    }

    @Override
    String where() {
        return "heap";
    }

    @Override
    void copyIn(final long[] objs, final int offset, final int head, final int k) {
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

    @Override
    void copyOut(final long[] objs, final int offset, final int head, final int k) {
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

    @Override
    long lpHead(final boolean prod) {
        return prod ? prodHead : consHead;
    }

    @Override
    void spHead(final boolean prod, final long value) {
        if (prod) {
            prodHead = value;
        } else {
            consHead = value;
        }
    }

    @Override
    long laHead(final boolean prod) {
        return prod ? (long) PROD_HEAD.getAcquire(this) : (long) CONS_HEAD.getAcquire(this);
    }

    @Override
    boolean weakCasHeadRelease(final boolean prod, final long expect, final long update) {
        return prod
            ? PROD_HEAD.weakCompareAndSetRelease(this, expect, update)
            : CONS_HEAD.weakCompareAndSetRelease(this, expect, update);
    }

    @Override
    long laTail(final boolean prod) {
        return prod ? (long) PROD_TAIL.getAcquire(this) : (long) CONS_TAIL.getAcquire(this);
    }

    @Override
    void soTail(final boolean prod, final long value) {
        if (prod) {
            PROD_TAIL.setRelease(this, value);
        } else {
            CONS_TAIL.setRelease(this, value);
        }
    }

    @Override
    boolean weakCasTailRelease(final boolean prod, final long expect, final long update) {
        return prod
            ? PROD_TAIL.weakCompareAndSetRelease(this, expect, update)
            : CONS_TAIL.weakCompareAndSetRelease(this, expect, update);
    }

    @Override
    long caxTail(final boolean prod, final long expect, final long update) {
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
