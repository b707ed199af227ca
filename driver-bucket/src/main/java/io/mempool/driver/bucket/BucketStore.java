package io.mempool.driver.bucket;

import static io.mempool.driver.bucket.LockFreeBucketStack.EMPTY;

import io.mempool.api.Checks;
import io.mempool.api.ElementGeometry;
import io.mempool.api.PopulateCallback;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** 128 B before the count's line. */
abstract class BucketStoreL1Pad {
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

/** The count every call changes once: objects in buckets that a dequeue may still reserve. */
abstract class BucketStoreAvailable extends BucketStoreL1Pad {
    /** Objects counted into buckets (by a put or an adoption) and not reserved by a dequeue. */
    int available;
}

/** 128 B after the count's line. */
abstract class BucketStoreL2Pad extends BucketStoreAvailable {
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
 * The store of the {@code bucket} ops, DPDK's {@code rte_mempool_bucket.c}: it lays the pool's objects out
 * itself in buckets aligned to their size ({@link #populate}), and a dequeue of whole buckets hands out
 * runs of adjacent objects, which {@link #dequeueContigBlocks} gives as blocks.
 *
 * <p><b>Where objects are.</b> An object in the store is in its bucket (its bit set in the bucket's
 * bitmap, counted in its fill), or waiting in an adoption ring. A bucket whose objects are all in it is
 * <i>whole</i> and sits on a stack of full buckets: the stack of the thread that completed it (while that
 * stack holds fewer than 4/3 of a fair share of the buckets), else the shared stack. A partly filled
 * bucket is listed on the partial stack (DPDK's orphans), so its objects can always be taken one by one.
 * A dequeue takes whole buckets for each multiple of the bucket size, and takes the remainder from
 * partly filled buckets, breaking a whole one when they run short; when whole buckets run short it takes
 * single objects too, so a dequeue of {@code n <= count()} on a quiescent store always succeeds (DPDK's
 * bucket cannot allocate objects of partly filled buckets).
 *
 * <p><b>Threads.</b> A platform thread gets a slot in a bounded table ({@code max_threads}) on first use:
 * its stack of full buckets, and an adoption ring where other threads put the objects of buckets it owns
 * (opened by one of its dequeues); it moves them into their buckets at its next dequeue. A dead thread's
 * slot is adopted, its full buckets and pending objects going back to shared state, when a new thread
 * needs an entry or a dequeue comes up short. Virtual threads, and threads beyond the table, use the
 * shared state only. Nothing blocks: every step is a CAS, and no lock exists to pin a carrier thread.
 *
 * <p><b>Thread safety.</b> {@link #enqueue}, {@link #dequeue}, {@link #dequeueContigBlocks} and
 * {@link #count} are safe for any number of threads at once. {@link #populate} is not: it runs before the
 * store is used by other threads, as the pool populates before it hands itself out.
 *
 * <p><b>Memory consistency effects.</b> Actions of a thread before it enqueues a handle happen-before the
 * actions of the thread whose dequeue returns that handle: the put's release (the bucket's state CAS, or
 * the adoption ring's release store, then the adopter's state CAS) is acquired by the dequeue's CAS of the
 * same state word, or by the pop of the stack the whole bucket was pushed on.
 *
 * <p><b>Counts.</b> A dequeue first reserves its {@code n} objects from {@code available} (objects in
 * buckets, not yet reserved), all or none, and only then takes them: once reserved, they exist, so it
 * never has to give any back. {@link #count()} is {@code available} plus the handles waiting in adoption
 * rings: it may lag while calls are in flight and is exact when none is.
 *
 * <p><b>Note:</b> the buckets' state lives on this process's heap, so a bucket store cannot live in a
 * memzone shared between processes.
 */
public final class BucketStore extends BucketStoreL2Pad {
    /** The largest adoption ring, per thread slot. */
    static final int MAX_ADOPTION_RING = 1024;

    private final int capacity;
    private final int bucketBytes;
    private final ThreadTable threads;
    private final BucketStacks stacks;
    /** Null until the first populate; replaced by each populate. */
    private volatile BucketTable table;

    /**
     * Creates an empty store, with no buckets until {@link #populate}.
     *
     * @param capacity     how many objects it holds at most, {@code >= 1}.
     * @param bucketSizeKb each bucket's KiB and alignment, a power of two in {@code 1..2048}.
     * @param maxThreads   the thread table's entries, {@code 1..4095}.
     * @throws IllegalArgumentException if a value is out of range.
     */
    public BucketStore(final int capacity, final int bucketSizeKb, final int maxThreads) {
        this.capacity = Checks.atLeast("capacity", capacity, 1);
        this.bucketBytes = BucketLayout.bucketBytes(bucketSizeKb);
        Checks.inRange(BucketOps.PARAM_MAX_THREADS, maxThreads, 1, BucketStateDescriptor.MAX_THREADS);
        final int ring = capacity >= MAX_ADOPTION_RING ? MAX_ADOPTION_RING : Integer.highestOneBit(capacity * 2 - 1);
        this.threads = new ThreadTable(maxThreads, ring, this::reclaim);
        this.stacks = new BucketStacks(threads);
    }

    /**
     * Lays objects out in whole buckets from the first bucket boundary of the range (DPDK's
     * {@code bucket_populate}): for each object, in index order, calls {@code callback.object(handle)},
     * which enqueues it. Its bucket is ready before the call. Bytes after the last whole bucket are unused.
     *
     * @param maxObjects the most objects to place, {@code >= 1}; never more than the capacity in all.
     * @param address    the range's first byte (a chunk the pool reserved, aligned to a bucket).
     * @param length     its bytes.
     * @param geometry   the pool's element layout; the same for every chunk.
     * @param callback   the pool's per-object step.
     * @return how many objects were placed.
     * @throws IllegalArgumentException if an argument is out of range, an element does not fit a bucket,
     *                                  or the range overlaps a chunk placed before.
     */
    public int populate(final int maxObjects, final long address, final long length, final ElementGeometry geometry,
                        final PopulateCallback callback) {
        Checks.atLeast("maxObjects", maxObjects, 1);
        Checks.notNull("callback", callback);
        if (address <= 0 || length < 0 || address > Long.MAX_VALUE - length - bucketBytes) {
            throw new IllegalArgumentException(Checks.message("region", "[0x" + Long.toHexString(address) + ", +"
                + length + ")", "a positive address and length that do not overflow"));
        }
        final BucketTable old = table;
        final BucketLayout layout = old == null ? BucketLayout.of(bucketBytes, geometry) : old.layout.checkSame(geometry);
        final int perBucket = layout.objectsPerBucket;
        final int want = Math.min(maxObjects, capacity - (old == null ? 0 : old.placed));
        final long start = layout.alignUp(address);
        final long room = Math.max(0, address + length - start) >>> layout.bucketShift;
        final int buckets = (int) Math.min(room, ((long) want + perBucket - 1) / perBucket);
        if (buckets == 0) {
            return 0;
        }
        final int objects = (int) Math.min(want, (long) buckets * perBucket);
        final BucketTable next = BucketTable.withChunk(old, layout, start, buckets, objects, threads.size());
        // volatile: the new buckets are in the table before the first callback enqueues into them
        table = next;
        final int first = old == null ? 0 : old.buckets;
        for (int i = 0; i < objects; i++) {
            callback.object(next.handle(first + i / perBucket, i % perBucket));
        }
        stacks.pruneTokens(next);
        return objects;
    }

    /**
     * Adds {@code objs[offset .. offset + n)}, all of them: the store always has room for its own objects.
     * Each goes into its bucket, or into the adoption ring of the thread that owns its bucket.
     *
     * @return true.
     * @throws IllegalArgumentException  if the table is null, {@code n} negative, or a handle is not an
     *                                   object this store placed; nothing is added then.
     * @throws IndexOutOfBoundsException if the range lies outside the table.
     */
    public boolean enqueue(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        final BucketTable t = table;
        // the first handles' places, kept from the check for the placing; a thread's first put claims no slot before its check
        final ThreadSlot known = threads.claimed();
        final long[] located = known == null ? null : known.located;
        final int kept = located == null ? 0 : Math.min(n, located.length);
        for (int i = offset; i < offset + n; i++) {
            final long at = t == null ? BucketTable.NOT_PLACED : t.locate(objs[i]);
            if (at == BucketTable.NOT_PLACED) {
                throw new IllegalArgumentException(Checks.message("obj", "0x" + Long.toHexString(objs[i]),
                    t == null ? "an object of this store, which has placed none (populate has not run)"
                        : "an object this store placed: " + t.describe()));
            }
            if (i - offset < kept) {
                located[i - offset] = at;
            }
        }
        if (n == 0) {
            return true;
        }
        final ThreadSlot me = known != null ? known : threads.current();
        final int myTag = me == null ? 0 : me.tag();
        int absorbed = 0;
        // a run: objects of one bucket word put directly, counted by one OR and one CAS (DPDK: one per object)
        int runId = -1;
        int runWord = 0;
        long runBits = 0;
        for (int i = offset; i < offset + n; i++) {
            final long at = i - offset < kept ? located[i - offset] : t.locate(objs[i]);
            if (at == BucketTable.NOT_PLACED) {
                continue; // the caller rewrote its table during the call: a handle that is no longer ours stays out
            }
            final int id = (int) (at >>> Integer.SIZE);
            final int index = (int) at;
            final int tag = t.tagOf(id);
            final ThreadSlot owner = tag == myTag ? null : threads.ownerOf(tag);
            // another live owner: DPDK's adoption; a full ring falls back to a direct put, which is also correct
            if (owner == null || !owner.adoptions.offer(t.handle(id, index))) {
                if (id != runId || index >>> 6 != runWord) {
                    absorbed += runBits == 0 ? 0 : stacks.absorb(t, runId, runWord, runBits, me);
                    runId = id;
                    runWord = index >>> 6;
                    runBits = 0;
                }
                runBits |= 1L << index;
            }
        }
        absorbed += runBits == 0 ? 0 : stacks.absorb(t, runId, runWord, runBits, me);
        xaddAvailable(absorbed);
        return true;
    }

    /**
     * Takes {@code n} objects, all or none: whole buckets for each multiple of {@link #contigBlockSize()},
     * single objects for the rest. On a quiescent store it succeeds whenever {@code n <= count()}.
     *
     * @return true if all {@code n} were taken; false if not, and then {@code objs} was not written.
     * @throws IllegalArgumentException  if the table is null or {@code n} negative.
     * @throws IndexOutOfBoundsException if the range lies outside the table.
     */
    public boolean dequeue(final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        if (n == 0) {
            return true;
        }
        final ThreadSlot me = threads.current();
        if (!reserveAdopting(n, me)) {
            return false;
        }
        stacks.take(table, objs, offset, n, me);
        return true;
    }

    /**
     * Takes {@code n} whole buckets, all or none, writing the first handle of each: a block is
     * {@link #contigBlockSize()} objects {@code totalSize} bytes apart from the first.
     *
     * @return true if all {@code n} were taken; false if fewer whole buckets are in the store.
     * @throws UnsupportedOperationException if nothing is populated yet: there are no buckets.
     * @throws IllegalArgumentException      if the table is null or {@code n} negative.
     * @throws IndexOutOfBoundsException     if the range lies outside the table.
     */
    public boolean dequeueContigBlocks(final long[] firsts, final int offset, final int n) {
        Checks.checkTable(firsts, offset, n);
        final BucketTable t = table;
        if (t == null) {
            throw new UnsupportedOperationException("bucket store not populated yet: no buckets, contigBlockSize() is 0");
        }
        final long objects = (long) n * t.layout.objectsPerBucket;
        if (n == 0 || objects > capacity) {
            return n == 0;
        }
        final ThreadSlot me = threads.current();
        if (!reserveAdopting((int) objects, me)) {
            return false;
        }
        int chain = EMPTY;
        boolean adopted = false;
        for (int got = 0; got < n; ) {
            final int id = stacks.popFull(t, me);
            if (id != EMPTY) {
                // plain: this thread holds the popped bucket; the link is private until pushed again
                t.fullNext[id] = chain;
                chain = id;
                got++;
            } else if (!adopted) {
                adopted = true; // objects waiting in adoption rings may complete buckets
                drainAll(me);
            } else {
                while (chain != EMPTY) {
                    final int next = t.fullNext[chain];
                    stacks.pushShared(t, chain);
                    chain = next;
                }
                xaddAvailable((int) objects);
                return false;
            }
        }
        final int tag = me == null ? 0 : me.tag();
        for (int i = offset + n - 1; chain != EMPTY; i--) {
            final int next = t.fullNext[chain];
            t.openWhole(chain, tag, null, 0);
            firsts[i] = t.handle(chain, 0);
            chain = next;
        }
        return true;
    }

    /**
     * @return the objects in the store: in buckets and in adoption rings. <b>Note:</b> it may lag while
     *     calls are in flight, and is exact when none is.
     */
    public int count() {
        final long total = (long) lvAvailable() + threads.pendingAdoptions();
        return (int) Math.max(0, Math.min(capacity, total));
    }

    /** @return objects per bucket, the contiguous block size; 0 until the first populate lays buckets out. */
    public int contigBlockSize() {
        final BucketTable t = table;
        return t == null ? 0 : t.layout.objectsPerBucket;
    }

    /** @return how many objects the store holds at most: the pool's size. */
    public int capacity() {
        return capacity;
    }

    /** Moves one slot's pending adoptions into their buckets, if nobody else is. @return objects counted. */
    private int adopt(final ThreadSlot slot, final ThreadSlot me) {
        final MpscAdoptionRing ring = slot.adoptions;
        if (ring.isEmpty() || !ring.tryClaim()) {
            return 0;
        }
        int absorbed = 0;
        try {
            final BucketTable t = table;
            // at most one lap: producers that keep offering cannot hold this thread here
            for (int i = 0; i < ring.capacity(); i++) {
                final long handle = ring.poll();
                if (handle == 0) {
                    break;
                }
                absorbed += stacks.absorb(t, t.locate(handle), me);
            }
        } finally {
            ring.release();
        }
        return absorbed;
    }

    /** Every slot: a dead owner's is adopted, a live one's pending adoptions are moved, where unclaimed. */
    private void drainAll(final ThreadSlot me) {
        int absorbed = 0;
        for (int i = 0; i < threads.size(); i++) {
            final ThreadSlot slot = threads.slot(i);
            if (slot != null && !threads.reclaimIfDead(slot)) {
                absorbed += adopt(slot, me);
            }
        }
        xaddAvailable(absorbed);
    }

    /** {@link ThreadTable.Reclaimer}: a dead thread's full buckets go to the shared stack, its adoptions into buckets. */
    private void reclaim(final ThreadSlot dead) {
        final int absorbed = adopt(dead, null);
        final BucketTable t = table;
        if (t != null) {
            for (int id = dead.fullBuckets.pop(t.fullNext); id != EMPTY; id = dead.fullBuckets.pop(t.fullNext)) {
                stacks.pushShared(t, id);
            }
        }
        xaddAvailable(absorbed);
    }

    /** Reserves {@code n}, after the caller's own adoptions and, if short, everyone's. */
    private boolean reserveAdopting(final int n, final ThreadSlot me) {
        if (me != null) {
            xaddAvailable(adopt(me, me));
        }
        if (reserve(n)) {
            return true;
        }
        drainAll(me);
        return reserve(n);
    }

    private boolean reserve(final int n) {
        int available = lvAvailable();
        while (available >= n) {
            // volatile CAE: the reservation's linearization point
            final int witness = caeAvailable(available, available - n);
            if (witness == available) {
                return true;
            }
            available = witness; // another put or dequeue first
            Thread.onSpinWait();
        }
        return false;
    }

    private int lvAvailable() {
        return (int) AVAILABLE.getVolatile(this);
    }

    private int caeAvailable(final int expect, final int update) {
        return (int) AVAILABLE.compareAndExchange(this, expect, update);
    }

    private void xaddAvailable(final int delta) {
        if (delta != 0) {
            // volatile add, after the objects are in their buckets: a reservation never outruns them
            AVAILABLE.getAndAdd(this, delta);
        }
    }

    private static final VarHandle AVAILABLE;

    static {
        try {
            AVAILABLE = MethodHandles.lookup().findVarHandle(BucketStoreAvailable.class, "available", int.class);
        } catch (final ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
