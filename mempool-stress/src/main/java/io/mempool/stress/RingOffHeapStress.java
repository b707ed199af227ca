package io.mempool.stress;

import io.mempool.driver.ring.LongRing.SyncMode;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * jcstress tests of an off-heap {@link io.mempool.driver.ring.LongRing} ({@code createIn} in a memzone): the
 * full and empty boundaries in each sync mode, and two producers or two consumers racing on the CAS paths.
 * Producers use the creator's view, consumers another from {@code attach}; the words are the same memory,
 * reached through the memzone's {@code OffHeapRegion} instead of the heap ring's VarHandles.
 */
public final class RingOffHeapStress {
    private RingOffHeapStress() {
    }

    /** off-heap LongRing, single producer, single consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, single producer, single consumer: a bulk put races a take at the full boundary")
    @State
    public static class SpScFull extends FullBoundary {
        public SpScFull() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.SINGLE, SyncMode.SINGLE, capacity));
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer() {
            super.consumer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** off-heap LongRing, single producer, single consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, single producer, single consumer: a bulk take races a put at the empty boundary")
    @State
    public static class SpScEmpty extends EmptyBoundary {
        public SpScEmpty() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.SINGLE, SyncMode.SINGLE, capacity));
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer() {
            super.consumer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** off-heap LongRing, multi producer, multi consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, multi producer, multi consumer: a bulk put races a take at the full boundary")
    @State
    public static class MpMcFull extends FullBoundary {
        public MpMcFull() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.MULTI, SyncMode.MULTI, capacity));
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer() {
            super.consumer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** off-heap LongRing, multi producer, multi consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, multi producer, multi consumer: a bulk take races a put at the empty boundary")
    @State
    public static class MpMcEmpty extends EmptyBoundary {
        public MpMcEmpty() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.MULTI, SyncMode.MULTI, capacity));
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer() {
            super.consumer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** off-heap LongRing, RTS producer, RTS consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, RTS producer, RTS consumer: a bulk put races a take at the full boundary")
    @State
    public static class RtsRtsFull extends FullBoundary {
        public RtsRtsFull() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.RTS, SyncMode.RTS, capacity));
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer() {
            super.consumer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** off-heap LongRing, RTS producer, RTS consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, RTS producer, RTS consumer: a bulk take races a put at the empty boundary")
    @State
    public static class RtsRtsEmpty extends EmptyBoundary {
        public RtsRtsEmpty() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.RTS, SyncMode.RTS, capacity));
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer() {
            super.consumer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** off-heap LongRing, HTS producer, HTS consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, HTS producer, HTS consumer: a bulk put races a take at the full boundary")
    @State
    public static class HtsHtsFull extends FullBoundary {
        public HtsHtsFull() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.HTS, SyncMode.HTS, capacity));
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer() {
            super.consumer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** off-heap LongRing, HTS producer, HTS consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, HTS producer, HTS consumer: a bulk take races a put at the empty boundary")
    @State
    public static class HtsHtsEmpty extends EmptyBoundary {
        public HtsHtsEmpty() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.HTS, SyncMode.HTS, capacity));
        }

        @Actor
        @Override
        public void producer() {
            super.producer();
        }

        @Actor
        @Override
        public void consumer() {
            super.consumer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** off-heap LongRing, multi producers: two bulk puts race into room for both */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, multi producers: two bulk puts race into room for both")
    @State
    public static class MultiTwoProducers extends TwoProducers {
        public MultiTwoProducers() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.MULTI, SyncMode.SINGLE, capacity));
        }

        @Actor
        @Override
        public void producer1() {
            super.producer1();
        }

        @Actor
        @Override
        public void producer2() {
            super.producer2();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** off-heap LongRing, multi consumers: two bulk takes race for enough for one */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("off-heap LongRing, multi consumers: two bulk takes race for enough for one")
    @State
    public static class MultiTwoConsumers extends TwoConsumers {
        public MultiTwoConsumers() {
            super(capacity -> HandleStore.offHeapRing(SyncMode.SINGLE, SyncMode.MULTI, capacity));
        }

        @Actor
        @Override
        public void consumer1() {
            super.consumer1();
        }

        @Actor
        @Override
        public void consumer2() {
            super.consumer2();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }
}
