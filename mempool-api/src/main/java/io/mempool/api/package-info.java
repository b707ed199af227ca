/**
 * The driver SPI: {@link io.mempool.api.MempoolOps} is what a store implements, {@link io.mempool.api.OpsConfig}
 * what it is allocated with, {@link io.mempool.api.MempoolFlag} the pool flags it may honour, and
 * {@link io.mempool.api.Checks} the argument checks every driver applies before it changes anything.
 *
 * <p>An object is a {@code long} handle, never {@code 0L}; drivers store and return handles without
 * interpreting them.
 */
package io.mempool.api;
