package io.mempool.stress;

import io.mempool.driver.ring.LongRing.SyncMode;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/** jcstress tests of {@link io.mempool.driver.ring.LongRing}'s multi-consumer sync modes: MULTI, RTS and HTS. */
public final class RingConsumerStress {
    private RingConsumerStress() {
    }

    /** LongRing, multi consumers: two bulk takes race for enough for one */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, multi consumers: two bulk takes race for enough for one")
    @State
    public static class MultiTwoConsumers extends TwoConsumers {
        public MultiTwoConsumers() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.MULTI, capacity));
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

    /** LongRing, multi consumers: a bulk and a single take race for enough for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, multi consumers: a bulk and a single take race for enough for one of them")
    @State
    public static class MultiConsumersBulkVsSingle extends ConsumersBulkVsSingle {
        public MultiConsumersBulkVsSingle() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.MULTI, capacity));
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

    /** LongRing, RTS consumers: two bulk takes race for enough for one */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, RTS consumers: two bulk takes race for enough for one")
    @State
    public static class RtsTwoConsumers extends TwoConsumers {
        public RtsTwoConsumers() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.RTS, capacity));
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

    /** LongRing, RTS consumers: a bulk and a single take race for enough for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, RTS consumers: a bulk and a single take race for enough for one of them")
    @State
    public static class RtsConsumersBulkVsSingle extends ConsumersBulkVsSingle {
        public RtsConsumersBulkVsSingle() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.RTS, capacity));
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

    /** LongRing, HTS consumers: two bulk takes race for enough for one */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, HTS consumers: two bulk takes race for enough for one")
    @State
    public static class HtsTwoConsumers extends TwoConsumers {
        public HtsTwoConsumers() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.HTS, capacity));
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

    /** LongRing, HTS consumers: a bulk and a single take race for enough for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("LongRing, HTS consumers: a bulk and a single take race for enough for one of them")
    @State
    public static class HtsConsumersBulkVsSingle extends ConsumersBulkVsSingle {
        public HtsConsumersBulkVsSingle() {
            super(capacity -> HandleStore.ring(SyncMode.SINGLE, SyncMode.HTS, capacity));
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
}
