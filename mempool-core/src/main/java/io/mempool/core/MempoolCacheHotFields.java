package io.mempool.core;

/**
 * Everything the fast path reads and writes, on lines of their own: the stack and its bounds, the state,
 * the put range check's bounds, and a stripe's claim word. Written by the owner thread only (a stripe's
 * holder), so two threads' caches never write one cache line.
 */
abstract class MempoolCacheHotFields extends MempoolCacheL0Pad {
    /** The stack; see {@link MempoolCache}. Its length has a 128-byte tail no one uses (see there). */
    long[] objs;
    int end;
    int size;
    int half;
    int top;
    /** NEW, FAST, SLOW or CLOSED; see {@link MempoolCache}. */
    int state;
    /** A stripe's claim: 1 while a thread holds it; always 0 for any other cache. */
    int claimed;
    long firstObject;
    int alignmentShift;
    long rangeLimit = -1;
}
