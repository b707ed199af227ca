/**
 * The soak test: a {@code main} (not a JUnit test, not in CI's default run) that runs every driver for a
 * given time under many threads and checks conservation at the end. See {@link io.mempool.bench.soak.Soak}.
 */
package io.mempool.bench.soak;
