package io.mempool.stress;

import io.mempool.driver.stack.LfStackOps;
import io.mempool.driver.stack.StackOps;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/** jcstress tests of the {@code stack} ({@link io.mempool.driver.stack.LongStack}) and {@code lf_stack}
 * ({@link io.mempool.driver.stack.LockFreeLongStack}) stores, through their ops as the pool drives them. */
public final class StackStress {
    private StackStress() {
    }

    /** stack (LongStack): two bulk puts race into room for both */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("stack (LongStack): two bulk puts race into room for both")
    @State
    public static class StackTwoProducers extends TwoProducers {
        public StackTwoProducers() {
            super(capacity -> HandleStore.ops(new StackOps(), capacity));
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

    /** stack (LongStack): a bulk and a single put race for room for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("stack (LongStack): a bulk and a single put race for room for one of them")
    @State
    public static class StackProducersBulkVsSingle extends ProducersBulkVsSingle {
        public StackProducersBulkVsSingle() {
            super(capacity -> HandleStore.ops(new StackOps(), capacity));
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

    /** stack (LongStack): two bulk takes race for enough for one */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("stack (LongStack): two bulk takes race for enough for one")
    @State
    public static class StackTwoConsumers extends TwoConsumers {
        public StackTwoConsumers() {
            super(capacity -> HandleStore.ops(new StackOps(), capacity));
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

    /** stack (LongStack): a bulk and a single take race for enough for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("stack (LongStack): a bulk and a single take race for enough for one of them")
    @State
    public static class StackConsumersBulkVsSingle extends ConsumersBulkVsSingle {
        public StackConsumersBulkVsSingle() {
            super(capacity -> HandleStore.ops(new StackOps(), capacity));
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

    /** stack (LongStack): a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("stack (LongStack): a bulk put races a take at the full boundary")
    @State
    public static class StackFull extends FullBoundary {
        public StackFull() {
            super(capacity -> HandleStore.ops(new StackOps(), capacity));
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

    /** stack (LongStack): a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("stack (LongStack): a bulk take races a put at the empty boundary")
    @State
    public static class StackEmpty extends EmptyBoundary {
        public StackEmpty() {
            super(capacity -> HandleStore.ops(new StackOps(), capacity));
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

    /** lf_stack (LockFreeLongStack): two bulk puts race into room for both */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("lf_stack (LockFreeLongStack): two bulk puts race into room for both")
    @State
    public static class LfStackTwoProducers extends TwoProducers {
        public LfStackTwoProducers() {
            super(capacity -> HandleStore.ops(new LfStackOps(), capacity));
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

    /** lf_stack (LockFreeLongStack): a bulk and a single put race for room for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("lf_stack (LockFreeLongStack): a bulk and a single put race for room for one of them")
    @State
    public static class LfStackProducersBulkVsSingle extends ProducersBulkVsSingle {
        public LfStackProducersBulkVsSingle() {
            super(capacity -> HandleStore.ops(new LfStackOps(), capacity));
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

    /** lf_stack (LockFreeLongStack): two bulk takes race for enough for one */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("lf_stack (LockFreeLongStack): two bulk takes race for enough for one")
    @State
    public static class LfStackTwoConsumers extends TwoConsumers {
        public LfStackTwoConsumers() {
            super(capacity -> HandleStore.ops(new LfStackOps(), capacity));
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

    /** lf_stack (LockFreeLongStack): a bulk and a single take race for enough for one of them */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("lf_stack (LockFreeLongStack): a bulk and a single take race for enough for one of them")
    @State
    public static class LfStackConsumersBulkVsSingle extends ConsumersBulkVsSingle {
        public LfStackConsumersBulkVsSingle() {
            super(capacity -> HandleStore.ops(new LfStackOps(), capacity));
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

    /** lf_stack (LockFreeLongStack): a bulk put races a take at the full boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("lf_stack (LockFreeLongStack): a bulk put races a take at the full boundary")
    @State
    public static class LfStackFull extends FullBoundary {
        public LfStackFull() {
            super(capacity -> HandleStore.ops(new LfStackOps(), capacity));
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

    /** lf_stack (LockFreeLongStack): a bulk take races a put at the empty boundary */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("lf_stack (LockFreeLongStack): a bulk take races a put at the empty boundary")
    @State
    public static class LfStackEmpty extends EmptyBoundary {
        public LfStackEmpty() {
            super(capacity -> HandleStore.ops(new LfStackOps(), capacity));
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
