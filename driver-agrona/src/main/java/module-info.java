/**
 * Off-heap stores on Agrona {@code AtomicBuffer}: the {@code agrona_mp_mc} and {@code agrona_sp_sc} ops.
 *
 * <p>Agrona 2.x reaches {@code jdk.internal.misc.Unsafe}: run with
 * {@code --add-exports java.base/jdk.internal.misc=org.agrona} on the module path
 * ({@code =ALL-UNNAMED} on the class path).
 */
module io.mempool.driver.agrona {
    requires transitive io.mempool.api;
    requires org.agrona;

    exports io.mempool.driver.agrona;

    provides io.mempool.api.MempoolOps with
        io.mempool.driver.agrona.AgronaMpMcOps,
        io.mempool.driver.agrona.AgronaSpScOps;
}
