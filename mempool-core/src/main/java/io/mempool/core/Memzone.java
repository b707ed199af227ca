package io.mempool.core;

import io.mempool.api.Checks;
import org.agrona.UnsafeApi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

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
 * goes when the last process holding it frees it.
 *
 * <p><b>Thread safety:</b> reserve, lookup and free may be called from any thread. Reading or writing
 * a zone's memory while another thread frees it is the caller's error, as in DPDK: the pool never does.
 */
public final class Memzone {
    /** The longest zone name. */
    public static final int NAME_MAX_LENGTH = 63;
    /** The largest alignment a zone can ask for: a 2 MiB huge page. */
    public static final int MAX_ALIGN = 1 << 21;
    /** The longest private zone: room to align it without overflowing an address. */
    private static final long MAX_PRIVATE_LENGTH = Long.MAX_VALUE - MAX_ALIGN;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1," + NAME_MAX_LENGTH + "}");
    /** Reserved zones by name; guarded by itself. */
    private static final Map<String, Memzone> ZONES = new TreeMap<>();
    /** Test hook: names whose reservation fails as if the memory ran out; null in production. */
    private static volatile Predicate<String> faultInjector;

    private final String name;
    /** The allocation of a private zone; 0 for a shared one. */
    private final long raw;
    /** The mapping of a shared zone; null for a private one. */
    private final ZoneFile file;
    private final long address;
    private final long length;
    private volatile boolean freed; // written under ZONES
    /** The pool whose memory this zone is, or null: such a zone is freed by its pool, never by {@link #free()}. */
    private String owner; // guarded by ZONES

    private Memzone(final String name, final long raw, final ZoneFile file, final long address, final long length) {
        this.name = name;
        this.raw = raw;
        this.file = file;
        this.address = address;
        this.length = length;
    }

    /**
     * Reserves a private zone: plain off-heap memory of this process, zeroed (DPDK's
     * {@code rte_memzone_reserve_aligned}).
     *
     * @param name   a unique name, {@code [A-Za-z0-9_.-]{1,63}}.
     * @param length its size in bytes, {@code 1..2^63 - 1 - 2 MiB} (room to align it).
     * @param align  the alignment of its first byte, a power of two in {@code 8..2 MiB}.
     * @return the zone.
     * @throws IllegalArgumentException if an argument is out of range or the name is taken.
     * @throws OutOfMemoryError         if the memory cannot be had; nothing is reserved.
     */
    public static Memzone reserve(final String name, final long length, final int align) {
        checkName(name);
        if (length < 1 || length > MAX_PRIVATE_LENGTH) {
            throw new IllegalArgumentException(Checks.message("length", length, "1.." + MAX_PRIVATE_LENGTH));
        }
        if (align < Long.BYTES || align > MAX_ALIGN || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException(Checks.message("align", align, "a power of two in 8.." + MAX_ALIGN));
        }
        synchronized (ZONES) {
            checkFree(name, length);
            final long raw = UnsafeApi.allocateMemory(length + align - 1);
            final long address = (raw + align - 1) & -align;
            UnsafeApi.setMemory(address, length, (byte) 0);
            final Memzone zone = new Memzone(name, raw, null, address, length);
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
     * @param length its size in bytes, {@code 1..2^31-1}.
     * @param align  the alignment of its first byte, a power of two from 8 to the page size (mappings
     *               start on a page).
     * @return the zone.
     * @throws IllegalArgumentException if an argument is out of range or the name is taken.
     * @throws IllegalStateException    if the file cannot be made: the message names the directory (and, for
     *                                  huge pages, the mount and the pages needed).
     */
    public static Memzone reserveShared(final String name, final long length, final int align) {
        checkName(name);
        final ZoneDirectory dir = ZoneDirectory.current();
        if (length < 1 || length > Integer.MAX_VALUE || dir.roundUp(length) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(Checks.message("length", length, "1.." + Integer.MAX_VALUE + " for a shared zone"));
        }
        if (align < Long.BYTES || align > dir.pageSize() || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException(Checks.message("align", align,
                "a power of two in 8.." + dir.pageSize() + " for a shared zone in " + dir.dir()));
        }
        synchronized (ZONES) {
            checkFree(name, length);
            final ZoneFile file = SharedZones.create(dir, name, length);
            final Memzone zone = new Memzone(name, 0, file, file.address(), length);
            ZONES.put(name, zone);
            return zone;
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
        Checks.notNull("name", name);
        synchronized (ZONES) {
            final Memzone mine = ZONES.get(name);
            if (mine != null || !NAME.matcher(name).matches()) {
                return Optional.ofNullable(mine);
            }
            final ZoneFile file = SharedZones.open(name);
            if (file == null) {
                return Optional.empty();
            }
            final Memzone zone = new Memzone(name, 0, file, file.address(), file.length());
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
        return address;
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

    /** As {@link #free()}; with {@code deleteFile} a shared zone's file goes even if others still map it. */
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
        if (file == null) {
            UnsafeApi.freeMemory(raw);
        }
    }

    @Override
    public String toString() {
        return "Memzone[" + name + ", 0x" + Long.toHexString(address) + ", " + length + " bytes"
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
        Checks.notNull("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(Checks.message("name", '"' + name + '"', NAME.pattern()));
        }
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
