package io.mempool.testkit;

import org.agrona.UnsafeApi;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Raw off-heap regions for the memzone rules, as a memzone gives them: 128-byte aligned, zeroed, of
 * exactly the length asked for, each followed by a guard of {@value #GUARD} bytes of {@code 0xA5} so that
 * a store writing past its {@code memzoneBytes} is caught. Not thread-safe: one per rule.
 */
final class MemzoneRegions {
    static final int ALIGN = 128;
    static final int GUARD = 64;
    private static final byte CANARY = (byte) 0xA5;

    private final List<long[]> regions = new ArrayList<>(); // {raw, address, length}

    /** @return the start of a new zeroed region of {@code length} bytes. */
    long allocate(final long length) {
        final long raw = UnsafeApi.allocateMemory(length + GUARD + ALIGN);
        final long address = (raw + ALIGN - 1) & -ALIGN;
        UnsafeApi.setMemory(address, length, (byte) 0);
        UnsafeApi.setMemory(address + length, GUARD, CANARY);
        regions.add(new long[] {raw, address, length});
        return address;
    }

    /** Asserts no byte past any region was written. */
    void assertGuards() {
        for (final long[] region : regions) {
            for (int i = 0; i < GUARD; i++) {
                assertEquals(CANARY, UnsafeApi.getByte(region[1] + region[2] + i), "byte " + i + " past a memzone of "
                    + region[2] + " bytes (memzoneBytes) was written");
            }
        }
    }

    /** Frees every region; the stores in them must be freed first. */
    void free() {
        for (final long[] region : regions) {
            UnsafeApi.freeMemory(region[0]);
        }
        regions.clear();
    }
}
