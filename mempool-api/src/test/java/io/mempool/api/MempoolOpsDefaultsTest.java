package io.mempool.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional capabilities of {@link MempoolOps}: a driver that ignores them keeps working. */
class MempoolOpsDefaultsTest {
    /** The least a driver writes: the six abstract methods. */
    private static final class Minimal implements MempoolOps<long[]> {
        @Override
        public String name() {
            return "minimal";
        }

        @Override
        public long[] alloc(final OpsConfig config) {
            return new long[config.capacity()];
        }

        @Override
        public boolean enqueue(final long[] store, final long[] objs, final int offset, final int n) {
            return false;
        }

        @Override
        public boolean dequeue(final long[] store, final long[] objs, final int offset, final int n) {
            return false;
        }

        @Override
        public int count(final long[] store) {
            return 0;
        }

        @Override
        public void free(final long[] store) {
            // nothing held
        }
    }

    @Test
    void aDriverPromisesNothingByDefault() {
        assertTrue(new Minimal().requiredFlags().isEmpty());
    }

    @Test
    void noMemzoneByDefault() {
        final Minimal ops = new Minimal();
        final OpsConfig config = OpsConfig.of("p", 4);
        assertEquals(-1, ops.memzoneBytes(config));
        assertEquals("minimal cannot live in a memzone (memzoneBytes() < 0)",
            assertThrows(UnsupportedOperationException.class, () -> ops.allocIn(config, 4096, 4096)).getMessage());
        assertEquals("minimal cannot live in a memzone (memzoneBytes() < 0)",
            assertThrows(UnsupportedOperationException.class, () -> ops.attach(config, 4096, 4096)).getMessage());
    }

    @Test
    void noContiguousBlocksByDefault() {
        final Minimal ops = new Minimal();
        final long[] store = ops.alloc(OpsConfig.of("p", 4));
        assertEquals(0, ops.contigBlockSize(store));
        final UnsupportedOperationException ex = assertThrows(UnsupportedOperationException.class,
            () -> ops.dequeueContigBlocks(store, new long[1], 0, 1));
        assertEquals("minimal has no contiguous blocks", ex.getMessage());
    }
}
