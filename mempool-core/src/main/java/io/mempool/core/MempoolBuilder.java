package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Configures and creates a {@link Mempool}: DPDK's {@code rte_mempool_create} arguments, named.
 * Every value is checked when it is set and again at {@link #create()}, before anything is allocated.
 *
 * <p>Not thread-safe; a builder may create several pools (with different names) in turn.
 */
public final class MempoolBuilder {
    /** {@code -Dmempool.debug=true} adds {@link MempoolFlag#DEBUG} to every pool. */
    static final boolean DEBUG_ALL = Boolean.getBoolean("mempool.debug");
    /** {@code -Dmempool.stats=true} adds {@link MempoolFlag#STATS} to every pool. */
    static final boolean STATS_ALL = Boolean.getBoolean("mempool.stats");

    private String name;
    private int size = -1;
    private int elementSize = -1;
    private int cacheSize;
    private int privateDataSize;
    private final EnumSet<MempoolFlag> flags = EnumSet.noneOf(MempoolFlag.class);
    private String opsName;
    private final Map<String, String> opsParams = new LinkedHashMap<>();
    private Consumer<Mempool> poolInit;
    private ObjectVisitor objectInit;
    private long maxChunkBytes = PoolMemory.MAX_CHUNK_BYTES;
    private boolean shared;

    MempoolBuilder(final String name) {
        this.name = NameRule.POOL.check("name", name);
    }

    /**
     * @param name the pool's name, {@code [A-Za-z0-9_.-]{1,25}}, unique among live pools.
     * @return this builder.
     */
    public MempoolBuilder name(final String name) {
        this.name = NameRule.POOL.check("name", name);
        return this;
    }

    /**
     * @param n the number of objects, {@code >= 1}.
     * @return this builder.
     */
    public MempoolBuilder size(final int n) {
        this.size = Checks.atLeast("size", n, 1);
        return this;
    }

    /**
     * @param bytes the size of each object, {@code >= 1}.
     * @return this builder.
     */
    public MempoolBuilder elementSize(final int bytes) {
        this.elementSize = Checks.atLeast("elementSize", bytes, 1);
        return this;
    }

    /**
     * @param n the size of each per-thread cache, {@code 0..512} and at most the pool's size; 0 means no cache.
     * @return this builder.
     */
    public MempoolBuilder cacheSize(final int n) {
        this.cacheSize = Checks.inRange("cacheSize", n, 0, Mempool.CACHE_MAX_SIZE);
        return this;
    }

    /**
     * @param bytes the size of the pool's private area ({@link Mempool#privateData()}), {@code >= 0}.
     * @return this builder.
     */
    public MempoolBuilder privateDataSize(final int bytes) {
        this.privateDataSize = Checks.atLeast("privateDataSize", bytes, 0);
        return this;
    }

    /**
     * @param flags flags to add to the pool's.
     * @return this builder.
     */
    public MempoolBuilder flags(final MempoolFlag... flags) {
        Checks.notNull("flags", flags);
        for (final MempoolFlag flag : flags) {
            this.flags.add(Checks.notNull("flag", flag));
        }
        return this;
    }

    /**
     * @param name the ops (store) name, one of {@link MempoolOpsRegistry#names()}; when unset, the
     *             system property {@code mempool.ops}, else chosen from SP_PUT / SC_GET as DPDK does.
     * @return this builder.
     * @throws IllegalArgumentException if no provider has that name; the message lists the names there are.
     */
    public MempoolBuilder ops(final String name) {
        MempoolOpsRegistry.get(name);
        this.opsName = name;
        return this;
    }

    /**
     * @param key   a driver parameter's name, passed in {@link io.mempool.api.OpsConfig#params()}.
     * @param value its value.
     * @return this builder.
     */
    public MempoolBuilder opsParam(final String key, final String value) {
        opsParams.put(Checks.notNull("key", key), Checks.notNull("value", value));
        return this;
    }

    /**
     * @param init called once with the new pool at {@link #createEmpty()} (so also by {@link #create()}),
     *             before any object exists: DPDK's {@code mp_init}.
     * @return this builder.
     */
    public MempoolBuilder poolInit(final Consumer<Mempool> init) {
        this.poolInit = init;
        return this;
    }

    /**
     * @param init called once per object, in index order, when the pool is populated: DPDK's {@code obj_init}.
     * @return this builder.
     */
    public MempoolBuilder objectInit(final ObjectVisitor init) {
        this.objectInit = init;
        return this;
    }

    /**
     * @param shared whether the pool lives in shared memzones, so that other processes can
     *               {@link Mempool#attach(String) attach} to it by name; its ops must be able to live in a
     *               memzone, and its elements fit in one mapping of at most 1 GiB.
     * @return this builder.
     */
    public MempoolBuilder shared(final boolean shared) {
        this.shared = shared;
        return this;
    }

    /** For tests of multi-chunk pools: the largest chunk, instead of 1 GiB. */
    MempoolBuilder maxChunkBytes(final long bytes) {
        this.maxChunkBytes = bytes;
        return this;
    }

    /**
     * Creates and populates the pool: {@link #createEmpty()} then {@link Mempool#populateDefault()}, all
     * or nothing: if any step fails (a READY listener that throws included), the pool is closed, its
     * name, MXBean and memory released, and the failure rethrown.
     *
     * @return the pool, full.
     * @throws IllegalArgumentException if a value is out of range, the name is taken or the ops unknown.
     */
    public Mempool create() {
        return Mempool.create(spec(), poolInit, false);
    }

    /**
     * Creates the pool without objects (DPDK's {@code rte_mempool_create_empty}), then runs
     * {@link #poolInit}. Fires no event. Select a store with {@link Mempool#setOps} and add the objects
     * with {@link Mempool#populateDefault()}. All or nothing: on failure no name, MXBean or memory stays.
     *
     * @return the empty pool, registered under its name.
     * @throws IllegalArgumentException if a value is out of range, the name is taken or the ops unknown.
     */
    public Mempool createEmpty() {
        return Mempool.create(spec(), poolInit, true);
    }

    /** Checks the values together and resolves the flags and the ops name; allocates nothing. */
    private PoolSpec spec() {
        if (size < 0) {
            throw new IllegalArgumentException(Checks.message("size", "unset", ">= 1"));
        }
        if (elementSize < 0) {
            throw new IllegalArgumentException(Checks.message("elementSize", "unset", ">= 1"));
        }
        if (cacheSize > size) {
            throw new IllegalArgumentException(
                Checks.message("cacheSize", cacheSize, "0.." + Mempool.CACHE_MAX_SIZE + ", <= size " + size));
        }
        final EnumSet<MempoolFlag> all = EnumSet.copyOf(flags);
        if (all.contains(MempoolFlag.NO_CACHE_ALIGN)) {
            all.add(MempoolFlag.NO_SPREAD); // as DPDK: without cache alignment there is nothing to spread
        }
        if (DEBUG_ALL) {
            all.add(MempoolFlag.DEBUG);
        }
        if (STATS_ALL) {
            all.add(MempoolFlag.STATS);
        }
        // a default is resolved at populate, so createEmpty + setOps works with any driver set
        final String ops = opsName != null ? opsName : defaultOps(all);
        return new PoolSpec(name, size, elementSize, cacheSize, privateDataSize, Collections.unmodifiableSet(all),
            ops, Map.copyOf(opsParams), objectInit, maxChunkBytes, shared, 0);
    }

    /** The system property {@code mempool.ops}, else DPDK's choice by flags. */
    static String defaultOps(final Set<MempoolFlag> flags) {
        final String property = System.getProperty("mempool.ops");
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        final boolean sp = flags.contains(MempoolFlag.SP_PUT);
        final boolean sc = flags.contains(MempoolFlag.SC_GET);
        if (sp && sc) {
            return "ring_sp_sc";
        }
        if (sp) {
            return "ring_sp_mc";
        }
        return sc ? "ring_mp_sc" : "ring_mp_mc";
    }
}
