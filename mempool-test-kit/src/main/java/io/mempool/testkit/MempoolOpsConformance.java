package io.mempool.testkit;

import io.mempool.api.MempoolFlag;
import io.mempool.core.MempoolOpsRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance suite of a {@link io.mempool.api.MempoolOps} driver. A driver's test extends this
 * class and names its ops:
 * <pre>{@code
 * class RingMpMcConformanceTest extends MempoolOpsConformance {
 *     @Override
 *     protected String opsName() {
 *         return "ring_mp_mc";
 *     }
 * }
 * }</pre>
 * JUnit then runs every rule of {@link MempoolOpsConformanceRules}, grouped in {@link Nested} classes:
 * the SPI contract on a raw store ({@link Spi}), a store in a memzone ({@link Memzone}), a store that
 * places its objects ({@link Placement}), DPDK's
 * test_mempool.c basic checks once per cache
 * mode ({@link PoolNoCache}, {@link PoolDefaultCache}, {@link PoolUserCache}), the other pool checks
 * ({@link Pool}, {@link Events}), bad input to every public method ({@link BadInput}) and conservation
 * under concurrency ({@link Concurrency}).
 *
 * <p>Optional hooks, with defaults: {@link #singleProducerOnly()}, {@link #singleConsumerOnly()},
 * {@link #concurrencyBudget()}, {@link #ruleTimeout()}, {@link #opsParams()} and {@link #handles(int)};
 * the {@code required_validate_*} rules check them. {@code required_*} rules apply to every driver and
 * never skip; {@code optional_*} rules apply to a capability, and skip, naming the hook or SPI method
 * that made them not apply, when the driver lacks it.
 *
 * <p><b>Thread safety:</b> the rules run sequentially (JUnit's default), each on a thread of its own
 * bounded by {@link #ruleTimeout()}, so a store that spins forever fails its rule instead of hanging
 * the build. Each rule creates its own pools, with names unique in the JVM, and closes them.
 * Concurrency rules start their own threads, bounded by {@link #concurrencyBudget()}, and rethrow
 * their failures in the rule's thread.
 *
 * <p><b>Note:</b> event listeners are global to the JVM; the event rules add theirs only while they
 * run and look only at events of their own pools, so pools that other code creates meanwhile do not
 * disturb them.
 */
@ExtendWith(RuleTimeout.class)
public abstract class MempoolOpsConformance implements MempoolOpsConformanceRules.Validate {
    /** The system property that overrides the default {@link #concurrencyBudget()}, in milliseconds. */
    public static final String BUDGET_PROPERTY = "mempool.testkit.budget.ms";
    /** The system property that overrides the default {@link #ruleTimeout()}, in milliseconds. */
    public static final String TIMEOUT_PROPERTY = "mempool.testkit.timeout.ms";

    private static final long DEFAULT_BUDGET_MS = 1_000;
    private static final Duration MAX_BUDGET = Duration.ofSeconds(10);
    /** With the budget, longer than a concurrency rule's own limits: 20 s to join its workers, 30 s to gather. */
    private static final Duration TIMEOUT_BEYOND_BUDGET = Duration.ofSeconds(60);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    /** The handle counts {@code required_validate_handlesAreDistinctAndNonZero} asks the hook for. */
    private static final int[] HANDLE_COUNTS = {1, 11, 64, 4096};

    /**
     * Creates the suite; JUnit calls it once per rule.
     */
    protected MempoolOpsConformance() {
    }

    /**
     * @return the name of the ops under test, as {@link io.mempool.api.MempoolOps#name()} gives it.
     */
    protected abstract String opsName();

    /**
     * Whether the store must see at most one putting thread at a time. The concurrency rules then
     * put from exactly one thread, and raw stores are allocated with {@link MempoolFlag#SP_PUT}.
     *
     * @return by default, whether the ops' {@code requiredFlags()} contains {@link MempoolFlag#SP_PUT}.
     */
    protected boolean singleProducerOnly() {
        return requiredFlags().contains(MempoolFlag.SP_PUT);
    }

    /**
     * Whether the store must see at most one getting thread at a time. The concurrency rules then
     * get from exactly one thread, and raw stores are allocated with {@link MempoolFlag#SC_GET}.
     *
     * @return by default, whether the ops' {@code requiredFlags()} contains {@link MempoolFlag#SC_GET}.
     */
    protected boolean singleConsumerOnly() {
        return requiredFlags().contains(MempoolFlag.SC_GET);
    }

    /**
     * How long each concurrency rule runs its workers. Every such rule stops by itself after this
     * (plus a grace period to join), and never asserts on speed.
     *
     * @return by default 1 s, or the system property {@value #BUDGET_PROPERTY} in milliseconds.
     */
    protected Duration concurrencyBudget() {
        return Duration.ofMillis(Long.getLong(BUDGET_PROPERTY, DEFAULT_BUDGET_MS));
    }

    /**
     * How long any one rule may run before it fails as hung. The rule runs on a thread of its own,
     * which is abandoned (not stopped: a spinning store may ignore interrupts) when the time is up.
     * Must exceed {@link #concurrencyBudget()}.
     *
     * @return by default {@link #concurrencyBudget()} + 60 s, or the system property
     *     {@value #TIMEOUT_PROPERTY} in milliseconds.
     */
    protected Duration ruleTimeout() {
        final Long millis = Long.getLong(TIMEOUT_PROPERTY);
        return millis != null ? Duration.ofMillis(millis) : concurrencyBudget().plus(TIMEOUT_BEYOND_BUDGET);
    }

    /**
     * The handles the SPI rules enqueue into raw stores: {@code n} distinct values, none {@code 0L}.
     * Override it when the driver translates handles (docs/architecture.md, objects: e.g. to 32-bit offsets from a base) and
     * so takes only handles near each other, as a pool's are; return, for example, the handles of a pool
     * of at least {@code n} objects. The pool rules always use real pools.
     *
     * @param n how many handles, {@code >= 1}; the SPI rules ask for at most about 5,500.
     * @return by default synthetic handles: first eleven across the whole positive {@code long} range (1, 8,
     *     63, 2^32 - 8, 2^32, 2^32 + 8, typical addresses, {@code Long.MAX_VALUE}), then handles 64 bytes
     *     apart from {@code 0x7f00_0000_0000}, a typical user-space address.
     */
    protected long[] handles(final int n) {
        return SyntheticHandles.of(n);
    }

    /**
     * Driver parameters passed to every store and pool the suite makes ({@code OpsConfig.params()},
     * {@code MempoolBuilder.opsParam}).
     *
     * @return by default none.
     */
    protected Map<String, String> opsParams() {
        return Map.of();
    }

    /** The ops' own promises. */
    private Set<MempoolFlag> requiredFlags() {
        return MempoolOpsRegistry.get(opsName()).requiredFlags();
    }

    /** The flags a raw store is allocated with: the single-producer/consumer promises the suite keeps. */
    final Set<MempoolFlag> storeFlags() {
        final Set<MempoolFlag> flags = EnumSet.noneOf(MempoolFlag.class);
        if (singleProducerOnly()) {
            flags.add(MempoolFlag.SP_PUT);
        }
        if (singleConsumerOnly()) {
            flags.add(MempoolFlag.SC_GET);
        }
        return flags;
    }

    /** {@inheritDoc} */
    @Test
    @Override
    public void required_validate_opsNameIsRegistered() {
        final String name = opsName();
        final Set<String> names = MempoolOpsRegistry.names();
        assertTrue(name != null && names.contains(name),
            "opsName() returned " + name + ", which is not among the registered ops " + names);
    }

    /** {@inheritDoc} */
    @Test
    @Override
    public void required_validate_singleProducerOnlyKeepsRequiredFlags() {
        assertTrue(!requiredFlags().contains(MempoolFlag.SP_PUT) || singleProducerOnly(),
            "singleProducerOnly() returned false for " + opsName() + ", whose requiredFlags() "
                + requiredFlags() + " promise a single producer");
    }

    /** {@inheritDoc} */
    @Test
    @Override
    public void required_validate_singleConsumerOnlyKeepsRequiredFlags() {
        assertTrue(!requiredFlags().contains(MempoolFlag.SC_GET) || singleConsumerOnly(),
            "singleConsumerOnly() returned false for " + opsName() + ", whose requiredFlags() "
                + requiredFlags() + " promise a single consumer");
    }

    /** {@inheritDoc} */
    @Test
    @Override
    public void required_validate_concurrencyBudgetIsBounded() {
        final Duration budget = concurrencyBudget();
        assertTrue(budget != null && !budget.isNegative() && !budget.isZero() && budget.compareTo(MAX_BUDGET) <= 0,
            "concurrencyBudget() returned " + budget + " (expected: > 0 and <= " + MAX_BUDGET + ")");
    }

    /** {@inheritDoc} */
    @Test
    @Override
    public void required_validate_ruleTimeoutIsBounded() {
        final Duration timeout = ruleTimeout();
        final Duration budget = concurrencyBudget();
        assertTrue(timeout != null && budget != null && timeout.compareTo(budget) > 0
                && timeout.compareTo(MAX_TIMEOUT) <= 0,
            "ruleTimeout() returned " + timeout + " (expected: > concurrencyBudget() " + budget + " and <= "
                + MAX_TIMEOUT + ")");
    }

    /** {@inheritDoc} */
    @Test
    @Override
    public void required_validate_handlesAreDistinctAndNonZero() {
        for (final int n : HANDLE_COUNTS) {
            final long[] objs = handles(n);
            assertNotNull(objs, "handles(" + n + ") returned null");
            assertEquals(n, objs.length, "handles(" + n + ").length");
            final Set<Long> distinct = new HashSet<>();
            for (int i = 0; i < n; i++) {
                assertTrue(objs[i] != 0L, "handles(" + n + ")[" + i + "] is 0L, which is never an object");
                assertTrue(distinct.add(objs[i]), "handles(" + n + ")[" + i + "] = 0x" + Long.toHexString(objs[i])
                    + " appears twice");
            }
        }
    }

    /** The {@link io.mempool.api.MempoolOps} contract on a raw store. */
    @Nested
    @DisplayName("SPI")
    public class Spi extends SpiConformance {
        /** Creates the group for the enclosing suite. */
        public Spi() {
            super(MempoolOpsConformance.this);
        }
    }

    /** A store in a memzone: allocIn, attach, views. */
    @Nested
    @DisplayName("Memzone")
    public class Memzone extends MemzoneConformance {
        /** Creates the group for the enclosing suite. */
        public Memzone() {
            super(MempoolOpsConformance.this);
        }
    }

    /** A store that places its objects itself: calcMemSize, populate, its pool and its blocks. */
    @Nested
    @DisplayName("Placement")
    public class Placement extends PlacementConformance {
        /** Creates the group for the enclosing suite. */
        public Placement() {
            super(MempoolOpsConformance.this);
        }
    }

    /** test_mempool.c's basic checks on a pool without cache. */
    @Nested
    @DisplayName("Pool, no cache")
    public class PoolNoCache extends PoolBasicConformance {
        /** Creates the group for the enclosing suite. */
        public PoolNoCache() {
            super(MempoolOpsConformance.this, CacheMode.NO_CACHE);
        }
    }

    /** test_mempool.c's basic checks through the calling thread's default cache. */
    @Nested
    @DisplayName("Pool, default cache")
    public class PoolDefaultCache extends PoolBasicConformance {
        /** Creates the group for the enclosing suite. */
        public PoolDefaultCache() {
            super(MempoolOpsConformance.this, CacheMode.DEFAULT_CACHE);
        }
    }

    /** test_mempool.c's basic checks through a user cache. */
    @Nested
    @DisplayName("Pool, user cache")
    public class PoolUserCache extends PoolBasicConformance {
        /** Creates the group for the enclosing suite. */
        public PoolUserCache() {
            super(MempoolOpsConformance.this, CacheMode.USER_CACHE);
        }
    }

    /** The other test_mempool.c checks: creation, iteration, registry, SP/SC, rejections, blocks. */
    @Nested
    @DisplayName("Pool")
    public class Pool extends PoolConformance {
        /** Creates the group for the enclosing suite. */
        public Pool() {
            super(MempoolOpsConformance.this);
        }
    }

    /** test_mempool.c's event checks. */
    @Nested
    @DisplayName("Events")
    public class Events extends PoolEventConformance {
        /** Creates the group for the enclosing suite. */
        public Events() {
            super(MempoolOpsConformance.this);
        }
    }

    /** Bad input to every public method of the pool and its caches. */
    @Nested
    @DisplayName("Bad input")
    public class BadInput extends PoolBadInputConformance {
        /** Creates the group for the enclosing suite. */
        public BadInput() {
            super(MempoolOpsConformance.this);
        }
    }

    /** Conservation under concurrency. */
    @Nested
    @DisplayName("Concurrency")
    public class Concurrency extends ConcurrencyConformance {
        /** Creates the group for the enclosing suite. */
        public Concurrency() {
            super(MempoolOpsConformance.this);
        }
    }
}
