package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import io.mempool.driver.ring.LongRing.SyncMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The six ring stores: discovery, DPDK's ring driver sizing and modes, params, and the SPI contract. */
class RingOpsTest {

    static Stream<Arguments> opsAndModes() {
        return Stream.of(
            Arguments.of(new RingMpMcOps(), "ring_mp_mc", SyncMode.MULTI, SyncMode.MULTI),
            Arguments.of(new RingSpScOps(), "ring_sp_sc", SyncMode.SINGLE, SyncMode.SINGLE),
            Arguments.of(new RingMpScOps(), "ring_mp_sc", SyncMode.MULTI, SyncMode.SINGLE),
            Arguments.of(new RingSpMcOps(), "ring_sp_mc", SyncMode.SINGLE, SyncMode.MULTI),
            Arguments.of(new RingMtRtsOps(), "ring_mt_rts", SyncMode.RTS, SyncMode.RTS),
            Arguments.of(new RingMtHtsOps(), "ring_mt_hts", SyncMode.HTS, SyncMode.HTS));
    }

    static Stream<MempoolOps<LongRing>> allOps() {
        return opsAndModes().map(arguments -> {
            @SuppressWarnings("unchecked")
            final MempoolOps<LongRing> ops = (MempoolOps<LongRing>) arguments.get()[0];
            return ops;
        });
    }

    @Test
    void serviceLoaderFindsAllSixByName() {
        final Map<String, Class<?>> found = new TreeMap<>();
        for (final MempoolOps<?> ops : ServiceLoader.load(MempoolOps.class)) {
            if (ops.getClass().getPackageName().equals(LongRing.class.getPackageName())) {
                assertSame(null, found.put(ops.name(), ops.getClass()), "one provider per name");
            }
        }
        assertEquals(Set.of("ring_mp_mc", "ring_sp_sc", "ring_mp_sc", "ring_sp_mc", "ring_mt_rts", "ring_mt_hts"),
            found.keySet());
        assertEquals(RingMtRtsOps.class, found.get("ring_mt_rts"));
    }

    @ParameterizedTest
    @MethodSource("opsAndModes")
    void allocMakesARingOfThatNameAndModes(final MempoolOps<LongRing> ops, final String name,
                                           final SyncMode producer, final SyncMode consumer) {
        assertEquals(name, ops.name());
        assertTrue(name.matches("[a-z0-9_]{1,31}"));
        final LongRing ring = ops.alloc(OpsConfig.of("pool", 100));
        assertEquals(producer, ring.producerSync());
        assertEquals(consumer, ring.consumerSync());
        assertEquals(0, ops.count(ring));
        assertEquals(0, ops.contigBlockSize(ring));
        ops.free(ring);
    }

    @ParameterizedTest
    @MethodSource("opsAndModes")
    void requiredFlagsNameEachSingleSide(final MempoolOps<LongRing> ops, final String name,
                                         final SyncMode producer, final SyncMode consumer) {
        final Set<MempoolFlag> expected = EnumSet.noneOf(MempoolFlag.class);
        if (producer == SyncMode.SINGLE) {
            expected.add(MempoolFlag.SP_PUT);
        }
        if (consumer == SyncMode.SINGLE) {
            expected.add(MempoolFlag.SC_GET);
        }
        assertEquals(expected, ops.requiredFlags(), name + ".requiredFlags()");
        assertThrows(UnsupportedOperationException.class, () -> ops.requiredFlags().add(MempoolFlag.DEBUG));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 8, 100, 8191, 8192})
    void allocRoundsToPow2OfCapacityPlusOneAsDpdk(final int capacity) {
        final LongRing ring = new RingMpMcOps().alloc(OpsConfig.of("pool", capacity));
        assertEquals(Integer.highestOneBit(capacity) << 1, ring.slots(), "pow2(capacity + 1)");
        assertTrue(ring.capacity() >= capacity);
        final long[] handles = new long[capacity];
        Arrays.setAll(handles, i -> 64L * (i + 1));
        assertTrue(new RingMpMcOps().enqueue(ring, handles, 0, capacity), "holds config.capacity() objects");
    }

    @Test
    void allocRejectsACapacityBeyondTheSlotLimit() {
        assertThrows(IllegalArgumentException.class, () -> new RingSpScOps().alloc(OpsConfig.of("pool", 1 << 30)));
        assertThrows(IllegalArgumentException.class, () -> new RingSpScOps().alloc(null));
    }

    @Test
    void rtsReadsHtdMaxFromParams() {
        final RingMtRtsOps ops = new RingMtRtsOps();
        assertEquals(SyncMode.RTS, ops.alloc(config("0")).producerSync());
        assertEquals(SyncMode.RTS, ops.alloc(config(" 100 ")).consumerSync());
        for (final String bad : new String[] {"-1", "101", "many", ""}) {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> ops.alloc(config(bad)));
            assertTrue(ex.getMessage().startsWith("htd_max: "), ex.getMessage());
        }
    }

    @Test
    void rtsRingHasRoomForItsLaggingConsumerTail() {
        final RingMtRtsOps ops = new RingMtRtsOps();
        assertEquals(256, ops.alloc(OpsConfig.of("pool", 100)).slots(), "2 * 100 + 100 / 8 = 212 -> 256");
        assertEquals(256, ops.alloc(config("0")).slots(), "2 * 100 + 0 -> 256");
        assertEquals(4096, ops.alloc(OpsConfig.of("pool", 1000)).slots(), "2 * 1000 + 125 -> 4096");
        assertThrows(IllegalArgumentException.class, () -> ops.alloc(OpsConfig.of("pool", 1 << 29)));
    }

    @Test
    void serialisedRtsStoreStillWorks() {
        final RingMtRtsOps ops = new RingMtRtsOps();
        final LongRing ring = ops.alloc(config("0"));
        final long[] handles = {8, 16, 24};
        assertTrue(ops.enqueue(ring, handles, 0, 3));
        final long[] out = new long[3];
        assertTrue(ops.dequeue(ring, out, 0, 3));
        assertArrayEquals(handles, out);
    }

    private static OpsConfig config(final String htdMax) {
        return new OpsConfig("pool", 100, Set.of(), Map.of(RingMtRtsOps.HTD_MAX, htdMax));
    }

    @ParameterizedTest
    @MethodSource("allOps")
    void enqueueAndDequeueAreAllOrNothing(final MempoolOps<LongRing> ops) {
        final LongRing ring = ops.alloc(OpsConfig.of("pool", 7));
        final int room = ring.capacity();
        final long[] handles = new long[room + 1];
        Arrays.setAll(handles, i -> 64L * (i + 1));
        assertTrue(ops.enqueue(ring, handles, 0, room - 2));
        assertFalse(ops.enqueue(ring, handles, room - 2, 3), "room for 2 only");
        assertEquals(room - 2, ops.count(ring));
        final long[] out = new long[room + 1];
        assertFalse(ops.dequeue(ring, out, 0, room - 1));
        assertTrue(Arrays.stream(out).allMatch(v -> v == 0), "a failed dequeue writes nothing");
        assertTrue(ops.enqueue(ring, handles, 0, 0));
        assertTrue(ops.dequeue(ring, out, 0, 0));
        assertEquals(room - 2, ops.count(ring));
        assertTrue(ops.dequeue(ring, out, 1, room - 2));
        assertEquals(0, out[0]);
        assertArrayEquals(Arrays.copyOf(handles, room - 2), Arrays.copyOfRange(out, 1, room - 1));
        assertEquals(0, out[room - 1]);
        assertEquals(0, ops.count(ring));
    }

    @ParameterizedTest
    @MethodSource("allOps")
    void badArgumentsAreRejectedBeforeAnythingChanges(final MempoolOps<LongRing> ops) {
        final LongRing ring = ops.alloc(OpsConfig.of("pool", 7));
        final long[] handles = {64, 128};
        assertTrue(ops.enqueue(ring, handles, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> ops.enqueue(ring, null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ops.dequeue(ring, null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ops.enqueue(ring, handles, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> ops.dequeue(ring, handles, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> ops.enqueue(ring, handles, 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> ops.dequeue(ring, handles, -1, 1));
        assertEquals(2, ops.count(ring));
        assertArrayEquals(new long[] {64, 128}, handles);
    }

    @Test
    void namesAreUniqueAndToStringIsTheName() {
        assertEquals(6, allOps().map(MempoolOps::name).collect(Collectors.toSet()).size());
        assertEquals("ring_mt_hts", new RingMtHtsOps().toString());
    }
}
