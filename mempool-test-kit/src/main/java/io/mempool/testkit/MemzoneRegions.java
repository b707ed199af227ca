package io.mempool.testkit;

import io.mempool.api.Checks;
import org.agrona.UnsafeApi;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Raw off-heap regions as a memzone gives them: 128-byte aligned, zeroed, of exactly the length asked
 * for, each followed by a guard of {@value #GUARD} bytes of {@code 0xA5} so that a store writing past its
 * {@code memzoneBytes} is caught. The memzone rules use it; a driver's own tests of its off-heap layout
 * may too ({@code try (MemzoneRegions regions = new MemzoneRegions())}).
 *
 * <p><b>Thread safety:</b> none; one instance per test. The stores in the regions may be used from any
 * thread between {@link #allocate} and {@link #free}.
 */
public final class MemzoneRegions implements AutoCloseable {
    /** The alignment of every region's first byte. */
    public static final int ALIGN = 128;
    /** The guard bytes after every region. */
    public static final int GUARD = 64;
    private static final byte CANARY = (byte) 0xA5;

    private final List<long[]> regions = new ArrayList<>(); // {raw, address, length}

    /**
     * @param length the region's bytes, {@code >= 1}.
     * @return the start of a new zeroed region of {@code length} bytes, followed by the guard.
     * @throws IllegalArgumentException if {@code length} is out of range.
     */
    public long allocate(final long length) {
        if (length < 1 || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(Checks.message("length", length, "1.." + Integer.MAX_VALUE));
        }
        final long raw = UnsafeApi.allocateMemory(length + GUARD + ALIGN);
        final long address = (raw + ALIGN - 1) & -ALIGN;
        UnsafeApi.setMemory(address, length, (byte) 0);
        UnsafeApi.setMemory(address + length, GUARD, CANARY);
        regions.add(new long[] {raw, address, length});
        return address;
    }

    /** Asserts no byte past any region was written. */
    public void assertGuards() {
        for (final long[] region : regions) {
            for (int i = 0; i < GUARD; i++) {
                assertEquals(CANARY, UnsafeApi.getByte(region[1] + region[2] + i), "byte " + i + " past a memzone of "
                    + region[2] + " bytes (memzoneBytes) was written");
            }
        }
    }

    /** Frees every region; the stores in them must be freed first. */
    public void free() {
        for (final long[] region : regions) {
            UnsafeApi.freeMemory(region[0]);
        }
        regions.clear();
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
