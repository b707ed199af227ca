package io.mempool.driver.bucket;

import static io.mempool.driver.bucket.Fixtures.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.ElementGeometry;
import io.mempool.api.MemoryNeed;
import io.mempool.api.OpsConfig;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where populate puts objects: DPDK's layout, buckets aligned to their size, whole elements inside. */
class PopulateTest {
    private static final BucketOps OPS = new BucketOps();
    /** DPDK's example element: 64 B header + 1984 B object, padded to 33 lines. */
    private static final ElementGeometry DPDK_2112 = new ElementGeometry(64, 2112, 64);

    @Test
    void everyHandleLiesInItsAlignedBucketAtTheStride() {
        final int bucket = 64 * 1024;
        final int perBucket = bucket / 2112;
        final Fixtures.Populated p = Fixtures.populated(100, 64, 8, DPDK_2112);
        assertEquals(31, perBucket);
        assertEquals(100, p.handles.length);
        assertEquals(perBucket, p.store.contigBlockSize());
        for (int i = 0; i < p.handles.length; i++) {
            final long handle = p.handles[i];
            final long bucketStart = BASE + (long) (i / perBucket) * bucket;
            final long element = handle - 64;
            assertEquals(0, handle % 64, "handle " + i + " aligned");
            assertEquals(bucketStart + (long) (i % perBucket) * 2112, element, "element " + i + " at the stride");
            assertTrue(element >= bucketStart && element + 2112 <= bucketStart + bucket, "element " + i + " inside its bucket");
            assertEquals(bucketStart, handle & -(long) bucket, "masking finds the bucket of " + i);
        }
        assertEquals(100, p.store.count());
    }

    @Test
    void calcMemSizeIsWholeAlignedBuckets() {
        final OpsConfig config = OpsConfig.of("p", 100);
        final MemoryNeed need = OPS.calcMemSize(config, 100, DPDK_2112);
        assertEquals(new MemoryNeed(4 * 65536L, 65536, 65536), need);
        assertEquals(new MemoryNeed(65536, 65536, 65536), OPS.calcMemSize(config, 31, DPDK_2112));
        assertEquals(new MemoryNeed(2 * 65536L, 65536, 65536), OPS.calcMemSize(config, 32, DPDK_2112));
        final OpsConfig small = new OpsConfig("p", 100, Set.of(), Map.of(BucketOps.PARAM_BUCKET_SIZE_KB, "1"));
        assertEquals(new MemoryNeed(25 * 1024L, 1024, 1024), OPS.calcMemSize(small, 100, Fixtures.QUARTERS));
    }

    @Test
    void aMisalignedRegionStartsAtTheNextBucketAndPlacesWhatFits() {
        final BucketStore store = new BucketStore(100, 1, 4);
        // 100 bytes in: the first bucket starts at BASE + 1024; 3 whole buckets fit before the end
        final long[] handles = Fixtures.populate(store, 100, BASE + 100, 4 * 1024 - 100, Fixtures.QUARTERS);
        assertEquals(12, handles.length);
        assertEquals(BASE + 1024 + 64, handles[0]);
        assertEquals(12, store.count());
    }

    @Test
    void chunksAddUpAndMayNotOverlapOrChangeGeometry() {
        final BucketStore store = new BucketStore(10, 1, 4);
        assertEquals(6, Fixtures.populate(store, 6, BASE, 1 << 20, Fixtures.QUARTERS).length);
        // the short bucket of the first chunk ([BASE, BASE + 2048)) holds two objects: an overlap is refused
        final IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
            () -> Fixtures.populate(store, 4, BASE + 1024, 1024, Fixtures.QUARTERS));
        assertTrue(overlap.getMessage().startsWith("region: [0x7f1234000400, 0x7f1234000800) (expected: no overlap"),
            overlap.getMessage());
        final IllegalArgumentException geometry = assertThrows(IllegalArgumentException.class,
            () -> Fixtures.populate(store, 4, BASE - (1 << 20), 1 << 20, new ElementGeometry(64, 128, 64)));
        assertTrue(geometry.getMessage().startsWith("geometry: "), geometry.getMessage());
        final long[] below = Fixtures.populate(store, 4, BASE - (1 << 20), 1 << 20, Fixtures.QUARTERS);
        assertEquals(4, below.length, "the second chunk gets the objects still missing");
        assertEquals(0, Fixtures.populate(store, 4, BASE + (1 << 20), 1 << 20, Fixtures.QUARTERS).length,
            "the capacity is reached: nothing more is placed");
        assertEquals(10, store.count());
        final long[] all = new long[10];
        assertTrue(store.dequeue(all, 0, 10), "objects of both chunks, the short buckets' too");
    }

    @Test
    void bucketSizeMustBeAPowerOfTwoThatHoldsAnElement() {
        for (final String bad : new String[] {"0", "3", "48", "4096", "-64"}) {
            final OpsConfig config = new OpsConfig("p", 8, Set.of(), Map.of(BucketOps.PARAM_BUCKET_SIZE_KB, bad));
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> OPS.alloc(config));
            assertEquals("bucket_size_kb: " + bad + " (expected: a power of two in 1..2048, the bucket's KiB and alignment)",
                ex.getMessage());
            assertThrows(IllegalArgumentException.class, () -> OPS.calcMemSize(config, 8, DPDK_2112));
        }
        final OpsConfig notANumber = new OpsConfig("p", 8, Set.of(), Map.of(BucketOps.PARAM_BUCKET_SIZE_KB, "big"));
        assertEquals("bucket_size_kb: big (expected: an integer)",
            assertThrows(IllegalArgumentException.class, () -> OPS.alloc(notANumber)).getMessage());
        final OpsConfig oneKb = new OpsConfig("p", 8, Set.of(), Map.of(BucketOps.PARAM_BUCKET_SIZE_KB, "1"));
        assertEquals("totalSize: 2112 (expected: <= 1024, the bucket's bytes: raise bucket_size_kb)",
            assertThrows(IllegalArgumentException.class, () -> OPS.calcMemSize(oneKb, 8, DPDK_2112)).getMessage());
    }

    @Test
    void smallAlignmentPacksMoreObjects() {
        final ElementGeometry noCacheAlign = new ElementGeometry(8, 24, 8);
        final Fixtures.Populated p = Fixtures.populated(100, 1, 4, noCacheAlign);
        assertEquals(42, p.store.contigBlockSize());
        for (int i = 1; i < 42; i++) {
            assertEquals(24, p.handles[i] - p.handles[i - 1]);
        }
        assertEquals(BASE + 1024 + 8, p.handles[42], "the next bucket starts on its boundary");
    }
}
