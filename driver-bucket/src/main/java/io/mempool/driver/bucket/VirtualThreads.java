package io.mempool.driver.bucket;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@code Thread.isVirtual()} where the JDK has it (21 and later), found once by a method handle so that
 * this module compiles for 17; on 17 to 20 no thread is virtual. The handle is a constant, so the JIT
 * inlines the call.
 */
final class VirtualThreads {
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private VirtualThreads() {
    }

    /**
     * @param thread a thread.
     * @return whether it is a virtual thread.
     */
    static boolean isVirtual(final Thread thread) {
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (final RuntimeException | Error ex) {
            throw ex;
        } catch (final Throwable ex) {
            // invokeExact declares Throwable; isVirtual() and the constant throw nothing checked
            throw new IllegalStateException("Thread.isVirtual() threw", ex);
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (final NoSuchMethodException | IllegalAccessException ex) {
            // JDK 17 to 20: no virtual threads
            return MethodHandles.dropArguments(MethodHandles.constant(boolean.class, false), 0, Thread.class);
        }
    }
}
