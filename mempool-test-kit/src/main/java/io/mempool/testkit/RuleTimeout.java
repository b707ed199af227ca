package io.mempool.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Runs every rule of a {@link MempoolOpsConformance} (its own and its {@code @Nested} groups') on a
 * separate thread and fails it once {@link MempoolOpsConformance#ruleTimeout()} has passed, so a store
 * that spins forever fails its rule instead of hanging the build. Registered on the kit's class, so a
 * subclass gets it without any annotation of its own.
 *
 * <p>A rule that timed out leaves its stores and pools unfreed: its thread may still be spinning in
 * them, and freeing off-heap memory under a running thread could crash the JVM.
 *
 * <p>Thread-safe: stateless; JUnit may call it from any thread.
 */
final class RuleTimeout implements InvocationInterceptor {

    /** Made by JUnit, through {@code @ExtendWith} on {@link MempoolOpsConformance}. */
    RuleTimeout() {
    }

    @Override
    public void interceptTestMethod(final Invocation<Void> invocation,
                                    final ReflectiveInvocationContext<Method> invocationContext,
                                    final ExtensionContext extensionContext) throws Throwable {
        runBounded(invocation, extensionContext);
    }

    @Override
    public void interceptTestTemplateMethod(final Invocation<Void> invocation,
                                            final ReflectiveInvocationContext<Method> invocationContext,
                                            final ExtensionContext extensionContext) throws Throwable {
        runBounded(invocation, extensionContext);
    }

    private static void runBounded(final Invocation<Void> invocation, final ExtensionContext context) {
        final Object rule = context.getRequiredTestInstance();
        final MempoolOpsConformance kit = context.getRequiredTestInstances().getAllInstances().stream()
            .filter(MempoolOpsConformance.class::isInstance)
            .map(MempoolOpsConformance.class::cast)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no MempoolOpsConformance instance for " + rule));
        final Duration timeout = kit.ruleTimeout();
        final AtomicBoolean returned = new AtomicBoolean();
        try {
            assertTimeoutPreemptively(timeout, () -> {
                try {
                    invocation.proceed();
                } finally {
                    returned.set(true);
                }
                return null;
            }, () -> context.getDisplayName() + " did not finish within ruleTimeout() " + timeout.toMillis()
                + " ms: does the store spin or wait forever? (its stores and pools are left unfreed)");
        } catch (final AssertionFailedError ex) {
            if (!returned.get() && rule instanceof ConformanceGroup) {
                ((ConformanceGroup) rule).abandon(); // its thread is still inside the rule
            }
            throw ex;
        }
    }
}
