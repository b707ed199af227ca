package io.mempool.stress;

import io.mempool.driver.ring.LongRing.SyncMode;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/** jcstress tests of {@link io.mempool.driver.ring.LongRing}'s multi-producer sync modes: MULTI, RTS and HTS. */
public final class RingProducerStress {
    private RingProducerStress() {
    }

    /** LongRing, multi producers: two bulk puts race into room for both */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, multi producers: two bulk puts race into room for both")
    @State
    public static class MultiTwoProducers extends TwoProducers {
        public MultiTwoProducers() {
            super(capacity -> HandleStore.ring(SyncMode.MULTI, SyncMode.SINGLE, capacity));
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

    /** LongRing, multi producers: a bulk and a single put race for room for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, multi producers: a bulk and a single put race for room for one of them")
    @State
    public static class MultiProducersBulkVsSingle extends ProducersBulkVsSingle {
        public MultiProducersBulkVsSingle() {
            super(capacity -> HandleStore.ring(SyncMode.MULTI, SyncMode.SINGLE, capacity));
        }

        @Actor
        @Override
        public void bulkProducer() {
            super.bulkProducer();
        }

        @Actor
        @Override
        public void singleProducer() {
            super.singleProducer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** LongRing, RTS producers: two bulk puts race into room for both */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, RTS producers: two bulk puts race into room for both")
    @State
    public static class RtsTwoProducers extends TwoProducers {
        public RtsTwoProducers() {
            super(capacity -> HandleStore.ring(SyncMode.RTS, SyncMode.SINGLE, capacity));
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

    /** LongRing, RTS producers: a bulk and a single put race for room for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, RTS producers: a bulk and a single put race for room for one of them")
    @State
    public static class RtsProducersBulkVsSingle extends ProducersBulkVsSingle {
        public RtsProducersBulkVsSingle() {
            super(capacity -> HandleStore.ring(SyncMode.RTS, SyncMode.SINGLE, capacity));
        }

        @Actor
        @Override
        public void bulkProducer() {
            super.bulkProducer();
        }

        @Actor
        @Override
        public void singleProducer() {
            super.singleProducer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** LongRing, HTS producers: two bulk puts race into room for both */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, HTS producers: two bulk puts race into room for both")
    @State
    public static class HtsTwoProducers extends TwoProducers {
        public HtsTwoProducers() {
            super(capacity -> HandleStore.ring(SyncMode.HTS, SyncMode.SINGLE, capacity));
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

    /** LongRing, HTS producers: a bulk and a single put race for room for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, HTS producers: a bulk and a single put race for room for one of them")
    @State
    public static class HtsProducersBulkVsSingle extends ProducersBulkVsSingle {
        public HtsProducersBulkVsSingle() {
            super(capacity -> HandleStore.ring(SyncMode.HTS, SyncMode.SINGLE, capacity));
        }

        @Actor
        @Override
        public void bulkProducer() {
            super.bulkProducer();
        }

        @Actor
        @Override
        public void singleProducer() {
            super.singleProducer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }
}
