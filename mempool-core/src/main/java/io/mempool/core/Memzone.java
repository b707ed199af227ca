package io.mempool.core;

import io.mempool.api.Checks;
import io.mempool.api.OffHeapRegion;
import io.mempool.core.memory.MemoryChecks;
import io.mempool.core.memory.MemoryLayer;
import io.mempool.core.memory.MemoryScope;
import io.mempool.core.memory.NativeRegion;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A named, aligned, zeroed region of off-heap memory: DPDK's {@code rte_memzone}. Every off-heap byte
 * that core uses is a memzone — a pool's element chunks ({@code MP_<pool>_<k>}), its private data and
 * shared header ({@code MP_<pool>}), a shared pool's store ({@code RG_MP_<pool>}) — so the backing
 * changes in one place. Names are unique among a process's zones; {@link #lookup(String)} finds a zone
 * by name, as {@code rte_memzone_lookup}.
 *
 * <p>Two backings. A <b>private</b> zone ({@link #reserve}) is plain memory of this process. A
 * <b>shared</b> zone ({@link #reserveShared}) is a file mapped into every process that looks it up (see
 * {@link ZoneDirectory} for where, and for huge pages), so the same bytes are seen at a different address
 * in each: store offsets in it, never addresses. A process that dies leaves no trace: a file no live
 * process holds is stale, and the next reservation of its name removes it.
 *
 * <p>A zone's memory is released by {@link #free()}, not by the garbage collector; a shared zone's file
 * goes when the last process holding it frees it. Its bytes are reached through {@link #region()} (the
 * accessors a store needs, bounds-checked) or {@link #byteBuffer()} (for NIO), with no JVM flag; on JDK
 * 22+ both throw {@link IllegalStateException} once the zone is freed.
 *
 * <p><b>Thread safety:</b> reserve, lookup and free may be called from any thread. Reading or writing
 * a zone's memory while another thread frees it is the caller's error, as in DPDK: the pool never does.
 */
public final class Memzone {
    /** The longest zone name. */
    public static final int NAME_MAX_LENGTH = 63;
    /** The largest alignment a zone can ask for: a 2 MiB huge page. */
    public static final int MAX_ALIGN = MemoryChecks.MAX_ALIGN;
    /** The longest zone, private or shared: a direct buffer's capacity less room to align it, on every JDK. */
    public static final long MAX_LENGTH = MemoryChecks.MAX_LENGTH;

    /** Reserved zones by name; guarded by itself. */
    private static final Map<String, Memzone> ZONES = new TreeMap<>();
    /** Test hook: names whose reservation fails as if the memory ran out; null in production. */
    private static volatile Predicate<String> faultInjector;

    private final String name;
    private final NativeRegion region;
    /** The file of a shared zone; null for a private one. */
    private final ZoneFile file;
    /** The scope the zone's memory is freed with when the zone owns it; null for a pool's zone (the pool's scope). */
    private final MemoryScope ownScope;
    private final long length;
    private volatile boolean freed; // written under ZONES
    /** The pool whose memory this zone is, or null: such a zone is freed by its pool, never by {@link #free()}. */
    private String owner; // guarded by ZONES

    private Memzone(final String name, final NativeRegion region, final ZoneFile file, final MemoryScope ownScope,
                    final long length) {
        this.name = name;
        this.region = region;
        this.file = file;
        this.ownScope = ownScope;
        this.length = length;
    }

    /**
     * Reserves a private zone: plain off-heap memory of this process, zeroed (DPDK's
     * {@code rte_memzone_reserve_aligned}).
     *
     * @param name   a unique name, {@code [A-Za-z0-9_.-]{1,63}}.
     * @param length its size in bytes, {@code 1..}{@link #MAX_LENGTH}.
     * @param align  the alignment of its first byte, a power of two in {@code 8..2 MiB}.
     * @return the zone.
     * @throws IllegalArgumentException if an argument is out of range or the name is taken.
     * @throws OutOfMemoryError         if the memory cannot be had; nothing is reserved.
     */
    public static Memzone reserve(final String name, final long length, final int align) {
        return reserve(name, length, align, null);
    }

    /** As {@link #reserve(String, long, int)}, in a pool's scope, or in a scope of its own when null. */
    static Memzone reserve(final String name, final long length, final int align, final MemoryScope poolScope) {
        checkName(name);
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException(Checks.message("length", length, "1.." + MAX_LENGTH));
        }
        if (align < Long.BYTES || align > MAX_ALIGN || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException(Checks.message("align", align, "a power of two in 8.." + MAX_ALIGN));
        }
        synchronized (ZONES) {
            checkFree(name, length);
            final MemoryScope own = poolScope == null ? MemoryLayer.newScope() : null;
            final NativeRegion region;
            try {
                region = (poolScope != null ? poolScope : own).allocate(length, align);
            } catch (final RuntimeException | Error ex) {
                if (own != null) {
                    own.close();
                }
                throw ex;
            }
            final Memzone zone = new Memzone(name, region, null, own, length);
            ZONES.put(name, zone);
            return zone;
        }
    }

    /**
     * Reserves a shared zone: a new file, zeroed, that other processes find with {@link #lookup}. A
     * stale file of that name (no live process holds it) is removed first. With huge pages
     * ({@code -Dmempool.hugepages}) the file is on hugetlbfs and the length rounds up to the page size.
     *
     * @param name   a unique name, {@code [A-Za-z0-9_.-]{1,63}}, among this process's zones and the live
     *               files of its directory and prefix.
     * @param length its size in bytes, {@code 1..}{@link #MAX_LENGTH} (rounded up to a page).
     * @param align  the alignment of its first byte, a power of two from 8 to the page size (mappings
     *               start on a page).
     * @return the zone.
     * @throws IllegalArgumentException if an argument is out of range or the name is taken.
     * @throws IllegalStateException    if the file cannot be made: the message names the directory (and, for
     *                                  huge pages, the mount and the pages needed).
     */
    public static Memzone reserveShared(final String name, final long length, final int align) {
        return reserveShared(name, length, align, null);
    }

    /** As {@link #reserveShared(String, long, int)}, mapped in a pool's scope, or in one of its own when null. */
    static Memzone reserveShared(final String name, final long length, final int align, final MemoryScope poolScope) {
        checkName(name);
        final ZoneDirectory dir = ZoneDirectory.current();
        if (length < 1 || length > MAX_LENGTH || dir.roundUp(length) > MAX_LENGTH) {
            throw new IllegalArgumentException(Checks.message("length", length, "1.." + MAX_LENGTH + " for a shared zone"));
        }
        if (align < Long.BYTES || align > dir.pageSize() || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException(Checks.message("align", align,
                "a power of two in 8.." + dir.pageSize() + " for a shared zone in " + dir.dir()));
        }
        synchronized (ZONES) {
            checkFree(name, length);
            final MemoryScope own = poolScope == null ? MemoryLayer.newScope() : null;
            try {
                final ZoneFile file = SharedZones.create(dir, name, length, poolScope != null ? poolScope : own);
                final Memzone zone = new Memzone(name, file.region(), file, own, length);
                ZONES.put(name, zone);
                return zone;
            } catch (final RuntimeException | Error ex) {
                if (own != null) {
                    own.close();
                }
                throw ex;
            }
        }
    }

    /**
     * Finds a zone by name: one of this process's, else a shared zone another process reserved, which
     * is then mapped here (the length is the file's, rounded to a page).
     *
     * @param name a zone name.
     * @return the zone, or empty if none of that name exists or only a stale file does.
     */
    public static Optional<Memzone> lookup(final String name) {
        return lookup(name, null);
    }

    /** As {@link #lookup(String)}; a file found is mapped in a pool's scope, or in one of its own when null. */
    static Optional<Memzone> lookup(final String name, final MemoryScope poolScope) {
        Checks.notNull("name", name);
        synchronized (ZONES) {
            final Memzone mine = ZONES.get(name);
            if (mine != null || !NameRule.ZONE.matches(name)) {
                return Optional.ofNullable(mine);
            }
            final MemoryScope own = poolScope == null ? MemoryLayer.newScope() : null;
            final ZoneFile file;
            try {
                file = SharedZones.open(name, poolScope != null ? poolScope : own);
            } catch (final RuntimeException | Error ex) {
                if (own != null) {
                    own.close();
                }
                throw ex;
            }
            if (file == null) {
                if (own != null) {
                    own.close();
                }
                return Optional.empty();
            }
            final Memzone zone = new Memzone(name, file.region(), file, own, file.region().length());
            ZONES.put(name, zone);
            return Optional.of(zone);
        }
    }

    /** @return the zone's name. */
    public String name() {
        return name;
    }

    /**
     * @return the address of the zone's first byte, aligned as reserved.
     * @throws IllegalStateException if the zone was freed.
     */
    public long address() {
        checkLive();
        return region.address();
    }

    /**
     * @return the zone's memory with the accessors a store needs (bounds-checked plain, volatile,
     *     acquire/release, CAS and get-and-add), e.g. for {@code LongRing.createIn(region, capacity)}.
     * @throws IllegalStateException if the zone was freed.
     */
    public OffHeapRegion region() {
        checkLive();
        return region;
    }

    /**
     * @return a new direct buffer over the whole zone (position 0, limit and capacity {@link #length()},
     *     native byte order), for NIO; on JDK 22+ it throws {@link IllegalStateException} once the zone is freed.
     * @throws IllegalStateException if the zone was freed.
     */
    public ByteBuffer byteBuffer() {
        checkLive();
        return region.byteBuffer(0, (int) length);
    }

    /** @return the region for the pool's memory accesses. */
    NativeRegion nativeRegion() {
        return region;
    }

    /** @return the zone's size in bytes. */
    public long length() {
        return length;
    }

    /** @return whether the zone is a file other processes may map; private zones are not. */
    public boolean isShared() {
        return file != null;
    }

    /** @return whether {@link #free()} has run. */
    public boolean isFreed() {
        return freed;
    }

    /**
     * Releases the zone's memory and its name in this process (DPDK's {@code rte_memzone_free}); a
     * shared zone's file is deleted once no other process holds it. Idempotent.
     *
     * @throws IllegalStateException if the zone is a pool's memory (its elements, header or store):
     *     only closing the pool frees it, since the pool's calls still read it.
     */
    public void free() {
        synchronized (ZONES) {
            if (owner != null && !freed) {
                throw new IllegalStateException("memzone " + name + " belongs to pool " + owner + "; close the pool to free it");
            }
        }
        release(false);
    }

    /**
     * Marks the zone as pool {@code pool}'s memory, so that {@link #free()} refuses it.
     *
     * @throws IllegalStateException if another pool of this process already uses it (the same shared
     *     pool attached twice, say).
     */
    void claim(final String pool) {
        synchronized (ZONES) {
            if (freed || owner != null) {
                throw new IllegalStateException("memzone " + name + (freed ? " is freed" : " is already in use by pool " + owner
                    + " in this process"));
            }
            owner = pool;
        }
    }

    /**
     * As {@link #free()}; with {@code deleteFile} a shared zone's file goes even if others still map it.
     * A pool's zone keeps its memory until the pool's scope closes; its name and file go now.
     */
    void release(final boolean deleteFile) {
        synchronized (ZONES) {
            if (freed) {
                return;
            }
            freed = true;
            ZONES.remove(name, this);
            if (file != null) {
                SharedZones.close(file, deleteFile);
            }
        }
        if (ownScope != null) {
            ownScope.close();
        }
    }

    @Override
    public String toString() {
        return "Memzone[" + name + ", 0x" + Long.toHexString(region.address()) + ", " + length + " bytes"
            + (file != null ? ", " + file.path() : "") + "]";
    }

    private void checkLive() {
        if (freed) {
            throw new IllegalStateException("memzone " + name + " is freed");
        }
    }

    /** Under the lock: the name is not taken here, and (for tests) no fault is injected for it. */
    private static void checkFree(final String name, final long length) {
        if (ZONES.containsKey(name)) {
            throw new IllegalArgumentException(Checks.message("name", '"' + name + '"', "unique among memzones"));
        }
        final Predicate<String> fault = faultInjector;
        if (fault != null && fault.test(name)) {
            throw new OutOfMemoryError("memzone " + name + ": " + length + " bytes (injected fault)");
        }
    }

    private static void checkName(final String name) {
        NameRule.ZONE.check("name", name);
    }

    /** @return the files this process maps as shared zones. */
    static Set<Path> mappedHere() {
        synchronized (ZONES) {
            final Set<Path> paths = new HashSet<>();
            for (final Memzone zone : ZONES.values()) {
                if (zone.file != null) {
                    paths.add(zone.file.path());
                }
            }
            return paths;
        }
    }

    /** For tests: the zones reserved now. */
    static List<Memzone> reserved() {
        synchronized (ZONES) {
            return new ArrayList<>(ZONES.values());
        }
    }

    /** For tests: make reservations of matching names fail; null restores normal operation. */
    static void injectFaults(final Predicate<String> failing) {
        faultInjector = failing;
    }
}
