package io.mempool.testkit;

import io.mempool.api.Checks;
import io.mempool.api.OffHeapRegion;
import io.mempool.core.Memzone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Off-heap regions as a memzone gives them: 128-byte aligned, zeroed, of exactly the length asked for,
 * each followed by a guard of {@value #GUARD} bytes of {@code 0xA5} so that a store writing past its
 * {@code memzoneBytes} is caught. Each is a private {@link Memzone}, so it needs no JVM flag and a store
 * given only its address finds it through {@link OffHeapRegion#containing}. The memzone rules use it; a
 * driver's own tests of its off-heap layout may too ({@code try (MemzoneRegions regions = new MemzoneRegions())}).
 *
 * <p><b>Thread safety:</b> none; one instance per test. The stores in the regions may be used from any
 * thread between {@link #region} and {@link #free}.
 */
public final class MemzoneRegions implements AutoCloseable {
    /** The alignment of every region's first byte. */
    public static final int ALIGN = 128;
    /** The guard bytes after every region. */
    public static final int GUARD = 64;
    private static final byte CANARY = (byte) 0xA5;
    private static final AtomicLong NAMES = new AtomicLong();

    private final List<Memzone> zones = new ArrayList<>();

    /**
     * @param length the region's bytes, {@code 1..Memzone.MAX_LENGTH - 64}.
     * @return a new zeroed region of exactly {@code length} bytes, followed by the guard.
     * @throws IllegalArgumentException if {@code length} is out of range.
     */
    public OffHeapRegion region(final long length) {
        if (length < 1 || length > Memzone.MAX_LENGTH - GUARD) {
            throw new IllegalArgumentException(Checks.message("length", length, "1.." + (Memzone.MAX_LENGTH - GUARD)));
        }
        final Memzone zone = Memzone.reserve("testkit_region_" + NAMES.incrementAndGet(), length + GUARD, ALIGN);
        zones.add(zone);
        zone.region().fill(length, GUARD, CANARY);
        return zone.region().slice(0, length);
    }

    /**
     * As {@link #region}, for tests of a store's address forms.
     *
     * @param length the region's bytes.
     * @return the address of the region's first byte.
     */
    public long allocate(final long length) {
        return region(length).address();
    }

    /** Asserts no byte past any region was written. */
    public void assertGuards() {
        for (final Memzone zone : zones) {
            final long length = zone.length() - GUARD;
            for (int i = 0; i < GUARD; i++) {
                assertEquals(CANARY, zone.region().getByte(length + i), "byte " + i + " past a memzone of "
                    + length + " bytes (memzoneBytes) was written");
            }
        }
    }

    /** Frees every region; the stores in them must be freed first. */
    public void free() {
        for (final Memzone zone : zones) {
            zone.free();
        }
        zones.clear();
    }

    /** Checks every guard, then frees every region, also when a guard was written. */
    @Override
    public void close() {
        try {
            assertGuards();
        } finally {
            free();
        }
    }
}
