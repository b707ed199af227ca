/**
 * The driver SPI of jmempool. A store is a {@link io.mempool.api.MempoolOps} provider, found through
 * {@link java.util.ServiceLoader}; a driver needs nothing but this module.
 */
module io.mempool.api {
    exports io.mempool.api;
}
