package com.example.sharedpool;

import io.mempool.core.Mempool;
import io.mempool.core.Memzone;
import io.mempool.driver.ring.LongRing;

/**
 * The second process: attaches to the producer's pool by name, takes indices from the ring, checks
 * that each object carries the next number, and puts it back. At the end it detaches: its cache goes
 * back to the shared store.
 *
 * <p>Objects are read through {@code pool.byteBuffer(obj)}, the ring through the memzone's
 * {@code region()}: no JVM flag on any JDK.
 *
 * <pre>java -cp 'target/classes:target/lib/*' com.example.sharedpool.Consumer</pre>
 */
public final class Consumer {
    private Consumer() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final long deadline = System.nanoTime() + Channel.PATIENCE_NANOS;
        Mempool pool = null;
        while (pool == null) {
            try {
                pool = Mempool.attach(Channel.POOL);
            } catch (final IllegalArgumentException | IllegalStateException notYet) {
                Channel.waitFor(deadline, "the producer's pool: " + notYet.getMessage());
                Thread.sleep(10);
            }
        }
        final Memzone zone = Memzone.lookup(Channel.RING).orElseThrow();
        final LongRing ring = LongRing.attach(zone.region());
        System.out.println("consumer: attached to " + pool.name() + " (" + pool.opsName() + ")");
        final long[] objs = new long[Channel.BULK];
        long expected = 1;
        final long start = System.nanoTime();
        for (boolean end = false; !end; ) {
            int n;
            while ((n = ring.dequeueBurst(objs, 0, objs.length)) == 0) {
                Channel.waitFor(deadline, "the producer");
            }
            for (int i = 0; i < n; i++) {
                if (objs[i] == Channel.END) {
                    end = true;
                    n = i;
                    break;
                }
                objs[i] = pool.objectAt((int) objs[i]);
                final long carried = pool.byteBuffer(objs[i]).getLong(0); // the producer's number, native order
                if (carried != expected) {
                    throw new IllegalStateException("object " + pool.indexOf(objs[i]) + " carries " + carried
                        + ", expected " + expected);
                }
                expected++;
            }
            pool.putBulk(objs, 0, n);
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        pool.close(); // detaches
        zone.free();
        System.out.printf("consumer: received %d objects in order, %.1f M objects/s%n", expected - 1, (expected - 1) / seconds / 1e6);
    }
}
