package io.mempool.tests.planted.driver;

/** Breaks "no sun.misc.Unsafe in library packages": it holds one. */
public final class UnsafeDriver {
    /** Never set; only its type matters. */
    public static sun.misc.Unsafe unsafe;

    private UnsafeDriver() {
    }
}
