package io.mempool.driver.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code stack} and {@code lf_stack} ops: discovery, alloc, no promises, and delegation to the checking store. */
class StackOpsTest {

    @SuppressWarnings("rawtypes")
    private static Map<String, MempoolOps> loaded() {
        final Map<String, MempoolOps> byName = new HashMap<>();
        for (final MempoolOps ops : ServiceLoader.load(MempoolOps.class)) {
            byName.put(ops.name(), ops);
        }
        return byName;
    }

    @Test
    void serviceLoaderFindsBothByName() {
        @SuppressWarnings("rawtypes")
        final Map<String, MempoolOps> byName = loaded();
        assertInstanceOf(StackOps.class, byName.get("stack"));
        assertInstanceOf(LfStackOps.class, byName.get("lf_stack"));
        assertEquals("stack", new StackOps().toString());
        for (final String name : new String[] {StackOps.NAME, LfStackOps.NAME}) {
            assertTrue(name.matches("[a-z0-9_]{1,31}"), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stack", "lf_stack"})
    void bothStacksTakeAnyNumberOfProducersAndConsumers(final String name) {
        assertTrue(ops(name).requiredFlags().isEmpty(), name + ".requiredFlags()");
    }

    @Test
    void allocGivesExactlyTheCapacityAsked() {
        assertEquals(1, new StackOps().alloc(OpsConfig.of("p", 1)).capacity());
        assertEquals(8191, new StackOps().alloc(OpsConfig.of("p", 8191)).capacity());
        assertEquals(1, new LfStackOps().alloc(OpsConfig.of("p", 1)).capacity());
        assertEquals(8191, new LfStackOps().alloc(OpsConfig.of("p", 8191)).capacity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stack", "lf_stack"})
    void allocRejectsCapacityBeyondTheDriver(final String name) {
        final MempoolOps<?> ops = ops(name);
        final OpsConfig tooBig = OpsConfig.of("p", (1 << 30) + 1);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ops.alloc(tooBig));
        assertEquals("capacity: 1073741825 (expected: 1..1073741824)", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ops.alloc(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stack", "lf_stack"})
    <S> void enqueueIsPushAndDequeueIsPop(final String name) {
        final MempoolOps<S> ops = ops(name);
        final S store = ops.alloc(OpsConfig.of("p", 4));
        assertEquals(0, ops.count(store));
        assertTrue(ops.enqueue(store, new long[] {1, 2, 3}, 0, 3));
        assertFalse(ops.enqueue(store, new long[] {4, 5}, 0, 2), "one slot free");
        assertEquals(3, ops.count(store));
        final long[] out = {-1, -1, -1, -1};
        assertFalse(ops.dequeue(store, out, 0, 4));
        assertArrayEquals(new long[] {-1, -1, -1, -1}, out);
        assertTrue(ops.dequeue(store, out, 1, 3));
        assertArrayEquals(new long[] {-1, 3, 2, 1}, out);
        assertTrue(ops.enqueue(store, out, 0, 0));
        assertTrue(ops.dequeue(store, out, 0, 0));
        assertEquals(0, ops.count(store));
        assertEquals(0, ops.contigBlockSize(store));
        ops.free(store);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stack", "lf_stack"})
    <S> void badArgumentsAreRejectedBeforeAnythingChanges(final String name) {
        final MempoolOps<S> ops = ops(name);
        final S store = ops.alloc(OpsConfig.of("p", 4));
        assertTrue(ops.enqueue(store, new long[] {1}, 0, 1));
        final long[] table = {-1, -1};
        assertThrows(IllegalArgumentException.class, () -> ops.enqueue(store, null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ops.dequeue(store, null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ops.enqueue(store, table, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> ops.dequeue(store, table, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> ops.enqueue(store, table, 2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> ops.dequeue(store, table, 2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> ops.dequeue(store, table, -1, 1));
        assertArrayEquals(new long[] {-1, -1}, table);
        assertEquals(1, ops.count(store));
    }

    @SuppressWarnings("unchecked")
    private static <S> MempoolOps<S> ops(final String name) {
        return (MempoolOps<S>) loaded().get(name);
    }
}
