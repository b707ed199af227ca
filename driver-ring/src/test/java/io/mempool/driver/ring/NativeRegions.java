package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.agrona.UnsafeApi;

/**
 * Off-heap regions for off-heap ring tests: each 128-byte aligned, zeroed, with a guard of
 * {@value #GUARD} bytes of {@value #CANARY} after it, checked when the regions are freed, so a ring that
 * writes past the length it was given fails its test. Not thread-safe: one per test.
 */
final class NativeRegions implements AutoCloseable {
    static final int ALIGN = 128;
    static final int GUARD = 64;
    static final byte CANARY = (byte) 0xA5;

    private final List<long[]> regions = new ArrayList<>(); // {raw, address, length}

    /** @return the start of a new zeroed region of {@code length} bytes, followed by the guard. */
    long allocate(final long length) {
        final long raw = UnsafeApi.allocateMemory(length + GUARD + ALIGN);
        final long address = (raw + ALIGN - 1) & -ALIGN;
        UnsafeApi.setMemory(address, length, (byte) 0);
        UnsafeApi.setMemory(address + length, GUARD, CANARY);
        regions.add(new long[] {raw, address, length});
        return address;
    }

    /** Checks every guard, then frees every region. */
    @Override
    public void close() {
        try {
            for (final long[] region : regions) {
                for (int i = 0; i < GUARD; i++) {
                    assertEquals(CANARY, UnsafeApi.getByte(region[1] + region[2] + i),
                        "byte " + i + " past a region of " + region[2] + " bytes was written");
                }
            }
        } finally {
            for (final long[] region : regions) {
                UnsafeApi.freeMemory(region[0]);
            }
            regions.clear();
        }
    }
}
