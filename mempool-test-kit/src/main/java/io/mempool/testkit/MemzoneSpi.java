package io.mempool.testkit;

import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The SPI rules with every store made by {@code allocIn} in a raw region of exactly
 * {@code memzoneBytes} bytes, run one after another by {@link #runAll()} for
 * {@code optional_memzone_storeInAMemzoneKeepsTheSpiContract}. The rules and their arguments are read from
 * {@link MempoolOpsConformanceRules.Spi} and the parameter annotations of {@link SpiConformance}, so a
 * rule added there runs here too. Not thread-safe: one rule at a time.
 */
final class MemzoneSpi extends SpiConformance {
    MemzoneSpi(final MempoolOpsConformance kit) {
        super(kit);
    }

    @Override
    RawStore<?> store(final int capacity) {
        final MempoolOps<?> ops = ops();
        final OpsConfig config = config(capacity);
        final long bytes = ops.memzoneBytes(config);
        return remember(RawStore.allocIn(ops, config, region(bytes)));
    }

    /**
     * Runs every SPI rule with every argument its annotation gives, freeing stores and regions after each.
     * A rule's assumption failure skips that rule only.
     *
     * @return how many rule invocations ran to the end (not skipped).
     * @throws AssertionError naming the first rule, and its argument, that failed.
     */
    int runAll() {
        int ran = 0;
        final List<Method> rules = new ArrayList<>(Arrays.asList(MempoolOpsConformanceRules.Spi.class.getMethods()));
        rules.sort(Comparator.comparing(Method::getName));
        for (final Method rule : rules) {
            for (final Object argument : arguments(rule)) {
                ran += run(rule, argument) ? 1 : 0;
            }
        }
        return ran;
    }

    private boolean run(final Method rule, final Object argument) {
        final String what = rule.getName() + (argument == null ? "()" : "(" + argument + ")");
        try {
            if (argument == null) {
                rule.invoke(this);
            } else {
                rule.invoke(this, argument);
            }
            return true;
        } catch (final InvocationTargetException ex) {
            if (ex.getCause() instanceof TestAbortedException) {
                return false;
            }
            throw new AssertionError(what + " on a store in a memzone: " + ex.getCause(), ex.getCause());
        } catch (final IllegalAccessException ex) {
            throw new IllegalStateException(what + " cannot be called", ex);
        } finally {
            closeLeftovers();
        }
    }

    /** The arguments of one rule: none, or those of its {@code @ValueSource} / {@code @EnumSource}. */
    private static List<Object> arguments(final Method rule) {
        if (rule.getParameterCount() == 0) {
            return Arrays.asList((Object) null);
        }
        final Method implementation;
        try {
            implementation = SpiConformance.class.getMethod(rule.getName(), rule.getParameterTypes());
        } catch (final NoSuchMethodException ex) {
            throw new IllegalStateException("no SpiConformance." + rule.getName(), ex);
        }
        final ValueSource values = implementation.getAnnotation(ValueSource.class);
        if (values != null) {
            return Arrays.stream(values.ints()).boxed().map(Object.class::cast).toList();
        }
        final EnumSource constants = implementation.getAnnotation(EnumSource.class);
        if (constants != null) {
            return Arrays.asList(constants.value().getEnumConstants());
        }
        throw new IllegalStateException(rule.getName() + " takes an argument but has no @ValueSource or @EnumSource");
    }
}
