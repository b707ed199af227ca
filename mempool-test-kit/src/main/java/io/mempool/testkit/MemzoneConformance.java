package io.mempool.testkit;

import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.SplittableRandom;

import static io.mempool.testkit.StoreTables.drain;
import static io.mempool.testkit.StoreTables.sorted;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The memzone rules ({@link MempoolOpsConformanceRules.Memzone}): a store made by {@code allocIn} in a raw,
 * zeroed, guarded region of exactly {@code memzoneBytes} bytes keeps the SPI contract, views from
 * {@code attach} share it (concurrently too), garbage is refused, and freeing a view leaves the others.
 * Each rule but the first skips, naming {@code memzoneBytes()}, for a store that cannot live in a memzone.
 */
abstract class MemzoneConformance extends ConformanceGroup implements MempoolOpsConformanceRules.Memzone {
    private static final int SMALL = 64;

    MemzoneConformance(final MempoolOpsConformance kit) {
        super(kit);
    }

    /** The bytes a store of {@code capacity} needs, or a skip naming memzoneBytes() when it cannot have any. */
    private long bytesOrSkip(final OpsConfig config) {
        final long bytes = ops().memzoneBytes(config);
        assumeTrue(bytes >= 0, "memzoneBytes() returned " + bytes + ": the store cannot live in a memzone");
        return bytes;
    }

    /** A store made by allocIn in a fresh region, and the region. */
    private record Zone(RawStore<?> store, OpsConfig config, OffHeapRegion region) {
    }

    private Zone zone(final int capacity) {
        final OpsConfig config = config(capacity);
        final OffHeapRegion region = region(bytesOrSkip(config));
        return new Zone(remember(RawStore.allocIn(ops(), config, region)), config, region);
    }

    private RawStore<?> attach(final Zone zone) {
        return remember(RawStore.attach(ops(), zone.config(), zone.region()));
    }

    @Test
    @Override
    public void optional_memzone_noMemzoneMeansUnsupported() {
        final MempoolOps<?> ops = ops();
        final OpsConfig config = config(SMALL);
        final long bytes = ops.memzoneBytes(config);
        assumeTrue(bytes < 0, "memzoneBytes() returned " + bytes
            + ": the store can live in a memzone (see the other optional_memzone rules)");
        final OffHeapRegion region = region(4096);
        assertThrows(UnsupportedOperationException.class, () -> ops.allocIn(config, region), "allocIn");
        assertThrows(UnsupportedOperationException.class, () -> ops.attach(config, region), "attach");
    }

    @Test
    @Override
    public void optional_memzone_storeInAMemzoneKeepsTheSpiContract() {
        bytesOrSkip(config(SMALL));
        final int ran = new MemzoneSpi(kit).runAll();
        assertTrue(ran > 0, "no SPI rule ran on a store in a memzone");
    }

    @Test
    @Override
    public void optional_memzone_attachSeesTheSameStore() {
        final long[] h = kit.handles(20);
        final Zone zone = zone(SMALL);
        final RawStore<?> creator = zone.store();
        assertTrue(creator.enqueue(h, 0, 10), "enqueue of 10 through the creator's view");
        final RawStore<?> view = attach(zone);
        assertEquals(10, view.count(), "count through an attached view");
        final long[] taken = new long[4];
        assertTrue(view.dequeue(taken, 0, 4), "dequeue of 4 through the attached view");
        assertTrue(view.enqueue(h, 10, 6), "enqueue of 6 through the attached view");
        assertEquals(12, creator.count(), "count through the creator's view");
        final RawStore<?> third = attach(zone);
        assertEquals(12, third.count(), "count through a third view");
        final long[] left = Arrays.stream(h, 0, 16).filter(x -> Arrays.stream(taken).noneMatch(t -> t == x)).toArray();
        assertArrayEquals(sorted(left, 0, left.length), drain(third), "the handles left, taken through a third view");
        assertEquals(0, creator.count(), "count through the creator's view once drained");
        assertTrue(Arrays.stream(taken).allMatch(t -> Arrays.stream(h, 0, 10).anyMatch(x -> x == t)),
            "the attached view took handles that were never enqueued");
        assertRegionGuards();
    }

    @Test
    @Override
    public void optional_memzone_viewsWorkConcurrently() throws InterruptedException {
        final Zone zone = zone(MemzoneTraffic.HANDLES);
        final MemzoneTraffic traffic = new MemzoneTraffic(kit, zone.store(), attach(zone));
        traffic.run(opsName());
        traffic.assertEveryHandleOnce(attach(zone));
        assertRegionGuards();
    }

    @Test
    @Override
    public void optional_memzone_attachRefusesWhatIsNoStore() {
        final MempoolOps<?> ops = ops();
        final OpsConfig config = config(SMALL);
        final long bytes = bytesOrSkip(config);
        final OffHeapRegion zeroed = region(bytes);
        assertRefused("attach to zeroed memory", null, () -> ops.attach(config, zeroed));
        final OffHeapRegion garbage = region(bytes);
        final SplittableRandom random = new SplittableRandom(0x6761726261676565L);
        for (long at = 0; at + Long.BYTES <= bytes; at += Long.BYTES) {
            garbage.putLong(at, random.nextLong());
        }
        assertRefused("attach to random bytes", null, () -> ops.attach(config, garbage));
        final OffHeapRegion zone = region(bytes);
        remember(RawStore.allocIn(ops, config, zone));
        assertRefused("attach with length 0", "0", () -> ops.attach(config, zone.slice(0, 0)));
        assertRefused("attach with length memzoneBytes - 1", String.valueOf(bytes - 1),
            () -> ops.attach(config, zone.slice(0, bytes - 1)));
        final OffHeapRegion untouched = region(bytes);
        assertRefused("allocIn with length memzoneBytes - 1", String.valueOf(bytes - 1),
            () -> ops.allocIn(config, untouched.slice(0, bytes - 1)));
        for (long at = 0; at + Long.BYTES <= bytes; at += Long.BYTES) {
            assertEquals(0L, untouched.getLong(at), "byte " + at + " of the range was written by a refused allocIn");
        }
        assertRegionGuards();
    }

    /** The call must throw IllegalArgumentException or IllegalStateException, whose message names the value. */
    private static void assertRefused(final String what, final String value, final Executable call) {
        final RuntimeException thrown = assertThrows(RuntimeException.class, call, what + " was not refused");
        if (!(thrown instanceof IllegalArgumentException) && !(thrown instanceof IllegalStateException)) {
            fail(what + " threw " + thrown + " (expected: IllegalArgumentException or IllegalStateException)", thrown);
        }
        final String message = thrown.getMessage();
        assertTrue(message != null && !message.isBlank(), what + ": no message");
        if (value != null) {
            assertTrue(message.contains(value), what + ": the message \"" + message + "\" does not name " + value);
        }
    }

    @Test
    @Override
    public void optional_memzone_freeOfOneViewKeepsTheOthers() {
        final long[] h = kit.handles(12);
        final Zone zone = zone(SMALL);
        final RawStore<?> creator = zone.store();
        final RawStore<?> view = attach(zone);
        assertTrue(creator.enqueue(h, 0, 8), "enqueue of 8 through the creator's view");
        view.close();
        assertEquals(8, creator.count(), "count through the creator's view after the other view was freed");
        assertTrue(creator.enqueue(h, 8, 4), "enqueue through the creator's view after the other view was freed");
        creator.close();
        final RawStore<?> later = attach(zone);
        assertEquals(12, later.count(), "count through a view attached after every other view was freed");
        assertArrayEquals(sorted(h, 0, 12), drain(later), "the handles, through that view");
        assertRegionGuards();
    }
}
