package io.mempool.driver.agrona;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AgronaOpsTest {

    @Test
    void serviceLoaderFindsBothProvidersByName() {
        final Map<String, MempoolOps<?>> found = new TreeMap<>();
        for (final MempoolOps<?> ops : ServiceLoader.load(MempoolOps.class)) {
            if (ops.name().startsWith("agrona_")) {
                found.put(ops.name(), ops);
            }
        }
        assertEquals(Set.of("agrona_mp_mc", "agrona_sp_sc"), found.keySet());
        assertInstanceOf(AgronaMpMcOps.class, found.get(AgronaMpMcOps.NAME));
        assertInstanceOf(AgronaSpScOps.class, found.get(AgronaSpScOps.NAME));
        for (final String name : found.keySet()) {
            assertTrue(name.matches("[a-z0-9_]{1,31}"), name);
        }
    }

    @Test
    void onlyTheOneToOneStoreRequiresSingleThreadPromises() {
        assertEquals(Set.of(), new AgronaMpMcOps().requiredFlags());
        assertEquals(Set.of(MempoolFlag.SP_PUT, MempoolFlag.SC_GET), new AgronaSpScOps().requiredFlags());
    }

    @Test
    void mpMcAllocatesAManyToManyStoreOfTheExactCapacity() {
        exercise(new AgronaMpMcOps(), ManyToManyOffHeapLongStore.class);
    }

    @Test
    void spScAllocatesAOneToOneStoreOfTheExactCapacity() {
        exercise(new AgronaSpScOps(), OneToOneOffHeapLongStore.class);
    }

    private static <S extends OffHeapLongStore> void exercise(final AbstractAgronaOps<S> ops,
                                                              final Class<?> storeType) {
        final S store = ops.alloc(new OpsConfig("pool", 5, Set.of(MempoolFlag.SP_PUT), Map.of("any", "thing")));
        try {
            assertInstanceOf(storeType, store);
            assertEquals(5, store.capacity());
            assertEquals(0, ops.count(store));
            assertTrue(ops.enqueue(store, new long[] {1, 2, 3, 4, 5}, 0, 5));
            assertFalse(ops.enqueue(store, new long[] {6}, 0, 1));
            assertEquals(5, ops.count(store));
            final long[] out = new long[6];
            assertFalse(ops.dequeue(store, out, 0, 6));
            assertArrayEquals(new long[6], out);
            assertTrue(ops.dequeue(store, out, 1, 5));
            assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, out);
            assertEquals(0, ops.count(store));
            assertEquals(0, ops.contigBlockSize(store));
            assertThrows(UnsupportedOperationException.class,
                () -> ops.dequeueContigBlocks(store, new long[1], 0, 1));
            assertEquals(ops.name(), ops.toString());
            assertThrows(IllegalArgumentException.class, () -> ops.enqueue(store, null, 0, 1));
        } finally {
            ops.free(store);
        }
        assertTrue(store.isFreed());
        ops.free(store);
    }

    @Test
    void allocRejectsANullConfigAndACapacityBeyondTheStore() {
        final AgronaMpMcOps ops = new AgronaMpMcOps();
        assertThrows(IllegalArgumentException.class, () -> ops.alloc(null));
        final IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
            () -> ops.alloc(OpsConfig.of("pool", Integer.MAX_VALUE)));
        assertEquals("capacity: 2147483647 (expected: 1..67108864)", tooBig.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> new AgronaSpScOps().alloc(OpsConfig.of("pool", (1 << 27) + 1)));
    }
}
