package io.mempool.testkit;

import io.mempool.core.Mempool;
import io.mempool.core.MempoolEvent;
import io.mempool.core.MempoolEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event rules of {@link MempoolOpsConformanceRules.Events}: test_mempool.c's checks 12 and 13 on
 * small pools of the ops under test. Listeners are global, so each rule counts only the events of
 * its own pools (by identity) and removes its listeners afterwards.
 */
abstract class PoolEventConformance extends ConformanceGroup implements MempoolOpsConformanceRules.Events {
    private static final int SIZE = 63;

    private final List<MempoolEventListener> added = new CopyOnWriteArrayList<>();

    PoolEventConformance(final MempoolOpsConformance kit) {
        super(kit);
    }

    /** An event and the pool it was fired with. */
    private record Seen(MempoolEvent event, Mempool mp) {
    }

    /** Records every event it is given; thread-safe. */
    private static class Recorder implements MempoolEventListener {
        private final List<Seen> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(final MempoolEvent event, final Mempool mp) {
            seen.add(new Seen(event, mp));
        }

        /** The events fired with {@code mp}, in order. */
        List<MempoolEvent> of(final Mempool mp) {
            return seen.stream().filter(s -> s.mp() == mp).map(Seen::event).collect(Collectors.toList());
        }
    }

    private boolean add(final MempoolEventListener listener) {
        added.add(listener);
        return Mempool.addEventListener(listener);
    }

    private List<Recorder> addThree() {
        final List<Recorder> recorders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final Recorder r = new Recorder();
            assertTrue(add(r), "addEventListener of listener " + (i + 1));
            recorders.add(r);
        }
        return recorders;
    }

    @AfterEach
    final void removeListeners() {
        for (final MempoolEventListener listener : added) {
            Mempool.removeEventListener(listener);
        }
    }

    private Mempool empty(final String tag) {
        return track(builder(tag).size(SIZE).elementSize(64).createEmpty());
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEvents_addThreeListeners() {
        final List<Recorder> recorders = addThree();
        for (final Recorder r : recorders) {
            assertTrue(Mempool.removeEventListener(r), "removeEventListener of an added listener");
        }
        assertFalse(Mempool.removeEventListener(recorders.get(0)), "removeEventListener of a removed listener");
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEvents_removeUnknownFails() {
        assertFalse(Mempool.removeEventListener(new Recorder()), "removeEventListener of an unknown listener");
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEvents_createEmptyFiresNothing() {
        final List<Recorder> recorders = addThree();
        final Mempool mp = empty("evempty");
        for (final Recorder r : recorders) {
            assertEquals(List.of(), r.of(mp), "events of createEmpty");
        }
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEvents_populateFiresReadyOnce() {
        final List<Recorder> recorders = addThree();
        final Mempool mp = empty("evpop");
        assertEquals(SIZE, mp.populateDefault(), "populateDefault");
        for (final Recorder r : recorders) {
            assertEquals(List.of(MempoolEvent.READY), r.of(mp), "events of populateDefault");
        }
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEvents_createFiresReadyOnce() {
        final List<Recorder> recorders = addThree();
        final Mempool mp = track(builder("evcreate").size(SIZE).elementSize(64).create());
        for (final Recorder r : recorders) {
            assertEquals(List.of(MempoolEvent.READY), r.of(mp), "events of create");
        }
        mp.close();
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEvents_removedListenerSeesNothingMore() {
        final List<Recorder> recorders = addThree();
        final Mempool mp = empty("evremove");
        mp.populateDefault();
        assertTrue(Mempool.removeEventListener(recorders.get(1)), "removeEventListener after READY");
        mp.close();
        assertEquals(List.of(MempoolEvent.READY), recorders.get(1).of(mp), "events of a removed listener");
        assertEquals(List.of(MempoolEvent.READY, MempoolEvent.DESTROY), recorders.get(0).of(mp), "events of listener 1");
        assertEquals(List.of(MempoolEvent.READY, MempoolEvent.DESTROY), recorders.get(2).of(mp), "events of listener 3");
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEvents_closeFiresDestroy() {
        final List<Recorder> recorders = addThree();
        final Mempool mp = track(builder("evclose").size(SIZE).elementSize(64).create());
        mp.close();
        for (final Recorder r : recorders) {
            assertEquals(List.of(MempoolEvent.READY, MempoolEvent.DESTROY), r.of(mp), "events of create and close");
        }
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEventSafety_removeSelfDuringReady() {
        final AtomicReference<Mempool> target = new AtomicReference<>();
        final AtomicReference<Boolean> removed = new AtomicReference<>();
        final Recorder self = new Recorder() {
            @Override
            public void onEvent(final MempoolEvent event, final Mempool mp) {
                super.onEvent(event, mp);
                if (event == MempoolEvent.READY && mp == target.get()) {
                    removed.set(Mempool.removeEventListener(this));
                }
            }
        };
        assertTrue(add(self), "addEventListener");
        final Mempool mp = empty("evself");
        target.set(mp);
        mp.populateDefault();
        assertEquals(Boolean.TRUE, removed.get(), "removeEventListener of itself during READY");
        mp.close();
        assertEquals(List.of(MempoolEvent.READY), self.of(mp), "events of a listener that removed itself");
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEventSafety_addAnotherDuringReady() {
        final AtomicReference<Mempool> target = new AtomicReference<>();
        final AtomicReference<Boolean> addedLate = new AtomicReference<>();
        final Recorder late = new Recorder();
        final Recorder adder = new Recorder() {
            @Override
            public void onEvent(final MempoolEvent event, final Mempool mp) {
                super.onEvent(event, mp);
                if (event == MempoolEvent.READY && mp == target.get()) {
                    addedLate.set(add(late));
                }
            }
        };
        assertTrue(add(adder), "addEventListener");
        final Mempool mp = empty("evadd");
        target.set(mp);
        mp.populateDefault();
        assertEquals(Boolean.TRUE, addedLate.get(), "addEventListener during READY");
        assertEquals(List.of(), late.of(mp), "events of a listener added during READY, before close");
        mp.close();
        assertEquals(List.of(MempoolEvent.DESTROY), late.of(mp), "events of a listener added during READY");
        assertEquals(List.of(MempoolEvent.READY, MempoolEvent.DESTROY), adder.of(mp), "events of the adding listener");
    }

    @Test
    @Override
    public void required_dpdk_testMempoolEventSafety_addSameListenerTwiceFails() {
        final Recorder r = new Recorder();
        assertTrue(add(r), "first addEventListener");
        assertFalse(add(r), "second addEventListener of the same listener");
        assertTrue(Mempool.removeEventListener(r), "removeEventListener");
        assertFalse(Mempool.removeEventListener(r), "second removeEventListener");
    }
}
