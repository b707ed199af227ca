/**
 * The pool: {@link io.mempool.core.Mempool}, its builder, per-thread caches, off-heap memory, element
 * layout and the ops registry. Stores are found only through {@link java.util.ServiceLoader}.
 */
module io.mempool.core {
    requires transitive io.mempool.api;
    requires transitive org.agrona;
    requires java.management;

    exports io.mempool.core;

    uses io.mempool.api.MempoolOps;
}
