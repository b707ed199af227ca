/**
 * The pool: {@link io.mempool.core.Mempool}, its builder, per-thread caches, off-heap memory, element
 * layout and the ops registry. Stores are found only through {@link java.util.ServiceLoader}.
 */
module io.mempool.core {
    requires transitive io.mempool.api;
    requires java.management;
    // the JDK 17 base of the memory layer reaches memory through sun.misc.Unsafe; the JDK 22+ classes do not
    requires jdk.unsupported;

    exports io.mempool.core;

    uses io.mempool.api.MempoolOps;
}
