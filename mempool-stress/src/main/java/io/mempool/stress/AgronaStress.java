package io.mempool.stress;

import io.mempool.driver.agrona.AgronaMpMcOps;
import io.mempool.driver.agrona.AgronaSpScOps;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/** jcstress tests of the off-heap {@code agrona_mp_mc} and {@code agrona_sp_sc} stores, through their ops; the
 * single-producer single-consumer store only races one producer against one consumer. */
public final class AgronaStress {
    private AgronaStress() {
    }

    /** agrona_mp_mc: two bulk puts race into room for both */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("agrona_mp_mc: two bulk puts race into room for both")
    @State
    public static class MpMcTwoProducers extends TwoProducers {
        public MpMcTwoProducers() {
            super(capacity -> HandleStore.ops(new AgronaMpMcOps(), capacity));
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

    /** agrona_mp_mc: a bulk and a single put race for room for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("agrona_mp_mc: a bulk and a single put race for room for one of them")
    @State
    public static class MpMcProducersBulkVsSingle extends ProducersBulkVsSingle {
        public MpMcProducersBulkVsSingle() {
            super(capacity -> HandleStore.ops(new AgronaMpMcOps(), capacity));
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

    /** agrona_mp_mc: two bulk takes race for enough for one */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("agrona_mp_mc: two bulk takes race for enough for one")
    @State
    public static class MpMcTwoConsumers extends TwoConsumers {
        public MpMcTwoConsumers() {
            super(capacity -> HandleStore.ops(new AgronaMpMcOps(), capacity));
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

    /** agrona_mp_mc: a bulk and a single take race for enough for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("agrona_mp_mc: a bulk and a single take race for enough for one of them")
    @State
    public static class MpMcConsumersBulkVsSingle extends ConsumersBulkVsSingle {
        public MpMcConsumersBulkVsSingle() {
            super(capacity -> HandleStore.ops(new AgronaMpMcOps(), capacity));
        }

        @Actor
        @Override
        public void bulkConsumer() {
            super.bulkConsumer();
        }

        @Actor
        @Override
        public void singleConsumer() {
            super.singleConsumer();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** agrona_mp_mc: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("agrona_mp_mc: a bulk put races a take at the full boundary")
    @State
    public static class MpMcFull extends FullBoundary {
        public MpMcFull() {
            super(capacity -> HandleStore.ops(new AgronaMpMcOps(), capacity));
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

    /** agrona_mp_mc: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("agrona_mp_mc: a bulk take races a put at the empty boundary")
    @State
    public static class MpMcEmpty extends EmptyBoundary {
        public MpMcEmpty() {
            super(capacity -> HandleStore.ops(new AgronaMpMcOps(), capacity));
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

    /** agrona_sp_sc: a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("agrona_sp_sc: a bulk put races a take at the full boundary")
    @State
    public static class SpScFull extends FullBoundary {
        public SpScFull() {
            super(capacity -> HandleStore.ops(new AgronaSpScOps(), capacity));
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

    /** agrona_sp_sc: a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("agrona_sp_sc: a bulk take races a put at the empty boundary")
    @State
    public static class SpScEmpty extends EmptyBoundary {
        public SpScEmpty() {
            super(capacity -> HandleStore.ops(new AgronaSpScOps(), capacity));
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
