package io.mempool.core;

import io.mempool.api.Checks;
import org.agrona.UnsafeApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A named, aligned, zeroed region of off-heap memory: DPDK's {@code rte_memzone}. Every off-heap byte
 * that core uses is a memzone — a pool's element chunks ({@code MP_<pool>_<k>}) and its private data
 * ({@code MP_<pool>}) — so the backing changes in one place. Names are unique among reserved zones;
 * {@link #lookup(String)} finds a zone by name, as {@code rte_memzone_lookup}.
 *
 * <p>A zone's memory is released by {@link #free()}, not by the garbage collector.
 *
 * <p><b>Thread safety:</b> reserve, lookup and free may be called from any thread. Reading or writing
 * a zone's memory while another thread frees it is the caller's error, as in DPDK: the pool never does.
 */
public final class Memzone {
    /** The longest zone name. */
    public static final int NAME_MAX_LENGTH = 63;
    /** The largest alignment a zone can ask for: a 2 MiB huge page. */
    public static final int MAX_ALIGN = 1 << 21;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1," + NAME_MAX_LENGTH + "}");
    /** Reserved zones by name; guarded by itself. */
    private static final Map<String, Memzone> ZONES = new TreeMap<>();
    /** Test hook: names whose reservation fails as if the memory ran out; null in production. */
    private static volatile Predicate<String> faultInjector;

    private final String name;
    private final long raw;
    private final long address;
    private final long length;
    private volatile boolean freed; // written under ZONES

    private Memzone(final String name, final long raw, final long address, final long length) {
        this.name = name;
        this.raw = raw;
        this.address = address;
        this.length = length;
    }

    /**
     * Reserves a private zone: plain off-heap memory of this process, zeroed (DPDK's
     * {@code rte_memzone_reserve_aligned}).
     *
     * @param name   a unique name, {@code [A-Za-z0-9_.-]{1,63}}.
     * @param length its size in bytes, {@code >= 1}.
     * @param align  the alignment of its first byte, a power of two in {@code 8..2 MiB}.
     * @return the zone.
     * @throws IllegalArgumentException if an argument is out of range or the name is taken.
     * @throws OutOfMemoryError         if the memory cannot be had; nothing is reserved.
     */
    public static Memzone reserve(final String name, final long length, final int align) {
        checkName(name);
        if (length < 1) {
            throw new IllegalArgumentException(Checks.message("length", length, ">= 1"));
        }
        if (align < Long.BYTES || align > MAX_ALIGN || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException(Checks.message("align", align, "a power of two in 8.." + MAX_ALIGN));
        }
        synchronized (ZONES) {
            if (ZONES.containsKey(name)) {
                throw new IllegalArgumentException(Checks.message("name", '"' + name + '"', "unique among memzones"));
            }
            final Predicate<String> fault = faultInjector;
            if (fault != null && fault.test(name)) {
                throw new OutOfMemoryError("memzone " + name + ": " + length + " bytes (injected fault)");
            }
            final long raw = UnsafeApi.allocateMemory(length + align - 1);
            final long address = (raw + align - 1) & -align;
            UnsafeApi.setMemory(address, length, (byte) 0);
            final Memzone zone = new Memzone(name, raw, address, length);
            ZONES.put(name, zone);
            return zone;
        }
    }

    /**
     * @param name a zone name.
     * @return the reserved zone of that name.
     */
    public static Optional<Memzone> lookup(final String name) {
        Checks.notNull("name", name);
        synchronized (ZONES) {
            return Optional.ofNullable(ZONES.get(name));
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

    /** @return whether the zone is shared between processes; private zones are not. */
    public boolean isShared() {
        return false;
    }

    /** @return whether {@link #free()} has run. */
    public boolean isFreed() {
        return freed;
    }

    /**
     * Releases the zone's memory and its name (DPDK's {@code rte_memzone_free}). Idempotent.
     */
    public void free() {
        synchronized (ZONES) {
            if (freed) {
                return;
            }
            freed = true;
            ZONES.remove(name, this);
        }
        UnsafeApi.freeMemory(raw);
    }

    @Override
    public String toString() {
        return "Memzone[" + name + ", 0x" + Long.toHexString(address) + ", " + length + " bytes]";
    }

    private void checkLive() {
        if (freed) {
            throw new IllegalStateException("memzone " + name + " is freed");
        }
    }

    private static void checkName(final String name) {
        Checks.notNull("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(Checks.message("name", '"' + name + '"', NAME.pattern()));
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
