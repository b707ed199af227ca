package io.mempool.testkit;

import io.mempool.api.ElementGeometry;
import io.mempool.api.MemoryNeed;
import io.mempool.api.MempoolOps;
import io.mempool.api.OffHeapRegion;
import io.mempool.api.OpsConfig;
import io.mempool.core.Mempool;
import io.mempool.core.MempoolBuilder;
import io.mempool.core.MempoolOpsRegistry;
import org.junit.jupiter.api.AfterEach;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every group of rules shares: the hooks of the {@link MempoolOpsConformance} it belongs to,
 * DPDK's test_mempool.c setup, unique pool names, and cleanup of pools and stores a failed rule left
 * open. A new instance serves each rule (JUnit's per-method lifecycle).
 */
abstract class ConformanceGroup {
    /** test_mempool.c's MEMPOOL_SIZE for 2 lcores: lcores x (16 + 512) - 1. */
    static final int DPDK_SIZE = 2 * (16 + Mempool.CACHE_MAX_SIZE) - 1;
    /** test_mempool.c's MEMPOOL_ELT_SIZE. */
    static final int DPDK_ELT = 2048;
    /**
     * The element layout raw stores that place their objects are populated with: a 64-byte header and an
     * object of 120 bytes, three cache lines, as a pool of 120-byte elements lays them out.
     */
    static final ElementGeometry GEOMETRY = new ElementGeometry(64, 192, 64);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final MempoolOpsConformance kit;
    private final List<Mempool> pools = new ArrayList<>();
    private final List<RawStore<?>> stores = new ArrayList<>();
    private final MemzoneRegions regions = new MemzoneRegions();
    private volatile boolean abandoned;

    ConformanceGroup(final MempoolOpsConformance kit) {
        this.kit = kit;
    }

    final String opsName() {
        return kit.opsName();
    }

    /** A pool name unique in this JVM: {@code tk<n>_<tag>}, at most 25 characters. */
    static String uniqueName(final String tag) {
        final String name = "tk" + SEQUENCE.incrementAndGet() + "_" + tag;
        if (name.length() > Mempool.NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("pool name tag too long: " + tag);
        }
        return name;
    }

    /** A builder on the ops under test, with its params, and a unique name. */
    final MempoolBuilder builder(final String tag) {
        return builderNamed(uniqueName(tag));
    }

    /** A builder on the ops under test, with its params. */
    final MempoolBuilder builderNamed(final String name) {
        final MempoolBuilder b = Mempool.builder(name).ops(opsName());
        for (final Map.Entry<String, String> param : kit.opsParams().entrySet()) {
            b.opsParam(param.getKey(), param.getValue());
        }
        return b;
    }

    /** test_mempool.c's pool: 1055 objects of 2048 bytes, objectInit writing the index. */
    final MempoolBuilder dpdkBuilder(final String tag, final int cacheSize) {
        return builder(tag).size(DPDK_SIZE).elementSize(DPDK_ELT).cacheSize(cacheSize)
            .objectInit(ConformanceGroup::dpdkObjectInit);
    }

    /** Remembers a pool so that {@link #closeLeftovers()} force-closes it if the rule fails first. */
    final Mempool track(final Mempool mp) {
        pools.add(mp);
        return mp;
    }

    /** The ops under test, from the registry. */
    final MempoolOps<?> ops() {
        return MempoolOpsRegistry.get(opsName());
    }

    /**
     * A raw store of the ops under test, freed after the rule if it is not closed before. A store that places
     * its objects itself is populated with {@code capacity} objects of {@link #GEOMETRY} in the memory its
     * calcMemSize asks for, and the kit's handles are mapped onto them ({@link PlacedHandles}).
     */
    RawStore<?> store(final int capacity) {
        final OpsConfig config = config(capacity);
        final MemoryNeed need = ops().calcMemSize(config, capacity, GEOMETRY);
        return remember(need == null ? RawStore.alloc(ops(), config)
            : RawStore.populated(ops(), config, region(need.bytes(), need.align()), GEOMETRY));
    }

    /** A zeroed, 128-byte-aligned region of exactly {@code length} bytes, guarded, freed after the rule. */
    final OffHeapRegion region(final long length) {
        return regions.region(length);
    }

    /** A zeroed region of exactly {@code length} bytes aligned to {@code align}, freed after the rule. */
    final OffHeapRegion region(final long length, final int align) {
        if (align <= MemzoneRegions.ALIGN) {
            return region(length);
        }
        final OffHeapRegion wider = regions.region(length + align);
        return wider.slice(-wider.address() & (align - 1), length);
    }

    /** Asserts that no store wrote past the regions it was given. */
    final void assertRegionGuards() {
        regions.assertGuards();
    }

    /** A store's config: a unique name, the capacity, the promises the suite keeps, the driver's params. */
    final OpsConfig config(final int capacity) {
        return new OpsConfig(uniqueName("spi"), capacity, kit.storeFlags(), kit.opsParams());
    }

    /** Remembers a raw store so that {@link #closeLeftovers()} frees it if the rule does not. */
    final RawStore<?> remember(final RawStore<?> store) {
        stores.add(store);
        return store;
    }

    /**
     * Called when the rule timed out while its thread may still run inside the stores and pools: they are
     * then left unfreed, since freeing memory under a running thread could crash the JVM.
     */
    final void abandon() {
        abandoned = true;
    }

    /** Frees what the rule left: pools, stores, then the regions the stores lived in. */
    @AfterEach
    final void closeLeftovers() {
        if (abandoned) {
            return;
        }
        for (final Mempool mp : pools) {
            if (!mp.isClosed()) {
                mp.close(true);
            }
        }
        pools.clear();
        for (final RawStore<?> store : stores) {
            store.close();
        }
        stores.clear();
        try {
            regions.assertGuards();
        } finally {
            regions.free(); // after the stores: a store's free may still touch its memzone
        }
    }

    /** test_mempool.c's my_obj_init: the index in bytes 0..3, zeroes in the rest. */
    static void dpdkObjectInit(final Mempool mp, final long obj, final int index) {
        final ByteBuffer view = mp.byteBuffer(obj);
        for (int at = 0; at < view.capacity(); at++) {
            view.put(at, (byte) 0);
        }
        view.putInt(0, index);
    }
}
