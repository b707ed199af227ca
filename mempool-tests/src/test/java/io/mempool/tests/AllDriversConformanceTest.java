package io.mempool.tests;

import io.mempool.testkit.MempoolOpsConformance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The whole conformance kit, including its {@code @Nested} groups, once for every ops name that
 * {@link java.util.ServiceLoader} finds on the test class path and whose stores need no JVM flag (the
 * {@code agrona_*} ones need one: driver-agrona's own conformance tests run them with it).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("opsNames")
class AllDriversConformanceTest extends MempoolOpsConformance {
    @Parameter
    String opsName;

    /** Every usable provider's name, sorted, as found by ServiceLoader (not through the core's registry). */
    static Stream<String> opsNames() {
        return FoundOps.usableWithoutAFlag().map(io.mempool.api.MempoolOps::name).sorted();
    }

    @Override
    protected String opsName() {
        return opsName;
    }
}
