package io.mempool.testkit;

import io.mempool.api.MempoolFlag;
import io.mempool.core.MempoolOpsRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

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
 * the SPI contract on a raw store ({@link Spi}), DPDK's test_mempool.c basic checks once per cache
 * mode ({@link PoolNoCache}, {@link PoolDefaultCache}, {@link PoolUserCache}), the other pool checks
 * ({@link Pool}, {@link Events}), bad input to every public method ({@link BadInput}) and conservation
 * under concurrency ({@link Concurrency}).
 *
 * <p>Optional hooks, with defaults: {@link #singleProducerOnly()}, {@link #singleConsumerOnly()},
 * {@link #concurrencyBudget()} and {@link #opsParams()}; the {@code required_validate_*} rules check
 * them. Skipped rules name the hook or SPI method that made them not apply.
 *
 * <p><b>Thread safety:</b> the rules run sequentially (JUnit's default); each creates its own pools,
 * with names unique in the JVM, and closes them. Concurrency rules start their own threads, bounded
 * by {@link #concurrencyBudget()}, and rethrow their failures in the test thread.
 *
 * <p><b>Note:</b> event listeners are global to the JVM; the event rules add theirs only while they
 * run and look only at events of their own pools, so pools that other code creates meanwhile do not
 * disturb them.
 */
public abstract class MempoolOpsConformance implements MempoolOpsConformanceRules.Validate {
    /** The system property that overrides the default {@link #concurrencyBudget()}, in milliseconds. */
    public static final String BUDGET_PROPERTY = "mempool.testkit.budget.ms";

    private static final long DEFAULT_BUDGET_MS = 1_000;
    private static final Duration MAX_BUDGET = Duration.ofSeconds(10);

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
     * put from exactly one thread.
     *
     * @return by default, whether the ops name contains {@code _sp_}.
     */
    protected boolean singleProducerOnly() {
        return opsName().contains("_sp_");
    }

    /**
     * Whether the store must see at most one getting thread at a time. The concurrency rules then
     * get from exactly one thread.
     *
     * @return by default, whether the ops name ends with {@code _sc}.
     */
    protected boolean singleConsumerOnly() {
        return opsName().endsWith("_sc");
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
     * Driver parameters passed to every store and pool the suite makes ({@code OpsConfig.params()},
     * {@code MempoolBuilder.opsParam}).
     *
     * @return by default none.
     */
    protected Map<String, String> opsParams() {
        return Map.of();
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
    public void required_validate_singleProducerOnlyKeepsTheNamesPromise() {
        assertTrue(!opsName().contains("_sp_") || singleProducerOnly(),
            "singleProducerOnly() returned false for " + opsName() + ", whose name promises a single producer");
    }

    /** {@inheritDoc} */
    @Test
    @Override
    public void required_validate_singleConsumerOnlyKeepsTheNamesPromise() {
        assertTrue(!opsName().endsWith("_sc") || singleConsumerOnly(),
            "singleConsumerOnly() returned false for " + opsName() + ", whose name promises a single consumer");
    }

    /** {@inheritDoc} */
    @Test
    @Override
    public void required_validate_concurrencyBudgetIsBounded() {
        final Duration budget = concurrencyBudget();
        assertTrue(budget != null && !budget.isNegative() && !budget.isZero() && budget.compareTo(MAX_BUDGET) <= 0,
            "concurrencyBudget() returned " + budget + " (expected: > 0 and <= " + MAX_BUDGET + ")");
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
