package io.mempool.stress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Outcome;

/**
 * The grading every test shares through {@code @JCStressMeta(Conservation.class)}. The result reads
 * {@code lost, duplicated, foreign, countError, brokenCalls} (see {@link Ledger}); patterns are tried in
 * order, so an outcome is graded by its first non-zero field. Negative counts match nothing and grade as
 * unknown, which fails too.
 */
@Outcome(id = "0, 0, 0, 0, 0", expect = ACCEPTABLE,
    desc = "every handle seen exactly once, count exact, every failed call clean")
@Outcome(id = "[1-9]\\d*, \\d+, \\d+, -?\\d+, \\d+", expect = FORBIDDEN,
    desc = "LOST: a handle is neither in the store nor held by an actor")
@Outcome(id = "0, [1-9]\\d*, \\d+, -?\\d+, \\d+", expect = FORBIDDEN,
    desc = "DUPLICATED: a handle was seen more than once")
@Outcome(id = "0, 0, [1-9]\\d*, -?\\d+, \\d+", expect = FORBIDDEN,
    desc = "FOREIGN: a value nobody put came out (a torn or stale slot)")
@Outcome(id = "0, 0, 0, -?[1-9]\\d*, \\d+", expect = FORBIDDEN,
    desc = "TORN COUNT: the quiescent count differs from the handles drained")
@Outcome(id = "0, 0, 0, 0, [1-9]\\d*", expect = FORBIDDEN,
    desc = "BROKEN CALL: a failed call wrote the caller's table, or failed although it had room")
public final class Conservation {
    private Conservation() {
    }
}
