package io.mempool.tests;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OpsConfig;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A third party's single-producer single-consumer ring (Lamport's: the producer alone moves the tail, the
 * consumer alone the head), named {@code fastq_single}: nothing in its name says "single producer" the
 * way {@code _sp_} did, only {@link #requiredFlags()}. With two producers or consumers at once it loses
 * handles. {@link #withoutPromise()} is the same ring keeping quiet about that, the bug the kit must catch.
 */
final class SingleSidedRingOps implements MempoolOps<SingleSidedRingOps.Ring> {
    /** The slots and the two indices; the release of an index publishes the slots before it. */
    static final class Ring {
        final long[] slots;
        final AtomicLong head = new AtomicLong();
        final AtomicLong tail = new AtomicLong();

        Ring(final int capacity) {
            slots = new long[capacity];
        }
    }

    private final String name;
    private final Set<MempoolFlag> promises;

    private SingleSidedRingOps(final String name, final Set<MempoolFlag> promises) {
        this.name = name;
        this.promises = promises;
    }

    /** @return {@code fastq_single}, promising one producer and one consumer. */
    static SingleSidedRingOps withPromise() {
        return new SingleSidedRingOps("fastq_single", Set.of(MempoolFlag.SP_PUT, MempoolFlag.SC_GET));
    }

    /** @return {@code fastq_unsaid}, the same ring promising nothing. */
    static SingleSidedRingOps withoutPromise() {
        return new SingleSidedRingOps("fastq_unsaid", Set.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<MempoolFlag> requiredFlags() {
        return promises;
    }

    @Override
    public Ring alloc(final OpsConfig config) {
        return new Ring(config.capacity());
    }

    @Override
    public boolean enqueue(final Ring r, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        final long tail = r.tail.getPlain(); // plain: only the one producer writes the tail
        if (tail + n - r.head.getAcquire() > r.slots.length) { // acquire: the consumer is done with those slots
            return false;
        }
        for (int i = 0; i < n; i++) {
            r.slots[(int) ((tail + i) % r.slots.length)] = objs[offset + i];
        }
        r.tail.setRelease(tail + n); // release: the slots before the consumer sees them
        return true;
    }

    @Override
    public boolean dequeue(final Ring r, final long[] objs, final int offset, final int n) {
        Checks.checkTable(objs, offset, n);
        final long head = r.head.getPlain(); // plain: only the one consumer writes the head
        if (r.tail.getAcquire() - head < n) { // acquire: pairs with the producer's release
            return false;
        }
        for (int i = 0; i < n; i++) {
            objs[offset + i] = r.slots[(int) ((head + i) % r.slots.length)];
        }
        r.head.setRelease(head + n); // release: the reads before the producer reuses the slots
        return true;
    }

    @Override
    public int count(final Ring r) {
        final long head = r.head.getAcquire(); // head first: the tail read after it is never behind it
        return (int) (r.tail.getAcquire() - head);
    }

    @Override
    public void free(final Ring r) {
        // on the heap: nothing to release
    }
}
