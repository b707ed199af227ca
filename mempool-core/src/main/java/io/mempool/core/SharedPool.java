package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.MempoolFlag;
import io.mempool.core.memory.MemoryScope;
import io.mempool.core.memory.NativeRegion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.mempool.core.SharedPoolDescriptor.*;

/**
 * This process's side of a pool in shared memory: the header zone {@code MP_<pool>}
 * ({@link SharedPoolDescriptor}), the elements zone {@code MP_<pool>_0} and the store zone
 * {@code RG_MP_<pool>}, and this process's slot in the header's process table. The creator writes the
 * header; any process attaches by name, checking the header against what it would lay out itself.
 *
 * <p><b>Thread safety:</b> the lifecycle serialises create, attach and close; the process table is
 * changed by CAS, and read by any thread.
 */
final class SharedPool {
    private final String name;
    private final Memzone header;
    /** The header's memory: every field below is read and written through it, bounds-checked. */
    private final NativeRegion h;
    private final boolean creator;
    private final int slot;
    private Memzone elements;
    private Memzone store;

    private SharedPool(final String name, final Memzone header, final boolean creator, final int slot) {
        this.name = name;
        this.header = header;
        this.h = header.nativeRegion();
        this.creator = creator;
        this.slot = slot;
    }

    /**
     * Reserves the header zone of a new shared pool (removing a crashed run's stale files of that
     * name), writes the configuration with the state CREATING, and claims this process's slot.
     */
    static SharedPool create(final PoolConfig config, final Set<MempoolFlag> flags, final MemoryScope scope) {
        final String pool = config.name();
        SharedZones.removeStalePool(pool);
        final Memzone zone = Memzone.reserveShared(ZoneNames.header(pool), SharedPoolDescriptor.length(config.privateDataSize()),
            ElementLayout.CACHE_LINE, scope);
        zone.claim(pool);
        final NativeRegion h = zone.nativeRegion();
        h.putLong(MAGIC_OFFSET, MAGIC);
        h.putInt(VERSION_OFFSET, LAYOUT_VERSION);
        h.putLong(POOL_ID_OFFSET, config.id());
        h.putInt(SIZE_OFFSET, config.size());
        h.putInt(ELEMENT_SIZE_OFFSET, config.elementSize());
        h.putInt(TOTAL_ELEMENT_SIZE_OFFSET, config.layout().totalSize);
        h.putInt(ELEMENT_HEADER_SIZE_OFFSET, config.layout().headerSize);
        h.putInt(CACHE_SIZE_OFFSET, config.cacheSize());
        h.putInt(FLAGS_OFFSET, encode(flags));
        h.putInt(PRIVATE_DATA_SIZE_OFFSET, config.privateDataSize());
        h.putIntRelease(STATE_OFFSET, STATE_CREATING); // release: an attacher that reads READY later sees the fields
        return new SharedPool(pool, zone, true, claimSlot(h, pool));
    }

    /** Reserves the elements and store zones, and records the ops, flags and lengths; the creator only. */
    void reserveData(final Set<MempoolFlag> flags, final String opsName, final long elementsLength, final long storeLength,
                     final MemoryScope scope) {
        final byte[] ops = encodeOpsName(opsName);
        elements = Memzone.reserveShared(ZoneNames.chunk(name, 0), elementsLength, ElementLayout.CACHE_LINE, scope);
        elements.claim(name);
        store = Memzone.reserveShared(ZoneNames.store(name), storeLength, ElementLayout.CACHE_LINE, scope);
        store.claim(name);
        for (int i = 0; i < ops.length; i++) {
            h.putByte(OPS_NAME_OFFSET + i, ops[i]);
        }
        h.putLong(ELEMENTS_LENGTH_OFFSET, elementsLength);
        h.putLong(STORE_LENGTH_OFFSET, storeLength);
        h.putInt(FLAGS_OFFSET, encode(flags)); // with the ops' required flags, known now
    }

    /**
     * Undoes {@link #reserveData} after a failed population: the pool stays empty, its header stays; the
     * memory goes with the scope the caller closes.
     */
    void releaseData() {
        for (final Memzone zone : new Memzone[] {store, elements}) {
            if (zone != null) {
                zone.release(true);
            }
        }
        store = null;
        elements = null;
    }

    /** The creator's last step: every field written before (release), so an attacher sees them all. */
    void markReady() {
        h.putIntRelease(STATE_OFFSET, STATE_READY);
    }

    /**
     * Maps another process's shared pool and claims a slot in its process table.
     *
     * @throws IllegalArgumentException if no live pool of that name exists (the message lists those that
     *     do), or its header does not match this jmempool (the message names both values).
     */
    static SharedPool attach(final String pool, final MemoryScope scope) {
        final Memzone zone = Memzone.lookup(ZoneNames.header(pool), scope).filter(Memzone::isShared).orElseThrow(() ->
            new IllegalArgumentException(Checks.message("pool", '"' + pool + '"', "the name of a live shared pool; in "
                + ZoneDirectory.runtime().dir() + " with prefix " + ZoneDirectory.runtime().prefix() + " there are "
                + SharedZones.poolNames())));
        zone.claim(pool); // refuses a pool this process has open already: its zones are in use here
        final int slot;
        try {
            final NativeRegion h = zone.nativeRegion();
            expect(pool, "magic", "0x" + Long.toHexString(h.getLong(MAGIC_OFFSET)), "0x" + Long.toHexString(MAGIC));
            expect(pool, "layout version", h.getInt(VERSION_OFFSET), LAYOUT_VERSION);
            final int state = h.getIntAcquire(STATE_OFFSET); // acquire: pairs with markReady's release
            if (state == STATE_CREATING || state == STATE_DESTROYED) {
                throw new IllegalStateException("pool " + pool + " is " + (state == STATE_CREATING
                    ? "still being created: attach after its create() returned" : "closed by its creator"));
            }
            expect(pool, "state", state, STATE_READY);
            slot = claimSlot(h, pool);
        } catch (final RuntimeException | Error ex) {
            zone.release(false);
            throw ex;
        }
        final SharedPool shared = new SharedPool(pool, zone, false, slot);
        try {
            shared.elements = lookup(pool, ZoneNames.chunk(pool, 0), shared.h.getLong(ELEMENTS_LENGTH_OFFSET), scope);
            shared.store = lookup(pool, ZoneNames.store(pool), shared.h.getLong(STORE_LENGTH_OFFSET), scope);
            return shared;
        } catch (final RuntimeException | Error ex) {
            shared.close(false); // leaves the process table, unmaps what it mapped
            throw ex;
        }
    }

    private static Memzone lookup(final String pool, final String zone, final long length, final MemoryScope scope) {
        if (length < 1 || length > Memzone.MAX_LENGTH) {
            throw new IllegalArgumentException(Checks.message("pool " + pool + ": header length of zone " + zone, length,
                "1.." + Memzone.MAX_LENGTH));
        }
        final Memzone found = Memzone.lookup(zone, scope).orElseThrow(() ->
            new IllegalStateException("pool " + pool + ": its zone " + zone + " is gone"));
        found.claim(pool);
        if (found.length() < length) {
            found.release(false);
            throw new IllegalStateException(Checks.message("pool " + pool + ": zone " + zone + " length", found.length(),
                ">= " + length + " as its header says"));
        }
        return found;
    }

    /**
     * Checks what the header says against what this process would lay out for the same configuration, and
     * that the zones hold what the header promises; every attach check after the magic, version and state.
     *
     * @throws IllegalArgumentException naming the field, the value found and the value expected.
     */
    void checkAgainst(final PoolConfig config, final long storeBytes) {
        expect(name, "total element size", intField(TOTAL_ELEMENT_SIZE_OFFSET), config.layout().totalSize);
        expect(name, "element header size", intField(ELEMENT_HEADER_SIZE_OFFSET), config.layout().headerSize);
        expect(name, "store zone length for " + opsName(), h.getLong(STORE_LENGTH_OFFSET), storeBytes);
        final long elementsBytes = (long) config.size() * config.layout().totalSize;
        if (elements.length() < elementsBytes) { // a header that promises more objects than the zone holds
            throw new IllegalArgumentException(Checks.message("pool " + name + ": elements zone length", elements.length(),
                ">= " + elementsBytes + " for " + config.size() + " objects of " + config.layout().totalSize + " bytes"));
        }
    }

    /** Checks a header field against what this process expects; the message names both. */
    private static void expect(final String pool, final String field, final Object found, final Object expected) {
        if (!found.equals(expected)) {
            throw new IllegalArgumentException(Checks.message("pool " + pool + ": " + field, found,
                expected + ", as this process would lay it out"));
        }
    }

    // ---------------------------------------------------------------- the header's configuration

    /**
     * The configuration the header records, for a pool of this process to attach with: every field is input
     * from another process, checked before use (the layout it implies is checked by {@link #checkAgainst}).
     *
     * @throws IllegalArgumentException naming the field and its value if one is out of range.
     */
    PoolSpec spec(final String pool) {
        final String field = "pool " + pool + ": header ";
        final int size = Checks.atLeast(field + "size", intField(SIZE_OFFSET), 1);
        final int cacheSize = Checks.inRange(field + "cache size", intField(CACHE_SIZE_OFFSET), 0,
            Math.min(size, Mempool.CACHE_MAX_SIZE));
        final int elementSize = Checks.inRange(field + "element size", intField(ELEMENT_SIZE_OFFSET), 1, ElementLayout.MAX_ELEMENT);
        final int privateDataSize = Checks.inRange(field + "private data size", intField(PRIVATE_DATA_SIZE_OFFSET), 0,
            (int) Math.min(Integer.MAX_VALUE, header.length() - PRIVATE_DATA_OFFSET));
        final long id = poolId();
        if (id == 0) {
            throw new IllegalArgumentException(Checks.message(field + "pool id", 0, "non-zero"));
        }
        return new PoolSpec(pool, size, elementSize, cacheSize, privateDataSize, flags(field), opsName(field), Map.of(), null,
            PoolMemory.MAX_CHUNK_BYTES, true, id);
    }

    long poolId() {
        return h.getLong(POOL_ID_OFFSET);
    }

    int intField(final int offset) {
        return h.getInt(offset);
    }

    private Set<MempoolFlag> flags(final String field) {
        final int bits = intField(FLAGS_OFFSET);
        if (bits >>> MempoolFlag.values().length != 0) {
            throw new IllegalArgumentException(Checks.message(field + "flags", "0x" + Integer.toHexString(bits),
                "bits of " + java.util.Arrays.toString(MempoolFlag.values()) + " only"));
        }
        final Set<MempoolFlag> flags = EnumSet.noneOf(MempoolFlag.class);
        for (final MempoolFlag flag : MempoolFlag.values()) {
            if ((bits & 1 << flag.ordinal()) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }

    private String opsName() {
        final byte[] bytes = new byte[OPS_NAME_LENGTH];
        int n = 0;
        while (n < bytes.length && h.getByte(OPS_NAME_OFFSET + n) != 0) {
            bytes[n] = h.getByte(OPS_NAME_OFFSET + n);
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** @return the ops name the header records, if it is a name at all. */
    private String opsName(final String field) {
        final String name = opsName();
        if (!NameRule.OPS.matches(name)) {
            throw new IllegalArgumentException(NameRule.OPS.problem(field + "ops name", name, ""));
        }
        return name;
    }

    Memzone elements() {
        return elements;
    }

    Memzone store() {
        return store;
    }

    long privateDataAddress() {
        return header.address() + PRIVATE_DATA_OFFSET;
    }

    /** @return a new view of the private data area. */
    java.nio.ByteBuffer privateData(final int size) {
        return h.byteBuffer(PRIVATE_DATA_OFFSET, size);
    }

    boolean isCreator() {
        return creator;
    }

    // ---------------------------------------------------------------- processes

    /** @return the processes attached other than this one, as {@code pid (alive|dead)}. */
    List<String> otherProcesses(final boolean aliveOnly) {
        final List<String> others = new ArrayList<>();
        for (int s = 0; s < PROCESS_SLOTS; s++) {
            final long pid = h.getLongVolatile(slotOffset(s));
            if (s != slot && pid != 0) {
                final boolean alive = isAlive(pid, h.getLong(slotOffset(s) + Long.BYTES));
                if (alive || !aliveOnly) {
                    others.add(pid + (alive ? " (alive)" : " (dead)"));
                }
            }
        }
        return others;
    }

    /**
     * Leaves the process table and unmaps the zones. The files go if {@code destroy} (the creator's
     * close) or if no other process holds them any more.
     */
    void close(final boolean destroy) {
        h.putLongVolatile(slotOffset(slot), 0); // volatile: other processes' counts of the attached see us gone
        if (destroy) {
            h.putIntRelease(STATE_OFFSET, STATE_DESTROYED);
        }
        final boolean delete = destroy || otherProcesses(true).isEmpty();
        for (final Memzone zone : new Memzone[] {store, elements, header}) {
            if (zone != null) {
                zone.release(delete);
            }
        }
    }

    private static int claimSlot(final NativeRegion h, final String pool) {
        final long pid = ProcessHandle.current().pid();
        final long start = startMillis(ProcessHandle.current());
        for (int pass = 0; pass < 2; pass++) {
            for (int s = 0; s < PROCESS_SLOTS; s++) {
                final long at = slotOffset(s);
                final long holder = h.getLongVolatile(at);
                // a free slot on the first pass; a dead process's on the second, once none is free
                final boolean claimable = holder == 0 || pass == 1 && !isAlive(holder, h.getLong(at + Long.BYTES));
                if (claimable && h.compareAndSetLong(at, holder, pid)) { // CAS: one process per slot
                    h.putLong(at + Long.BYTES, start);
                    return s;
                }
            }
        }
        throw new IllegalStateException("pool " + pool + ": " + PROCESS_SLOTS + " processes are attached already");
    }

    /** @return whether the process a slot names lives; a slot another process scribbled on names none. */
    private static boolean isAlive(final long pid, final long startMillis) {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            return false;
        }
        return ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .map(p -> startMillis == 0 || startMillis(p) == startMillis) // a reused pid is not the same process
            .orElse(false);
    }

    private static long startMillis(final ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static int encode(final Set<MempoolFlag> flags) {
        int bits = 0;
        for (final MempoolFlag flag : flags) {
            bits |= 1 << flag.ordinal();
        }
        return bits;
    }
}
