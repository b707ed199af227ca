package io.mempool.driver.bucket;

import static io.mempool.driver.bucket.Fixtures.BASE;
import static io.mempool.driver.bucket.Fixtures.QUARTERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider: found by name, its params, and populate through a region it never touches. */
class BucketOpsTest {
    private static final BucketOps OPS = new BucketOps();

    @Test
    @SuppressWarnings("rawtypes") // ServiceLoader of a generic interface: the providers' store types differ
    void serviceLoaderFindsBucketByName() {
        final boolean found = ServiceLoader.load(MempoolOps.class).stream()
            .anyMatch(provider -> provider.type() == BucketOps.class && "bucket".equals(provider.get().name()));
        assertTrue(found, "META-INF/services names BucketOps");
        assertEquals(Set.of(), OPS.requiredFlags());
        assertTrue(OPS.memzoneBytes(OpsConfig.of("p", 8)) < 0, "bucket state is per process");
        assertEquals("bucket", OPS.toString());
    }

    @Test
    void populateGoesThroughTheRegionsAddressOnly() {
        final OpsConfig config = new OpsConfig("p", 10, Set.of(MempoolFlag.SP_PUT),
            Map.of(BucketOps.PARAM_BUCKET_SIZE_KB, "1", BucketOps.PARAM_MAX_THREADS, "2"));
        final BucketStore store = OPS.alloc(config);
        assertEquals(0, OPS.contigBlockSize(store));
        assertThrows(UnsupportedOperationException.class, () -> OPS.dequeueContigBlocks(store, new long[1], 0, 1));
        final long bytes = OPS.calcMemSize(config, 10, QUARTERS).bytes();
        final int placed = OPS.populate(store, 10, new UntouchableRegion(BASE, bytes), QUARTERS,
            obj -> assertTrue(OPS.enqueue(store, new long[] {obj}, 0, 1)));
        assertEquals(10, placed);
        assertEquals(10, OPS.count(store));
        assertEquals(4, OPS.contigBlockSize(store));
        final long[] firsts = new long[2];
        assertTrue(OPS.dequeueContigBlocks(store, firsts, 0, 2));
        final long[] rest = new long[2];
        assertTrue(OPS.dequeue(store, rest, 0, 2));
        assertEquals(0, OPS.count(store));
        OPS.free(store);
    }

    @Test
    void maxThreadsIsChecked() {
        for (final String bad : new String[] {"0", "4096"}) {
            final OpsConfig config = new OpsConfig("p", 8, Set.of(), Map.of(BucketOps.PARAM_MAX_THREADS, bad));
            assertEquals("max_threads: " + bad + " (expected: 1..4095)",
                assertThrows(IllegalArgumentException.class, () -> OPS.alloc(config)).getMessage());
        }
        final BucketStore store = OPS.alloc(OpsConfig.of("p", 8));
        assertEquals(8, store.capacity());
        assertSame(BucketOps.class, OPS.getClass());
    }

    /** A region at a made-up address whose every access fails: the store computes handles only. */
    static final class UntouchableRegion extends OffHeapRegion {
        UntouchableRegion(final long address, final long length) {
            super(address, length);
        }

        private static AssertionError touched() {
            return new AssertionError("the bucket store touched the pool's memory");
        }

        @Override
        protected OffHeapRegion newSlice(final long offset, final long length) {
            throw touched();
        }

        @Override
        protected byte getByte0(final long offset) {
            throw touched();
        }

        @Override
        protected void putByte0(final long offset, final byte value) {
            throw touched();
        }

        @Override
        protected int getInt0(final long offset) {
            throw touched();
        }

        @Override
        protected void putInt0(final long offset, final int value) {
            throw touched();
        }

        @Override
        protected int getIntVolatile0(final long offset) {
            throw touched();
        }

        @Override
        protected void putIntVolatile0(final long offset, final int value) {
            throw touched();
        }

        @Override
        protected int getIntAcquire0(final long offset) {
            throw touched();
        }

        @Override
        protected void putIntRelease0(final long offset, final int value) {
            throw touched();
        }

        @Override
        protected boolean compareAndSetInt0(final long offset, final int expected, final int value) {
            throw touched();
        }

        @Override
        protected int compareAndExchangeInt0(final long offset, final int expected, final int value) {
            throw touched();
        }

        @Override
        protected int getAndAddInt0(final long offset, final int delta) {
            throw touched();
        }

        @Override
        protected long getLong0(final long offset) {
            throw touched();
        }

        @Override
        protected void putLong0(final long offset, final long value) {
            throw touched();
        }

        @Override
        protected long getLongVolatile0(final long offset) {
            throw touched();
        }

        @Override
        protected void putLongVolatile0(final long offset, final long value) {
            throw touched();
        }

        @Override
        protected long getLongAcquire0(final long offset) {
            throw touched();
        }

        @Override
        protected void putLongRelease0(final long offset, final long value) {
            throw touched();
        }

        @Override
        protected boolean compareAndSetLong0(final long offset, final long expected, final long value) {
            throw touched();
        }

        @Override
        protected long compareAndExchangeLong0(final long offset, final long expected, final long value) {
            throw touched();
        }

        @Override
        protected long getAndAddLong0(final long offset, final long delta) {
            throw touched();
        }

        @Override
        protected void getLongs0(final long offset, final long[] dst, final int index, final int count) {
            throw touched();
        }

        @Override
        protected void putLongs0(final long offset, final long[] src, final int index, final int count) {
            throw touched();
        }

        @Override
        protected void fill0(final long offset, final long bytes, final byte value) {
            throw touched();
        }
    }
}
