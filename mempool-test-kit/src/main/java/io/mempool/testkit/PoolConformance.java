package io.mempool.testkit;

import io.mempool.api.MempoolCorruptionException;
import io.mempool.api.MempoolFlag;
import io.mempool.core.MemoryChunk;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolCache;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pool rules of {@link MempoolOpsConformanceRules.Pool}: test_mempool.c's checks other than the
 * basic ones and the events, on pools of the ops under test.
 */
abstract class PoolConformance extends ConformanceGroup implements MempoolOpsConformanceRules.Pool {
    /** The SP/SC hand-off table of test_mempool.c: 16 spinlock-guarded slots. */
    private static final int SPSC_SLOTS = 16;

    PoolConformance(final MempoolOpsConformance kit) {
        super(kit);
    }

    private void assertCreated(final Mempool mp, final int cacheSize) {
        assertEquals(DPDK_SIZE, mp.size(), "size");
        assertEquals(DPDK_ELT, mp.elementSize(), "elementSize");
        assertEquals(cacheSize, mp.cacheSize(), "cacheSize");
        assertEquals(opsName(), mp.opsName(), "opsName");
        assertEquals(DPDK_SIZE, mp.populatedSize(), "populatedSize");
        assertEquals(DPDK_SIZE, mp.availCount(), "availCount of a new pool");
        assertEquals(0, mp.inUseCount(), "inUseCount of a new pool");
        assertTrue(mp.isFull(), "isFull of a new pool");
        assertFalse(mp.isEmpty(), "isEmpty of a new pool");
    }

    /** Every object of the pool, in populate order. */
    private static long[] objects(final Mempool mp) {
        final long[] objs = new long[mp.size()];
        final int n = mp.objIter((pool, obj, index) -> objs[index] = obj);
        assertEquals(mp.size(), n, "objIter count");
        return objs;
    }

    @Test
    @Override
    public void required_dpdk_testMempool_createWithoutCache() {
        final Mempool mp = track(dpdkBuilder("nocache", 0).create());
        assertCreated(mp, 0);
        assertNull(mp.defaultCache(), "defaultCache() with cache 0");
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempool_createWithMaxCache() {
        final Mempool mp = track(dpdkBuilder("cache", Mempool.CACHE_MAX_SIZE).create());
        assertCreated(mp, Mempool.CACHE_MAX_SIZE);
        final MempoolCache cache = mp.defaultCache();
        assertNotNull(cache, "defaultCache() with cache 512");
        assertEquals(Mempool.CACHE_MAX_SIZE, cache.size(), "default cache size");
        assertSame(mp, cache.pool(), "default cache's pool");
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempool_createEmptySetOpsPopulate() {
        final AtomicInteger inits = new AtomicInteger();
        final Mempool mp = track(Mempool.builder(uniqueName("empty")).size(DPDK_SIZE).elementSize(DPDK_ELT)
            .objectInit((pool, obj, index) -> {
                inits.incrementAndGet();
                dpdkObjectInit(pool, obj, index);
            })
            .createEmpty());
        assertEquals(0, mp.populatedSize(), "populatedSize after createEmpty");
        assertEquals(0, inits.get(), "objectInit calls before populate");
        mp.setOps(opsName(), kit.opsParams());
        assertEquals(opsName(), mp.opsName(), "opsName after setOps");
        assertEquals(DPDK_SIZE, mp.populateDefault(), "populateDefault");
        assertEquals(DPDK_SIZE, inits.get(), "objectInit calls at populate");
        assertCreated(mp, 0);
        assertThrows(IllegalStateException.class, mp::populateDefault, "second populateDefault");
        assertThrows(IllegalStateException.class, () -> mp.setOps(opsName()), "setOps once populated");
        assertEquals(DPDK_SIZE, mp.availCount(), "availCount after the refused calls");
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempool_objIterVisitsEveryObject() {
        final Mempool mp = track(dpdkBuilder("objiter", 0).create());
        final List<Long> seen = new ArrayList<>();
        final int n = mp.objIter((pool, obj, index) -> {
            assertSame(mp, pool, "objIter's pool");
            assertEquals(seen.size(), index, "objIter index");
            assertEquals(index, pool.byteBuffer(obj).getInt(0), "bytes 0..3: objectInit's index for this position");
            seen.add(obj);
        });
        assertEquals(DPDK_SIZE, n, "objIter count");
        assertEquals(DPDK_SIZE, seen.size(), "objects visited");
        assertEquals(DPDK_SIZE, seen.stream().distinct().count(), "distinct objects visited");
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempool_memIterCoversEveryObject() {
        final Mempool mp = track(dpdkBuilder("memiter", 0).create());
        final List<MemoryChunk> chunks = new ArrayList<>();
        final int n = mp.memIter((pool, chunk, index) -> {
            assertSame(mp, pool, "memIter's pool");
            assertEquals(chunks.size(), index, "memIter index");
            assertNotEquals(0L, chunk.address(), "chunk address");
            assertTrue(chunk.length() > 0, "chunk length " + chunk.length());
            chunks.add(chunk);
        });
        assertTrue(n > 0, "memIter count " + n);
        assertEquals(n, chunks.size(), "chunks visited");
        for (final long obj : objects(mp)) {
            final long address = mp.address(obj);
            assertTrue(chunks.stream().anyMatch(c -> address >= c.address()
                    && address + mp.elementSize() <= c.address() + c.length()),
                "object at 0x" + Long.toHexString(address) + " lies in no chunk of " + chunks);
        }
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempool_objectAlignment() {
        final Mempool aligned = track(dpdkBuilder("align64", 0).create());
        assertEquals(64, aligned.objectAlignment(), "objectAlignment");
        for (final long obj : objects(aligned)) {
            assertEquals(0, aligned.address(obj) % 64, "address of a cache-aligned object");
        }
        aligned.close();

        final Mempool packed = track(builder("align8").size(63).elementSize(24)
            .flags(MempoolFlag.NO_CACHE_ALIGN).create());
        assertEquals(8, packed.objectAlignment(), "objectAlignment with NO_CACHE_ALIGN");
        for (final long obj : objects(packed)) {
            assertEquals(0, packed.address(obj) % 8, "address of an object with NO_CACHE_ALIGN");
        }
        packed.close();

        final Mempool single = track(builder("one8").size(1).elementSize(8)
            .flags(MempoolFlag.NO_CACHE_ALIGN).create());
        assertEquals(1, single.memIter((pool, chunk, index) -> { }), "chunks of a pool of one 8-byte object");
        single.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempool_lookupWalkAndListDump() {
        final Mempool mp = track(dpdkBuilder("lookup", 0).create());
        final String name = mp.name();
        assertSame(mp, Mempool.lookup(name).orElse(null), "lookup(" + name + ")");
        final AtomicInteger walked = new AtomicInteger();
        Mempool.walk(pool -> walked.addAndGet(pool == mp ? 1 : 0));
        assertEquals(1, walked.get(), "walk visits of the pool");
        final StringBuilder dump = new StringBuilder();
        mp.dump(dump);
        assertTrue(dump.indexOf(name) >= 0, "dump names the pool:\n" + dump);
        final StringBuilder list = new StringBuilder();
        Mempool.listDump(list);
        assertTrue(list.indexOf(name) >= 0, "listDump names the pool");
        mp.audit();
        mp.close();
        assertTrue(Mempool.lookup(name).isEmpty(), "lookup(" + name + ") after close");
        walked.set(0);
        Mempool.walk(pool -> walked.addAndGet(pool == mp ? 1 : 0));
        assertEquals(0, walked.get(), "walk visits of a closed pool");
    }

    @Test
    @Override
    public void required_dpdk_testMempoolBasicEx() {
        final Mempool mp = track(dpdkBuilder("basicex", 0).create());
        assertTrue(mp.isFull(), "isFull of a new pool");
        final long[] objs = new long[DPDK_SIZE];
        for (int i = 0; i < DPDK_SIZE; i++) {
            objs[i] = mp.get();
            assertNotEquals(Mempool.NULL, objs[i], "get #" + (i + 1) + " of " + DPDK_SIZE);
        }
        assertEquals(Mempool.NULL, mp.get(), "get #" + (DPDK_SIZE + 1) + " of " + DPDK_SIZE);
        assertTrue(mp.isEmpty(), "isEmpty once every object is out");
        for (final long obj : objs) {
            mp.put(obj);
        }
        assertTrue(mp.isFull(), "isFull once every object is back");
        mp.close();
    }

    private Mempool spscPool(final AtomicInteger inits, final AtomicReference<Mempool> initPool) {
        return track(builder("spsc").size(DPDK_SIZE).elementSize(DPDK_ELT).cacheSize(0)
            .flags(MempoolFlag.NO_CACHE_ALIGN, MempoolFlag.SP_PUT, MempoolFlag.SC_GET)
            .poolInit(pool -> {
                inits.incrementAndGet();
                initPool.set(pool);
            })
            .create());
    }

    @Test
    @Override
    public void required_dpdk_testMempoolSpSc_poolInitAndLookup() {
        final AtomicInteger inits = new AtomicInteger();
        final AtomicReference<Mempool> initPool = new AtomicReference<>();
        final Mempool mp = spscPool(inits, initPool);
        assertEquals(1, inits.get(), "poolInit calls");
        assertSame(mp, initPool.get(), "poolInit's pool");
        assertSame(mp, Mempool.lookup(mp.name()).orElse(null), "lookup of the SP/SC pool");
        assertTrue(mp.flags().containsAll(EnumSet.of(MempoolFlag.NO_CACHE_ALIGN, MempoolFlag.SP_PUT,
            MempoolFlag.SC_GET)), "flags " + mp.flags());
        assertEquals(8, mp.objectAlignment(), "objectAlignment with NO_CACHE_ALIGN");
        assertCreated(mp, 0);
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempoolSpSc_oneGetterOnePutter() throws InterruptedException {
        final Mempool mp = spscPool(new AtomicInteger(), new AtomicReference<>());
        final HandOff slots = new HandOff(SPSC_SLOTS);
        final AtomicBoolean getterDone = new AtomicBoolean();
        final AtomicLong got = new AtomicLong();
        final AtomicLong put = new AtomicLong();
        final Duration budget = kit.concurrencyBudget();
        final long getUntil = System.nanoTime() + budget.toNanos() / 2;
        final long hardStop = System.nanoTime() + budget.toNanos() * 2 + 1_000_000_000L;
        final Workers workers = new Workers("spsc");
        workers.add("getter", () -> {
            final long[] one = new long[1];
            long n = 0;
            try {
                while (System.nanoTime() < getUntil && !workers.failed()) {
                    one[0] = mp.get();
                    if (one[0] == Mempool.NULL) {
                        Thread.onSpinWait(); // the putter still holds objects
                        continue;
                    }
                    n++;
                    while (!slots.offer(one, 0, 1)) {
                        assertTrue(System.nanoTime() < hardStop, "putter stopped taking objects");
                        Thread.onSpinWait(); // the slots are full until the putter takes one
                    }
                }
            } finally {
                got.set(n);
                getterDone.set(true);
            }
        });
        workers.add("putter", () -> {
            final long[] one = new long[1];
            long n = 0;
            while (true) {
                if (slots.poll(one, 0, 1) == 1) {
                    final int index = mp.indexOf(one[0]); // from_obj: it belongs to this pool
                    assertTrue(index >= 0 && index < DPDK_SIZE, "indexOf " + index);
                    mp.put(one[0]);
                    n++;
                } else if (getterDone.get() && slots.isEmpty()) {
                    break; // the getter's last offer happened before getterDone
                } else {
                    assertTrue(System.nanoTime() < hardStop && !workers.failed(), "getter stopped handing objects");
                    Thread.onSpinWait(); // nothing to put yet
                }
            }
            put.set(n);
        });
        workers.runAll(budget);
        assertTrue(got.get() > 0, "the getter got nothing");
        assertEquals(got.get(), put.get(), "objects put vs. got");
        assertTrue(mp.isFull(), "isFull after the hand-off, availCount " + mp.availCount());
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempool_cacheAboveMaxRejected() {
        final String name = uniqueName("cache544");
        assertThrows(IllegalArgumentException.class, () -> track(builderNamed(name).size(DPDK_SIZE)
            .elementSize(DPDK_ELT).cacheSize(Mempool.CACHE_MAX_SIZE + 32).create()), "cacheSize 544");
        assertTrue(Mempool.lookup(name).isEmpty(), "lookup of a refused pool");
    }

    @Test
    @Override
    public void required_dpdk_testMempool_duplicateNameRejected() {
        final Mempool first = track(dpdkBuilder("dup", 0).create());
        final String name = first.name();
        assertThrows(IllegalArgumentException.class,
            () -> track(builderNamed(name).size(DPDK_SIZE).elementSize(DPDK_ELT).create()), "duplicate name " + name);
        assertSame(first, Mempool.lookup(name).orElse(null), "lookup after a refused duplicate");
        final long obj = first.get();
        assertNotEquals(Mempool.NULL, obj, "get from the first pool after a refused duplicate");
        first.put(obj);
        assertTrue(first.isFull(), "isFull of the first pool");
        first.close();
    }

    @Test
    @Override
    public void optional_pool_noContigBlocksMeansUnsupported() {
        final Mempool mp = track(dpdkBuilder("nocontig", 0).create());
        final int blockSize = mp.contigBlockSize();
        assumeTrue(blockSize == 0, "contigBlockSize() returned " + blockSize
            + ": the store has contiguous blocks (see optional_pool_contigBlocksAreWhole)");
        assertThrows(UnsupportedOperationException.class, () -> mp.getContigBlocks(new long[1], 0, 1),
            "getContigBlocks with contigBlockSize() 0");
        assertTrue(mp.isFull(), "isFull after a refused getContigBlocks");
        mp.close();
    }

    @Test
    @Override
    public void optional_pool_contigBlocksAreWhole() {
        final Mempool mp = track(dpdkBuilder("contig", 0).create());
        final int blockSize = mp.contigBlockSize();
        assumeTrue(blockSize > 0, "contigBlockSize() returned 0: the store has no contiguous blocks");
        final int blocks = Math.min(2, DPDK_SIZE / blockSize);
        final long[] firsts = new long[blocks];
        assertTrue(mp.getContigBlocks(firsts, 0, blocks), "getContigBlocks of " + blocks + " from a full pool");
        assertEquals(DPDK_SIZE - blocks * blockSize, mp.availCount(), "availCount after taking " + blocks + " blocks");
        final BitSet seen = new BitSet(DPDK_SIZE);
        final long[] objs = new long[blocks * blockSize];
        int n = 0;
        for (final long first : firsts) {
            for (int k = 0; k < blockSize; k++) {
                final long obj = first + (long)k * mp.totalElementSize();
                final int index = mp.indexOf(obj);
                assertFalse(seen.get(index), "object " + index + " handed out in two blocks");
                seen.set(index);
                objs[n++] = obj;
            }
        }
        mp.putBulk(objs, 0, n);
        assertTrue(mp.isFull(), "isFull once the blocks are back");
        mp.close();
    }

    @Test
    @Override
    public void optional_pool_contigBlocksAreCheckedAndCounted() {
        final Mempool mp = track(builder("contigdbg").size(DPDK_SIZE).elementSize(DPDK_ELT).cacheSize(0)
            .flags(MempoolFlag.DEBUG, MempoolFlag.STATS).create());
        final int blockSize = mp.contigBlockSize();
        assumeTrue(blockSize > 0, "contigBlockSize() returned 0: the store has no contiguous blocks");
        final int most = DPDK_SIZE / blockSize;
        final long[] firsts = new long[most + 2];
        Arrays.fill(firsts, 7);
        assertFalse(mp.getContigBlocks(firsts, 1, most + 1), (most + 1) + " blocks of " + blockSize + " from " + DPDK_SIZE);
        assertTrue(Arrays.stream(firsts).allMatch(v -> v == 7), "a failed getContigBlocks wrote the table");
        assertTrue(mp.isFull(), "isFull after a failed getContigBlocks");
        assertEquals(1, mp.stats().getFailBulk(), "get_fail_bulk");
        assertEquals(most + 1, mp.stats().getFailBlks(), "get_fail_blks");
        assertTrue(mp.getContigBlocks(firsts, 0, 1), "getContigBlocks of 1 from a full pool");
        assertEquals(1, mp.stats().getSuccessBulk(), "get_success_bulk");
        assertEquals(1, mp.stats().getSuccessBlks(), "get_success_blks");
        final long[] objs = new long[blockSize];
        for (int k = 0; k < blockSize; k++) {
            objs[k] = firsts[0] + (long) k * mp.totalElementSize();
        }
        mp.putBulk(objs, 0, blockSize);
        assertThrows(MempoolCorruptionException.class, () -> mp.put(objs[blockSize - 1]),
            "a second put of a block's last object (DEBUG)");
        assertTrue(mp.isFull(), "isFull once the block is back");
        mp.audit();
        mp.close();
    }
}
