/**
 * The jmempool conformance kit, in the shape of the Reactive Streams TCK: a driver's test extends
 * {@link io.mempool.testkit.MempoolOpsConformance} and names its ops; every rule the suite proves is
 * documented, with what to check when it fails, in {@link io.mempool.testkit.MempoolOpsConformanceRules}.
 *
 * <p>Rule names read {@code required_<group>_<rule>} (must hold), {@code optional_<group>_<rule>}
 * (skipped, with the reason, when the store lacks the capability) and {@code required_validate_<hook>}
 * (the implementer's hooks are consistent). {@code dpdk} rules port the checks of DPDK's
 * {@code app/test/test_mempool.c}. Every run is bounded in time.
 */
package io.mempool.testkit;
