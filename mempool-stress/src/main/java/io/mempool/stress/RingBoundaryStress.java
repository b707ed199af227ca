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
 * jcstress tests of {@link io.mempool.driver.ring.LongRing} at the full and empty boundaries, one producer
 * against one consumer: each sync mode on each side, and mixed pairs (the sides read only each other's
 * tail word, whatever their modes).
 */
public final class RingBoundaryStress {
    private RingBoundaryStress() {
    }

    /** LongRing, single producer, single consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, single producer, single consumer: a bulk put races a take at the full boundary")
    @State
    public static class SpScFull extends FullBoundary {
        public SpScFull() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.SINGLE, capacity));
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

    /** LongRing, single producer, single consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, single producer, single consumer: a bulk take races a put at the empty boundary")
    @State
    public static class SpScEmpty extends EmptyBoundary {
        public SpScEmpty() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.SINGLE, capacity));
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

    /** LongRing, multi producer, multi consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, multi producer, multi consumer: a bulk put races a take at the full boundary")
    @State
    public static class MpMcFull extends FullBoundary {
        public MpMcFull() {
            super(capacity -> HandleStore.ring(SyncMode.MULTI, SyncMode.MULTI, capacity));
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

    /** LongRing, multi producer, multi consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, multi producer, multi consumer: a bulk take races a put at the empty boundary")
    @State
    public static class MpMcEmpty extends EmptyBoundary {
        public MpMcEmpty() {
            super(capacity -> HandleStore.ring(SyncMode.MULTI, SyncMode.MULTI, capacity));
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

    /** LongRing, RTS producer, RTS consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, RTS producer, RTS consumer: a bulk put races a take at the full boundary")
    @State
    public static class RtsRtsFull extends FullBoundary {
        public RtsRtsFull() {
            super(capacity -> HandleStore.ring(SyncMode.RTS, SyncMode.RTS, capacity));
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

    /** LongRing, RTS producer, RTS consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, RTS producer, RTS consumer: a bulk take races a put at the empty boundary")
    @State
    public static class RtsRtsEmpty extends EmptyBoundary {
        public RtsRtsEmpty() {
            super(capacity -> HandleStore.ring(SyncMode.RTS, SyncMode.RTS, capacity));
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

    /** LongRing, HTS producer, HTS consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, HTS producer, HTS consumer: a bulk put races a take at the full boundary")
    @State
    public static class HtsHtsFull extends FullBoundary {
        public HtsHtsFull() {
            super(capacity -> HandleStore.ring(SyncMode.HTS, SyncMode.HTS, capacity));
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

    /** LongRing, HTS producer, HTS consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, HTS producer, HTS consumer: a bulk take races a put at the empty boundary")
    @State
    public static class HtsHtsEmpty extends EmptyBoundary {
        public HtsHtsEmpty() {
            super(capacity -> HandleStore.ring(SyncMode.HTS, SyncMode.HTS, capacity));
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

    /** LongRing, multi producer, single consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, multi producer, single consumer: a bulk put races a take at the full boundary")
    @State
    public static class MpScFull extends FullBoundary {
        public MpScFull() {
            super(capacity -> HandleStore.ring(SyncMode.MULTI, SyncMode.SINGLE, capacity));
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

    /** LongRing, multi producer, single consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, multi producer, single consumer: a bulk take races a put at the empty boundary")
    @State
    public static class MpScEmpty extends EmptyBoundary {
        public MpScEmpty() {
            super(capacity -> HandleStore.ring(SyncMode.MULTI, SyncMode.SINGLE, capacity));
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

    /** LongRing, single producer, multi consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, single producer, multi consumer: a bulk put races a take at the full boundary")
    @State
    public static class SpMcFull extends FullBoundary {
        public SpMcFull() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.MULTI, capacity));
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

    /** LongRing, single producer, multi consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, single producer, multi consumer: a bulk take races a put at the empty boundary")
    @State
    public static class SpMcEmpty extends EmptyBoundary {
        public SpMcEmpty() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.MULTI, capacity));
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

    /** LongRing, RTS producer, HTS consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, RTS producer, HTS consumer: a bulk put races a take at the full boundary")
    @State
    public static class RtsHtsFull extends FullBoundary {
        public RtsHtsFull() {
            super(capacity -> HandleStore.ring(SyncMode.RTS, SyncMode.HTS, capacity));
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

    /** LongRing, RTS producer, HTS consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, RTS producer, HTS consumer: a bulk take races a put at the empty boundary")
    @State
    public static class RtsHtsEmpty extends EmptyBoundary {
        public RtsHtsEmpty() {
            super(capacity -> HandleStore.ring(SyncMode.RTS, SyncMode.HTS, capacity));
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

    /** LongRing, HTS producer, RTS consumer: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, HTS producer, RTS consumer: a bulk put races a take at the full boundary")
    @State
    public static class HtsRtsFull extends FullBoundary {
        public HtsRtsFull() {
            super(capacity -> HandleStore.ring(SyncMode.HTS, SyncMode.RTS, capacity));
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

    /** LongRing, HTS producer, RTS consumer: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, HTS producer, RTS consumer: a bulk take races a put at the empty boundary")
    @State
    public static class HtsRtsEmpty extends EmptyBoundary {
        public HtsRtsEmpty() {
            super(capacity -> HandleStore.ring(SyncMode.HTS, SyncMode.RTS, capacity));
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
}
