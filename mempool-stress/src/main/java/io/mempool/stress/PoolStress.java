package io.mempool.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * jcstress tests of the pool: two threads get and put through user caches of their own (refill, flush to
 * the store, direct gets and their fallback) against one store, for every multi-producer multi-consumer ops.
 */
public final class PoolStress {
    private PoolStress() {
    }

    /** Mempool on ring_mp_mc: two threads get and put through their own caches */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Mempool on ring_mp_mc: two threads get and put through their own caches")
    @State
    public static class RingMpMc extends PoolCachesRace {
        public RingMpMc() {
            super("ring_mp_mc");
        }

        @Actor
        @Override
        public void getter1() {
            super.getter1();
        }

        @Actor
        @Override
        public void getter2() {
            super.getter2();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** Mempool on ring_mt_rts: two threads get and put through their own caches */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Mempool on ring_mt_rts: two threads get and put through their own caches")
    @State
    public static class RingMtRts extends PoolCachesRace {
        public RingMtRts() {
            super("ring_mt_rts");
        }

        @Actor
        @Override
        public void getter1() {
            super.getter1();
        }

        @Actor
        @Override
        public void getter2() {
            super.getter2();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** Mempool on ring_mt_hts: two threads get and put through their own caches */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Mempool on ring_mt_hts: two threads get and put through their own caches")
    @State
    public static class RingMtHts extends PoolCachesRace {
        public RingMtHts() {
            super("ring_mt_hts");
        }

        @Actor
        @Override
        public void getter1() {
            super.getter1();
        }

        @Actor
        @Override
        public void getter2() {
            super.getter2();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** Mempool on stack: two threads get and put through their own caches */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Mempool on stack: two threads get and put through their own caches")
    @State
    public static class Stack extends PoolCachesRace {
        public Stack() {
            super("stack");
        }

        @Actor
        @Override
        public void getter1() {
            super.getter1();
        }

        @Actor
        @Override
        public void getter2() {
            super.getter2();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** Mempool on lf_stack: two threads get and put through their own caches */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Mempool on lf_stack: two threads get and put through their own caches")
    @State
    public static class LfStack extends PoolCachesRace {
        public LfStack() {
            super("lf_stack");
        }

        @Actor
        @Override
        public void getter1() {
            super.getter1();
        }

        @Actor
        @Override
        public void getter2() {
            super.getter2();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }

    /** Mempool on agrona_mp_mc: two threads get and put through their own caches */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Mempool on agrona_mp_mc: two threads get and put through their own caches")
    @State
    public static class AgronaMpMc extends PoolCachesRace {
        public AgronaMpMc() {
            super("agrona_mp_mc");
        }

        @Actor
        @Override
        public void getter1() {
            super.getter1();
        }

        @Actor
        @Override
        public void getter2() {
            super.getter2();
        }

        @Arbiter
        @Override
        public void arbiter(final IIIII_Result r) {
            super.arbiter(r);
        }
    }
}
