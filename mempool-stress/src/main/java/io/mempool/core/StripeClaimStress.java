package io.mempool.core;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * jcstress test of a stripe's claim and release ({@link MempoolCache#tryClaim()}, {@link MempoolCache#release()}),
 * the only synchronisation between the virtual threads that share a stripe: two threads race for one
 * stripe holding two objects; each that claims it takes the hottest object and puts it back, then
 * releases. Mutual exclusion and the release-to-claim edge mean the stripe ends holding exactly its two
 * objects, once each. In {@code io.mempool.core}: the claim is package-private.
 */
@JCStressTest
@Description("a stripe claimed by two threads: one holder at a time, its contents handed over whole")
@Outcome(id = {"1, 1, 2, 0", "1, 0, 2, 0", "0, 1, 2, 0"}, expect = ACCEPTABLE,
    desc = "each claim saw the stripe whole and left it whole")
@Outcome(id = {"0, 0, 2, 0"}, expect = ACCEPTABLE_INTERESTING, desc = "both probed while the other held it")
@Outcome(expect = FORBIDDEN, desc = "two holders at once, or a claim that saw a stale stripe: objects lost or doubled")
@State
public class StripeClaimStress {
    private static final long A = 64;
    private static final long B = 128;

    private final MempoolCache stripe = new MempoolCache(null, new PoolState("stripe_stress", null), null, 4, null,
        true, false, false);
    private int claimed1;
    private int claimed2;

    /** Two objects in the stripe before the race. */
    public StripeClaimStress() {
        stripe.putOne(A);
        stripe.putOne(B);
    }

    /** Claims, takes the hottest object, puts it back, releases. */
    @Actor
    public void thread1() {
        claimed1 = use();
    }

    /** The same. */
    @Actor
    public void thread2() {
        claimed2 = use();
    }

    private int use() {
        if (!stripe.tryClaim()) {
            return 0;
        }
        try {
            final long obj = stripe.getOne();
            stripe.putOne(obj);
            return 1;
        } finally {
            stripe.release();
        }
    }

    /**
     * @param r claimed by 1, claimed by 2, objects held, and 0 if they are A and B once each (else 1).
     */
    @Arbiter
    public void arbiter(final IIII_Result r) {
        r.r1 = claimed1;
        r.r2 = claimed2;
        r.r3 = stripe.length();
        final long first = stripe.length() >= 1 ? stripe.getOne() : 0;
        final long second = stripe.length() >= 1 ? stripe.getOne() : 0;
        r.r4 = first != second && (first == A || first == B) && (second == A || second == B) ? 0 : 1;
    }
}
