package io.mempool.tests;

import io.mempool.testkit.MempoolOpsConformance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The whole conformance kit, including its {@code @Nested} groups, once for every ops name that
 * {@link java.util.ServiceLoader} finds on the test class path (DESIGN §6).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("opsNames")
class AllDriversConformanceTest extends MempoolOpsConformance {
    @Parameter
    String opsName;

    /** Every provider's name, sorted, as found by ServiceLoader (not through the core's registry). */
    static Stream<String> opsNames() {
        return FoundOps.names().sorted();
    }

    @Override
    protected String opsName() {
        return opsName;
    }
}
