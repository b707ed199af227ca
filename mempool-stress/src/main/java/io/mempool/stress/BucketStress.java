package io.mempool.stress;

import io.mempool.api.ElementGeometry;
import io.mempool.driver.bucket.BucketStore;
import io.mempool.driver.bucket.LockFreeBucketStack;
import io.mempool.driver.bucket.MpscAdoptionRing;
import java.util.Arrays;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressMeta;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIIII_Result;

/**
 * jcstress tests of the {@code bucket} driver: its per-thread stack of full buckets against a stealer, its
 * adoption ring with two producers and the owner consuming, and its store with two threads taking and
 * putting the objects of the same buckets (breaking a bucket, adopting objects, taking a whole block).
 * Graded by {@link Conservation}: every handle (or bucket id) seen exactly once.
 */
public final class BucketStress {
    /** A made-up, bucket-aligned chunk address: the store only computes handles from it. */
    private static final long CHUNK = 0x7f5e_0000_0000L;
    /** 1 KiB buckets of four elements of 256 B, each with a 64-byte header. */
    private static final ElementGeometry QUARTERS = new ElementGeometry(64, 256, 64);

    private BucketStress() {
    }

    /**
     * @param objects how many objects, in buckets of four.
     * @return a store holding them all, populated as the pool does (each object enqueued by the callback).
     */
    static BucketStore populated(final int objects) {
        final BucketStore store = new BucketStore(objects, 1, 8);
        store.populate(objects, CHUNK, 1 << 20, QUARTERS, obj -> store.enqueue(new long[] {obj}, 0, 1));
        return store;
    }

    /** @return the handles of a store {@link #populated} with {@code objects}, ascending. */
    static long[] universe(final int objects) {
        final long[] handles = new long[objects];
        for (int i = 0; i < objects; i++) {
            handles[i] = CHUNK + (i / 4) * 1024L + (i % 4) * 256L + 64;
        }
        return handles;
    }

    /** Tallies what is left in a quiescent store, then the verdict. */
    static void settle(final IIIII_Result r, final Ledger ledger, final BucketStore store, final int broken) {
        final int count = store.count();
        final long[] one = new long[1];
        int drained = 0;
        while (drained <= count && store.dequeue(one, 0, 1)) {
            ledger.saw(one[0]);
            drained++;
        }
        ledger.record(r, count - drained, broken);
    }

    /** Bucket stack: the owner pushes and pops while a stealer pops twice; three ids for three pops */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Bucket stack: the owner pushes and pops while a stealer pops twice; three ids for three pops")
    @State
    public static class StackOwnerVsStealer {
        private final int[] next = new int[3];
        private final LockFreeBucketStack stack = new LockFreeBucketStack();
        private int owned = LockFreeBucketStack.EMPTY;
        private int stolen1 = LockFreeBucketStack.EMPTY;
        private int stolen2 = LockFreeBucketStack.EMPTY;

        public StackOwnerVsStealer() {
            stack.push(next, 0);
            stack.push(next, 1);
        }

        /** Completes bucket 2, then takes its newest bucket. */
        @Actor
        public void owner() {
            stack.push(next, 2);
            owned = stack.pop(next);
        }

        /** Steals twice: two ids are there from the start, so neither pop may come back empty. */
        @Actor
        public void stealer() {
            stolen1 = stack.pop(next);
            stolen2 = stack.pop(next);
        }

        @Arbiter
        public void arbiter(final IIIII_Result r) {
            final Ledger ledger = new Ledger(Ledger.handles(3));
            int broken = 0;
            for (final int id : new int[] {owned, stolen1, stolen2}) {
                if (id == LockFreeBucketStack.EMPTY) {
                    broken++;
                } else {
                    ledger.saw(Ledger.handle(id + 1));
                }
            }
            final int size = stack.size();
            int drained = 0;
            for (int id = stack.pop(next); id != LockFreeBucketStack.EMPTY && drained <= 3; id = stack.pop(next)) {
                ledger.saw(Ledger.handle(id + 1));
                drained++;
            }
            ledger.record(r, size - drained, broken);
        }
    }

    /** Adoption ring: two producers offer while the owner, one of them, claims and polls */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Adoption ring: two producers offer while the owner, one of them, claims and polls")
    @State
    public static class AdoptionTwoProducersOwnerConsumes {
        private final MpscAdoptionRing ring = new MpscAdoptionRing(4);
        private final long[] polled = {0, 0, 0};
        private boolean ok1;
        private boolean ok2;
        private boolean ok3;
        private boolean claimed;

        /** A thread freeing two objects of buckets the owner owns. */
        @Actor
        public void producer() {
            ok1 = ring.offer(Ledger.handle(1));
            ok2 = ring.offer(Ledger.handle(2));
        }

        /** The owner frees one object into its own ring, then drains what is visible. */
        @Actor
        public void owner() {
            ok3 = ring.offer(Ledger.handle(3));
            claimed = ring.tryClaim();
            if (claimed) {
                for (int i = 0; i < polled.length; i++) {
                    polled[i] = ring.poll();
                }
                ring.release();
            }
        }

        @Arbiter
        public void arbiter(final IIIII_Result r) {
            final Ledger ledger = new Ledger(Ledger.handles(3));
            for (final long handle : polled) {
                if (handle != 0) {
                    ledger.saw(handle);
                }
            }
            final int size = ring.size();
            int drained = 0;
            if (ring.tryClaim()) {
                for (long handle = ring.poll(); handle != 0 && drained <= 3; handle = ring.poll()) {
                    ledger.saw(handle);
                    drained++;
                }
                ring.release();
            }
            // room for all three, and nobody else claims while the owner does
            final int broken = (ok1 ? 0 : 1) + (ok2 ? 0 : 1) + (ok3 ? 0 : 1) + (claimed ? 0 : 1);
            ledger.record(r, size - drained, broken);
        }
    }

    /** Bucket store, one bucket of four: two threads each take two and put them back (a break, a partial take, an adoption) */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Bucket store, one bucket of four: two threads each take two and put them back")
    @State
    public static class OneBucketTwoThreads {
        private final BucketStore store = populated(4);
        private final long[] t1 = sentinels(2);
        private final long[] t2 = sentinels(2);
        private int broken1;
        private int broken2;

        /** Breaks the bucket (or takes what the other left), then puts its two back. */
        @Actor
        public void actor1() {
            broken1 = takeAndPutBack(store, t1);
        }

        /** The same: whoever comes second takes the other half and puts it into the first's bucket. */
        @Actor
        public void actor2() {
            broken2 = takeAndPutBack(store, t2);
        }

        @Arbiter
        public void arbiter(final IIIII_Result r) {
            settle(r, new Ledger(universe(4)), store, broken1 + broken2);
        }
    }

    /** Bucket store, two buckets of four: a whole-bucket block races a single take */
    @JCStressTest
    @JCStressMeta(Conservation.class)
    @Description("Bucket store, two buckets of four: a whole-bucket block races a single take")
    @State
    public static class BlockVsSingle {
        private final BucketStore store = populated(8);
        private final long[] first = sentinels(1);
        private final long[] single = sentinels(1);
        private boolean okBlock;
        private boolean okSingle;

        /** Takes one whole bucket. */
        @Actor
        public void block() {
            okBlock = store.dequeueContigBlocks(first, 0, 1);
        }

        /** Takes one object: it breaks the other bucket, never the block's. */
        @Actor
        public void single() {
            okSingle = store.dequeue(single, 0, 1);
        }

        @Arbiter
        public void arbiter(final IIIII_Result r) {
            final Ledger ledger = new Ledger(universe(8));
            if (okBlock) {
                for (int k = 0; k < 4; k++) {
                    ledger.saw(first[0] + k * 256L);
                }
            }
            if (okSingle) {
                ledger.saw(single[0]);
            }
            // there are two whole buckets: each call finds one, and a failed one must not write
            final int broken = (okBlock ? 0 : 1) + (okSingle ? 0 : 1)
                + StoreScenario.dirty(okBlock, first) + StoreScenario.dirty(okSingle, single);
            settle(r, ledger, store, broken);
        }
    }

    /** Takes two, puts them back. @return 1 if the take failed (there was room) or a failed take wrote the table. */
    static int takeAndPutBack(final BucketStore store, final long[] table) {
        if (!store.dequeue(table, 0, table.length)) {
            return 1 + StoreScenario.dirty(false, table);
        }
        store.enqueue(table, 0, table.length);
        return 0;
    }

    private static long[] sentinels(final int n) {
        final long[] table = new long[n];
        Arrays.fill(table, Ledger.SENTINEL);
        return table;
    }
}
