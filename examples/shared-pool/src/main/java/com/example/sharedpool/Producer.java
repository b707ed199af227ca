package com.example.sharedpool;

import io.mempool.core.Mempool;
import io.mempool.core.Memzone;
import io.mempool.driver.ring.LongRing;

/**
 * The first process: creates the shared pool and the ring of indices, writes 1, 2, 3... into the
 * first eight bytes of objects it gets, and hands their indices to the consumer. When the consumer has
 * returned every object and detached, it closes the pool, which removes its files.
 *
 * <p>Objects are written through {@code pool.byteBuffer(obj)}, the ring lives in the memzone's
 * {@code region()}: no JVM flag on any JDK.
 *
 * <pre>java -cp 'target/classes:target/lib/*' com.example.sharedpool.Producer [count]</pre>
 */
public final class Producer {
    private Producer() {
    }

    public static void main(final String[] args) {
        final long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        final long deadline = System.nanoTime() + Channel.PATIENCE_NANOS;
        final Mempool pool = Mempool.builder(Channel.POOL).size(8191).elementSize(2048).cacheSize(256).shared(true).create();
        final Memzone zone = Memzone.reserveShared(Channel.RING, LongRing.bytesFor(Channel.RING_CAPACITY), 64);
        final LongRing ring = LongRing.createIn(zone.region(), Channel.RING_CAPACITY);
        System.out.println("producer: pool " + pool.name() + " (" + pool.size() + " objects of " + pool.elementSize()
            + " bytes, ops " + pool.opsName() + ") and ring " + zone.name() + " ready; start the consumer");
        final long[] objs = new long[Channel.BULK];
        long start = 0;
        for (long seq = 1; seq <= count; ) {
            final int n = (int) Math.min(Channel.BULK, count - seq + 1);
            while (!pool.getBulk(objs, 0, n)) {
                Channel.waitFor(deadline, "the consumer to return objects");
            }
            for (int i = 0; i < n; i++) {
                pool.byteBuffer(objs[i]).putLong(0, seq++); // the object's first eight bytes, native order
                objs[i] = pool.indexOf(objs[i]);
            }
            while (ring.enqueueBulk(objs, 0, n) == 0) {
                Channel.waitFor(deadline, "room in the ring: is the consumer running?");
            }
            if (start == 0) {
                start = System.nanoTime(); // from the first bulk the consumer can see
            }
        }
        objs[0] = Channel.END;
        while (ring.enqueueBulk(objs, 0, 1) == 0) {
            Channel.waitFor(deadline, "room in the ring for the end");
        }
        while (pool.availCount() != pool.size()) {
            Channel.waitFor(deadline, "the consumer to return every object");
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        while (true) {
            try {
                pool.close(); // refused while the consumer is still attached
                break;
            } catch (final IllegalStateException attached) {
                Channel.waitFor(deadline, "the consumer to detach");
            }
        }
        zone.free();
        System.out.printf("producer: %d objects handed over and all back, %.1f M objects/s%n", count, count / seconds / 1e6);
    }
}
