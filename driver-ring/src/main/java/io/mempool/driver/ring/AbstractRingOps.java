package io.mempool.driver.ring;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.driver.ring.LongRing.SyncMode;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the six {@code ring_*} stores share: DPDK's {@code drivers/mempool/ring}. A store is a
 * {@link LongRing} of {@code pow2(capacity + 1)} slots, so it holds at least {@code config.capacity()}
 * handles; enqueue and dequeue are its bulk calls, count is {@link LongRing#count()}.
 *
 * <p>The drivers' one shape: name and promises are fixed at construction, {@link #newStore} makes the
 * store, and every SPI method delegates to the store's own public method, which checks its arguments:
 * one check per call.
 *
 * <p><b>Where the ring lives.</b> {@link #alloc} (a private pool) puts it on the heap; {@link #allocIn}
 * and {@link #attach} (a memzone) put it in the given off-heap region, laid out by
 * {@link LongRingDescriptor}. In JMH (benchmarks' {@code LongRingPerf}, 2-core VM) the heap ring is as fast
 * as the off-heap one or faster (single-sided, bulk 32: 67.6 vs 40.6 round trips/µs), so private pools keep
 * the heap ring, which also needs no native memory.
 *
 * <p>Stateless and thread-safe; the store is as thread-safe as the subclass's sync modes make it, and
 * {@link #requiredFlags()} says so: a {@link SyncMode#SINGLE} producer side requires
 * {@link MempoolFlag#SP_PUT}, a single consumer side {@link MempoolFlag#SC_GET}.
 */
abstract class AbstractRingOps implements MempoolOps<LongRing> {
    private final String name;
    private final SyncMode producer;
    private final SyncMode consumer;
    private final Set<MempoolFlag> requiredFlags;

    AbstractRingOps(final String name, final SyncMode producer, final SyncMode consumer) {
        this.name = name;
        this.producer = producer;
        this.consumer = consumer;
        this.requiredFlags = promisesOf(producer, consumer);
    }

    /** The single-thread promises that two sync modes rely on. */
    static Set<MempoolFlag> promisesOf(final SyncMode producer, final SyncMode consumer) {
        final Set<MempoolFlag> flags = EnumSet.noneOf(MempoolFlag.class);
        if (producer == SyncMode.SINGLE) {
            flags.add(MempoolFlag.SP_PUT);
        }
        if (consumer == SyncMode.SINGLE) {
            flags.add(MempoolFlag.SC_GET);
        }
        return Set.copyOf(flags);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public final String name() {
        return name;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link MempoolFlag#SP_PUT} for a single-producer ring, {@link MempoolFlag#SC_GET} for a
     * single-consumer ring, whatever the pool's flags.
     */
    @Override
    public final Set<MempoolFlag> requiredFlags() {
        return requiredFlags;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The ring has {@code pow2(n + 1)} slots, as DPDK's ring driver sizes it (no exact size), where n
     * is the pool's capacity ({@link RingMtRtsOps} needs more, see there).
     *
     * @throws IllegalArgumentException also if the ring would need more than {@link LongRing#MAX_SLOTS} slots.
     */
    @Override
    public final LongRing alloc(final OpsConfig config) {
        return newStore(Checks.notNull("config", config));
    }

    /** Makes the ring of a private pool: on the heap (see the class javadoc). */
    final LongRing newStore(final OpsConfig config) {
        return ringFor(config).build();
    }

    /** The ring for a config: its slots from {@link #ringCapacityFor}, its sync modes from the constructor. */
    private LongRingBuilder ringFor(final OpsConfig config) {
        final long needed = ringCapacityFor(config);
        if (needed > LongRing.MAX_SLOTS - 1) {
            throw new IllegalArgumentException(Checks.message("capacity", config.capacity(),
                "at most a ring of " + LongRing.MAX_SLOTS + " slots; " + name + " needs " + (needed + 1)));
        }
        final int slots = 1 << 32 - Integer.numberOfLeadingZeros((int) needed); // pow2(needed + 1)
        return configure(LongRing.builder(slots).producer(producer).consumer(consumer), config);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The off-heap ring {@link #alloc} would make on the heap: {@link LongRingDescriptor}'s header and its
     * slots, {@link LongRingBuilder#bytes()}.
     */
    @Override
    public final long memzoneBytes(final OpsConfig config) {
        return ringFor(Checks.notNull("config", config)).bytes();
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link LongRingBuilder#createIn} of the ring {@link #alloc} would make: same slots, modes and params.
     */
    @Override
    public final LongRing allocIn(final OpsConfig config, final OffHeapRegion region) {
        return ringFor(Checks.notNull("config", config)).createIn(region);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The region is the one of the live memzone that holds the range ({@link OffHeapRegion#containing}).
     */
    @Override
    public final LongRing allocIn(final OpsConfig config, final long address, final long length) {
        return allocIn(config, OffHeapRegion.containing(address, length));
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link LongRing#attach(OffHeapRegion)}, then the ring found must be the one {@link #allocIn} makes
     * for this config: same slots, capacity, sync modes and RTS bound.
     */
    @Override
    public final LongRing attach(final OpsConfig config, final OffHeapRegion region) {
        final LongRingSpec wanted = ringFor(Checks.notNull("config", config)).spec();
        final LongRing ring = LongRing.attach(region);
        expect("slots", ring.slots(), wanted.slots(), config);
        expect("capacity", ring.capacity(), wanted.capacity(), config);
        expect("producer sync", ring.producerSync(), wanted.producer(), config);
        expect("consumer sync", ring.consumerSync(), wanted.consumer(), config);
        expect("producer htd max", ring.prodHtdMax, wanted.producer() == SyncMode.RTS ? wanted.htdMax() : 0, config);
        expect("consumer htd max", ring.consHtdMax, wanted.consumer() == SyncMode.RTS ? wanted.htdMax() : 0, config);
        return ring;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The region is the one of the live memzone that holds the range ({@link OffHeapRegion#containing}).
     */
    @Override
    public final LongRing attach(final OpsConfig config, final long address, final long length) {
        return attach(config, OffHeapRegion.containing(address, length));
    }

    private void expect(final String what, final Object found, final Object wanted, final OpsConfig config) {
        if (!found.equals(wanted)) {
            throw new IllegalArgumentException(Checks.message(what, found,
                wanted + ", as " + name + " makes it for capacity " + config.capacity()));
        }
    }

    /**
     * The capacity the ring needs so that the pool's own handles always fit: the pool's capacity.
     *
     * @param config the pool's config, already checked non-null.
     * @return the least ring capacity, possibly beyond {@link LongRing#MAX_SLOTS} (then alloc refuses).
     */
    long ringCapacityFor(final OpsConfig config) {
        return config.capacity();
    }

    /**
     * Applies the driver's params to the ring being made; by default there are none.
     *
     * @param builder the ring with its size and sync modes set.
     * @param config  the pool's config, for its params.
     * @return {@code builder}.
     */
    LongRingBuilder configure(final LongRingBuilder builder, final OpsConfig config) {
        return builder;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link LongRing#enqueueBulk}, which checks the arguments.
     */
    @Override
    public final boolean enqueue(final LongRing store, final long[] objs, final int offset, final int n) {
        return store.enqueueBulk(objs, offset, n) == n; // n or 0, and n == 0 succeeds
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@link LongRing#dequeueBulk}, which checks the arguments.
     */
    @Override
    public final boolean dequeue(final LongRing store, final long[] objs, final int offset, final int n) {
        return store.dequeueBulk(objs, offset, n) == n; // n or 0, and n == 0 succeeds
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public final int count(final LongRing store) {
        return store.count();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The ring is on the heap: there is nothing to release, the store is simply dropped.
     */
    @Override
    public final void free(final LongRing store) {
        Checks.notNull("store", store);
    }

    /**
     * @return the ops name.
     */
    @Override
    public final String toString() {
        return name;
    }
}
