package io.mempool.driver.stack;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** 128 B before the head line (adjacent-line prefetch). */
abstract class LfStackListL1Pad {
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

/**
 * A list's head and length: every push and pop on the list changes both, so they share a line, as
 * in DPDK's {@code struct rte_stack_lf_list}.
 */
abstract class LfStackListFields extends LfStackListL1Pad {
    /** The tagged head: a stamp in the high bits, the top node's index + 1 in the low bits (0: empty). */
    long head;
    /** Nodes that may still be reserved; never more than the nodes reachable from the head. */
    int len;
}

/** 128 B after the head line, keeping the read-only fields below off it. */
abstract class LfStackListL2Pad extends LfStackListFields {
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
 * One of the two lists of a {@link LockFreeLongStack} ({@code used} or {@code free}): a LIFO chain of
 * node indices through the shared {@code next} array, with a tagged head and a length. Every method is
 * safe for any number of threads at once; see {@link LockFreeLongStack} for the algorithm and the
 * memory-order argument.
 */
final class LfStackList extends LfStackListL2Pad {
    /** The end of a chain in {@code next}. */
    static final int NIL = -1;

    private final int[] next;
    private final long[] values;
    /** Selects the low (index + 1) bits of {@link #head}; the stamp is everything above. */
    private final long indexMask;

    /**
     * @param next      the node links, shared by both lists of the stack.
     * @param values    the node values, shared by both lists of the stack.
     * @param indexBits how many low bits of the head hold the top index + 1.
     * @param top       the first node of the initial chain, or {@link #NIL}.
     * @param length    the number of nodes in the initial chain.
     */
    LfStackList(final int[] next, final long[] values, final int indexBits, final int top, final int length) {
        this.next = next;
        this.values = values;
        this.indexMask = (1L << indexBits) - 1;
        // plain: the stack's final fields publish the list with the stack
        head = top + 1;
        len = length;
    }

    /**
     * Takes {@code n} from the length, or nothing if it is smaller. A successful reservation
     * guarantees that {@link #unlink} finds {@code n} nodes.
     *
     * @param n how many nodes, {@code >= 1}.
     * @return whether {@code n} nodes were reserved.
     */
    boolean reserve(final int n) {
        int length = lvLen();
        while (length >= n) {
            final int witness = caeLen(length, length - n);
            if (witness == length) {
                return true;
            }
            length = witness; // another thread reserved or returned nodes first
            Thread.onSpinWait();
        }
        return false;
    }

    /**
     * Unlinks the top {@code n} nodes with one head CAS; the caller must have {@link #reserve reserved}
     * them. If {@code table} is not null, the nodes' values are copied to it top first; a walk that is
     * retried copies again, so only the walk whose CAS succeeded leaves its values.
     *
     * @param n      how many nodes, {@code >= 1}.
     * @param table  where the values go, or null.
     * @param offset the first slot of {@code table} written.
     * @return the chain, as {@link #chain(int, int)} packs it; the caller now owns its nodes.
     */
    long unlink(final int n, final long[] table, final int offset) {
        final int[] links = next;
        final long[] vals = values;
        final long mask = indexMask;
        final int nodes = links.length;
        // acquire: the chain from this head was written before the release that installed it
        long head = laHead();
        while (true) {
            final int first = topOf(head, mask);
            int node = first;
            int last = NIL;
            int walked = 0;
            // a stale chain may end early or hold any index ever written: guard before each use
            while (walked < n && node >= 0 && node < nodes) {
                if (table != null) {
                    // plain read: valid only if the CAS below proves the head never moved
                    table[offset + walked] = vals[node];
                }
                last = node;
                node = links[node];
                walked++;
            }
            if (walked == n && node >= NIL && node < nodes) {
                // the linearization point: the same stamp means no push or pop changed this list
                final long witness = caeHead(head, nextHead(head, mask, node));
                if (witness == head) {
                    return chain(first, last);
                }
                // volatile CAE: the failed witness is read with acquire, ready to walk
                head = witness;
            } else {
                // the list changed under the walk
                head = laHead();
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Links a chain the caller owns on top, with one head CAS, then adds its length.
     *
     * @param first the chain's top node.
     * @param last  the chain's bottom node, reached from {@code first} through {@code next}.
     * @param n     the chain's length.
     */
    void link(final int first, final int last, final int n) {
        final int[] links = next;
        final long mask = indexMask;
        // acquire not needed: only the index is used, the chain below is not read
        long head = lvHead();
        while (true) {
            // plain: published, with the caller's node writes, by the release of the CAS below
            links[last] = topOf(head, mask);
            final long witness = caeHead(head, nextHead(head, mask, first));
            if (witness == head) {
                break;
            }
            head = witness; // another thread pushed or popped first
            Thread.onSpinWait();
        }
        // after the head CAS: len never counts a node that a walk from the head cannot reach
        xaddLen(n);
    }

    /**
     * @return the length: nodes neither reserved nor in flight. <b>Note:</b> it may lag, never leads.
     */
    int count() {
        return lvLen();
    }

    /** @return the top node's index in a head, or {@link #NIL}. */
    static int topOf(final long head, final long mask) {
        return (int) (head & mask) - 1;
    }

    /**
     * The head after one change: stamp + 1 (wrapping), top {@code top}. Setting every index bit and
     * adding 1 carries into the stamp and clears the index bits in one step.
     */
    static long nextHead(final long head, final long mask, final int top) {
        return ((head | mask) + 1) | (top + 1);
    }

    /** @return {@code first} and {@code last} packed in one long, so unlinking allocates nothing. */
    static long chain(final int first, final int last) {
        return ((long) first << 32) | (last & 0xFFFF_FFFFL);
    }

    /** @return the top node of a {@link #chain(int, int)}. */
    static int first(final long chain) {
        return (int) (chain >>> 32);
    }

    /** @return the bottom node of a {@link #chain(int, int)}. */
    static int last(final long chain) {
        return (int) chain;
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

    private int lvLen() {
        return (int) LEN.getVolatile(this);
    }

    private int caeLen(final int expect, final int update) {
        return (int) LEN.compareAndExchange(this, expect, update);
    }

    private void xaddLen(final int delta) {
        LEN.getAndAdd(this, delta);
    }

    private static final VarHandle HEAD;
    private static final VarHandle LEN;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(LfStackListFields.class, "head", long.class);
            LEN = lookup.findVarHandle(LfStackListFields.class, "len", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
