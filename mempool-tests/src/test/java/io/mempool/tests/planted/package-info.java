/**
 * Planted classes for {@code io.mempool.tests.ArchitectureTest}: each breaks (or, the {@code Clean*}
 * ones, keeps) one module rule, so the test shows that rule catches what it claims to. Never used
 * at run time.
 */
package io.mempool.tests.planted;
