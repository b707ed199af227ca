package io.mempool.testkit;

import io.mempool.api.ElementGeometry;
import io.mempool.api.MemoryNeed;
import io.mempool.api.MempoolFlag;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.core.MemoryChunk;
import io.mempool.core.Mempool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.mempool.testkit.StoreTables.drain;
import static io.mempool.testkit.StoreTables.sorted;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The placement rules ({@link MempoolOpsConformanceRules.Placement}): a store that places its objects
 * itself asks for sound memory, places every object whole, aligned and in runs inside the region it is
 * given, keeps to the counts it is given, passes the pool's failures on, and its objects are the pool's;
 * its contiguous blocks are runs of its objects. Every rule but the first skips, naming
 * {@code calcMemSize()}, for a store that leaves the layout to the pool.
 */
abstract class PlacementConformance extends ConformanceGroup implements MempoolOpsConformanceRules.Placement {
    private static final int[] COUNTS = {1, 2, 3, 64, DPDK_SIZE};

    PlacementConformance(final MempoolOpsConformance kit) {
        super(kit);
    }

    /** The need for {@code n} objects of {@link #GEOMETRY}, or a skip naming calcMemSize() when there is none. */
    private MemoryNeed needOrSkip(final OpsConfig config, final int n) {
        final MemoryNeed need = ops().calcMemSize(config, n, GEOMETRY);
        assumeTrue(need != null, "calcMemSize() returned null: the store leaves the layout to the pool");
        return need;
    }

    /** A store from alloc, not populated. */
    private RawStore<?> empty(final OpsConfig config) {
        return remember(RawStore.alloc(ops(), config));
    }

    /** Populates {@code store}, enqueuing each object as the pool does; returns the objects in callback order. */
    private static long[] populate(final RawStore<?> store, final int max, final OffHeapRegion region) {
        final List<Long> objects = new ArrayList<>();
        final int placed = store.populate(max, region, GEOMETRY, obj -> {
            objects.add(obj);
            assertTrue(store.enqueue(new long[] {obj}, 0, 1), "enqueue of placed object #" + objects.size());
        });
        assertEquals(objects.size(), placed, "populate's result vs. its callbacks");
        return objects.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Every object lies whole in the region, aligned, after the one before, in runs of equal length at one
     * distance: the rule of {@code PopulateCallback}.
     */
    private static void assertInRuns(final long[] objs, final OffHeapRegion region, final ElementGeometry g) {
        int run = 1;
        long gap = 0;
        for (int i = 0; i < objs.length; i++) {
            final long element = objs[i] - g.headerSize();
            final String what = "object " + i + " at 0x" + Long.toHexString(objs[i]);
            assertTrue(element >= region.address() && element - region.address() <= region.length() - g.totalSize(),
                what + ": its element of " + g.totalSize() + " bytes lies outside the region [0x"
                    + Long.toHexString(region.address()) + ", +" + region.length() + ")");
            assertEquals(0, objs[i] % g.alignment(), what + ": aligned to " + g.alignment());
            if (i == 0) {
                continue;
            }
            final long delta = objs[i] - objs[0];
            if (gap == 0 && delta == (long) i * g.totalSize()) {
                run = i + 1;
            } else if (gap == 0) {
                assertTrue(delta > (long) i * g.totalSize(), what + ": overlaps or precedes the run before it");
                gap = delta;
            } else {
                assertEquals(i / run * gap + (long) (i % run) * g.totalSize(), delta,
                    what + ": off the runs of " + run + " elements " + gap + " bytes apart");
            }
        }
    }

    @Test
    @Override
    public void optional_placement_noNeedMeansThePoolsLayout() {
        final OpsConfig config = config(64);
        final MemoryNeed need = ops().calcMemSize(config, 64, GEOMETRY);
        assumeTrue(need == null, "calcMemSize() returned " + need + ": the store places its objects (see the other"
            + " optional_placement rules)");
        final RawStore<?> store = empty(config);
        final int[] calls = {0};
        assertEquals(-1, store.populate(64, region(64L * GEOMETRY.totalSize()), GEOMETRY, obj -> calls[0]++),
            "populate of a store whose calcMemSize gives no need");
        assertEquals(0, calls[0], "callbacks of populate returning -1");
        assertEquals(0, store.count(), "count after populate returned -1");
    }

    @Test
    @Override
    public void optional_placement_needIsSoundForEveryCount() {
        final OpsConfig config = config(DPDK_SIZE);
        long before = 0;
        for (final int n : COUNTS) {
            final MemoryNeed need = needOrSkip(config, n);
            assertEquals(need, ops().calcMemSize(config, n, GEOMETRY), "calcMemSize(" + n + ") twice");
            assertTrue(need.bytes() >= (long) n * GEOMETRY.totalSize(), "calcMemSize(" + n + ") = " + need
                + ": fewer bytes than " + n + " elements of " + GEOMETRY.totalSize());
            assertTrue(need.minChunkBytes() >= GEOMETRY.totalSize(), "calcMemSize(" + n + ") = " + need
                + ": a smallest chunk that holds no element of " + GEOMETRY.totalSize() + " bytes");
            assertTrue(need.bytes() >= before, "calcMemSize(" + n + ") = " + need + ": less than for fewer objects, " + before);
            before = need.bytes();
        }
    }

    @Test
    @Override
    public void optional_placement_populatePlacesEveryObjectInItsRegionInRuns() {
        final OpsConfig config = config(DPDK_SIZE);
        final MemoryNeed need = needOrSkip(config, DPDK_SIZE);
        final RawStore<?> store = empty(config);
        final OffHeapRegion region = region(need.bytes(), need.align());
        final long[] objs = populate(store, DPDK_SIZE, region);
        assertEquals(DPDK_SIZE, objs.length, "objects placed in the " + need + " calcMemSize asked for");
        assertInRuns(objs, region, GEOMETRY);
        assertEquals(DPDK_SIZE, store.count(), "count once every placed object was enqueued");
        assertArrayEquals(sorted(objs, 0, objs.length), drain(store), "the store holds exactly the objects it placed");
        assertRegionGuards();
    }

    @Test
    @Override
    public void optional_placement_populateKeepsToMaxObjectsAndTheNeedOfTheRest() {
        final OpsConfig config = config(DPDK_SIZE);
        final MemoryNeed need = needOrSkip(config, DPDK_SIZE);
        final RawStore<?> store = empty(config);
        final OffHeapRegion first = region(need.bytes(), need.align());
        final long[] some = populate(store, 5, first);
        assertTrue(some.length >= 1 && some.length <= 5, "populate with maxObjects 5 in room for " + DPDK_SIZE
            + " placed " + some.length + " (expected: 1..5)");
        final int rest = DPDK_SIZE - some.length;
        final MemoryNeed restNeed = ops().calcMemSize(config, rest, GEOMETRY);
        assertNotNull(restNeed, "calcMemSize(" + rest + ") after a need for " + DPDK_SIZE);
        final OffHeapRegion second = region(restNeed.bytes(), restNeed.align());
        final long[] others = populate(store, rest, second);
        assertEquals(rest, others.length, "populate of the " + rest + " objects left into the " + restNeed + " asked for");
        assertInRuns(some, first, GEOMETRY);
        assertInRuns(others, second, GEOMETRY);
        assertEquals(DPDK_SIZE, store.count(), "count once both regions are populated");
        assertArrayEquals(sorted(some, others), drain(store), "the store holds the objects of both regions");
    }

    @Test
    @Override
    public void optional_placement_theSmallestChunkHoldsAnObject() {
        final OpsConfig config = config(DPDK_SIZE);
        final MemoryNeed need = needOrSkip(config, DPDK_SIZE);
        final RawStore<?> store = empty(config);
        final OffHeapRegion region = region(need.minChunkBytes(), need.align());
        final long[] objs = populate(store, DPDK_SIZE, region);
        assertTrue(objs.length >= 1, "populate into minChunkBytes " + need.minChunkBytes() + " placed nothing");
        assertInRuns(objs, region, GEOMETRY);
    }

    @Test
    @Override
    public void optional_placement_populatePassesTheCallbacksFailureOn() {
        final OpsConfig config = config(64);
        final MemoryNeed need = needOrSkip(config, 64);
        final RawStore<?> store = empty(config);
        final IllegalStateException refusal = new IllegalStateException("the pool refuses object #3");
        final int[] calls = {0};
        final IllegalStateException thrown = assertThrows(IllegalStateException.class,
            () -> store.populate(64, region(need.bytes(), need.align()), GEOMETRY, obj -> {
                if (++calls[0] == 3) {
                    throw refusal;
                }
            }), "populate whose callback throws");
        assertSame(refusal, thrown, "populate threw another exception than its callback's");
        assertEquals(3, calls[0], "callbacks after the one that threw");
    }

    @Test
    @Override
    public void optional_placement_poolObjectsAreWhereTheStorePlacedThem() {
        needOrSkip(config(DPDK_SIZE), DPDK_SIZE);
        final long[] initialised = new long[DPDK_SIZE];
        final Mempool mp = track(builder("placed").size(DPDK_SIZE).elementSize(120).cacheSize(32).flags(MempoolFlag.DEBUG)
            .objectInit((pool, obj, index) -> {
                assertEquals(index, pool.indexOf(obj), "indexOf inside objectInit");
                initialised[index] = obj;
            }).create());
        final List<MemoryChunk> chunks = new ArrayList<>();
        mp.memIter((pool, chunk, k) -> chunks.add(chunk));
        final Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < DPDK_SIZE; i++) {
            final long obj = mp.objectAt(i);
            assertEquals(initialised[i], obj, "objectAt(" + i + ") vs. the object objectInit saw");
            assertEquals(i, mp.indexOf(obj), "indexOf(objectAt(" + i + "))");
            assertTrue(distinct.add(obj), "object " + i + " twice");
            assertTrue(chunks.stream().anyMatch(c -> obj - c.address() >= 0 && obj - c.address() < c.length()),
                "object " + i + " lies in no chunk of memIter " + chunks);
        }
        mp.audit();
        final long[] all = new long[DPDK_SIZE];
        assertTrue(mp.getBulk(all, 0, DPDK_SIZE), "a get of every object");
        mp.putBulk(all, 0, DPDK_SIZE);
        assertTrue(mp.isFull(), "isFull once every object is back");
        mp.close();
    }

    @Test
    @Override
    public void optional_placement_contigBlocksAreRunsOfPlacedObjects() {
        needOrSkip(config(DPDK_SIZE), DPDK_SIZE);
        final RawStore<?> store = store(DPDK_SIZE);
        final int blockSize = store.contigBlockSize();
        assumeTrue(blockSize > 0, "contigBlockSize() returned 0: the store has no contiguous blocks");
        final long[] handles = kit.handles(2 * DPDK_SIZE);
        assertTrue(store.enqueue(handles, 0, DPDK_SIZE), "enqueue of " + DPDK_SIZE + " failed");
        final long[] first = new long[1];
        int blocks = 0;
        while (store.dequeueContigBlocks(first, 0, 1)) { // the raw store checks each block's objects were in it
            blocks++;
            assertEquals(DPDK_SIZE - blocks * blockSize, store.count(), "count after " + blocks + " blocks");
        }
        assertTrue(blocks >= 1 || blockSize > DPDK_SIZE, "no whole block of " + blockSize + " among " + DPDK_SIZE
            + " placed objects, all in the store");
        for (int i = DPDK_SIZE; i < DPDK_SIZE + blocks * blockSize; i++) {
            assertTrue(store.enqueue(handles, i, 1), "the block objects go back one by one: #" + (i - DPDK_SIZE));
        }
        assertEquals(DPDK_SIZE, store.count(), "count once every block object is back");
    }
}
