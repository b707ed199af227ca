package io.mempool.core;

import io.mempool.api.Checks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The layout of a shared pool's header zone {@code MP_<pool>}: what a process needs to attach (the
 * configuration, the ops name, the zones' lengths), the table of attached processes, then the pool's
 * private data. Offsets are from the zone's first byte; every field is little-endian, as the machine.
 * <pre>
 *    0  magic "JMEMPOOL"       (8)      56  elements zone length (8)
 *    8  layout version         (4)      64  store zone length    (8)
 *   12  state                  (4)     128  ops name, ASCII, 0-padded (32)
 *   16  pool id                (8)     192  process table: 64 x {pid (8), start time ms (8)}
 *   24  size                   (4)    1216  private data, 64-byte aligned
 *   28  element size           (4)
 *   32  total element size     (4)
 *   36  element header size    (4)
 *   40  cache size             (4)
 *   44  flags (1 << ordinal)   (4)
 *   48  private data size      (4)
 * </pre>
 * A creator writes every field, then the state READY last (release), so an attacher that reads READY
 * (acquire) sees them all.
 */
final class SharedPoolDescriptor {
    /** "JMEMPOOL" read as a little-endian long. */
    static final long MAGIC = 0x4C4F4F504D454D4AL;
    /** Bumped whenever this layout, the element layout or the store placement changes. */
    static final int LAYOUT_VERSION = 1;
    static final int STATE_CREATING = 0;
    static final int STATE_READY = 1;
    static final int STATE_DESTROYED = 2;

    static final int MAGIC_OFFSET;
    static final int VERSION_OFFSET;
    static final int STATE_OFFSET;
    static final int POOL_ID_OFFSET;
    static final int SIZE_OFFSET;
    static final int ELEMENT_SIZE_OFFSET;
    static final int TOTAL_ELEMENT_SIZE_OFFSET;
    static final int ELEMENT_HEADER_SIZE_OFFSET;
    static final int CACHE_SIZE_OFFSET;
    static final int FLAGS_OFFSET;
    static final int PRIVATE_DATA_SIZE_OFFSET;
    static final int ELEMENTS_LENGTH_OFFSET;
    static final int STORE_LENGTH_OFFSET;
    static final int OPS_NAME_OFFSET;
    static final int OPS_NAME_LENGTH = 32;
    static final int PROCESS_TABLE_OFFSET;
    static final int PROCESS_SLOTS = 64;
    static final int PROCESS_SLOT_LENGTH = 2 * Long.BYTES;
    static final int PRIVATE_DATA_OFFSET;

    static {
        MAGIC_OFFSET = 0;
        VERSION_OFFSET = 8;
        STATE_OFFSET = 12;
        POOL_ID_OFFSET = 16;
        SIZE_OFFSET = 24;
        ELEMENT_SIZE_OFFSET = 28;
        TOTAL_ELEMENT_SIZE_OFFSET = 32;
        ELEMENT_HEADER_SIZE_OFFSET = 36;
        CACHE_SIZE_OFFSET = 40;
        FLAGS_OFFSET = 44;
        PRIVATE_DATA_SIZE_OFFSET = 48;
        ELEMENTS_LENGTH_OFFSET = 56;
        STORE_LENGTH_OFFSET = 64;
        OPS_NAME_OFFSET = 128;
        PROCESS_TABLE_OFFSET = OPS_NAME_OFFSET + 2 * OPS_NAME_LENGTH;
        PRIVATE_DATA_OFFSET = ElementLayout.roundUp(PROCESS_TABLE_OFFSET + PROCESS_SLOTS * PROCESS_SLOT_LENGTH,
            ElementLayout.CACHE_LINE);
    }

    private SharedPoolDescriptor() {
    }

    /** @return the header zone's length for a private data area of {@code privateDataSize} bytes. */
    static long length(final int privateDataSize) {
        return PRIVATE_DATA_OFFSET + ElementLayout.roundUp((long) privateDataSize, ElementLayout.CACHE_LINE);
    }

    /** @return the ops name as the header stores it, or a refusal if it does not fit. */
    static byte[] encodeOpsName(final String opsName) {
        final byte[] bytes = opsName.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > OPS_NAME_LENGTH) {
            throw new IllegalArgumentException(Checks.message("ops", opsName, "a name of at most " + OPS_NAME_LENGTH + " characters"));
        }
        return bytes;
    }

    /** @return the offset of process slot {@code slot}'s pid word. */
    static long slotOffset(final int slot) {
        return PROCESS_TABLE_OFFSET + (long) slot * PROCESS_SLOT_LENGTH;
    }

    /** @return whether the file starts with a shared pool header's magic (read, not mapped). */
    static boolean isHeaderFile(final Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            final ByteBuffer magic = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            return channel.read(magic, MAGIC_OFFSET) == Long.BYTES && magic.getLong(0) == MAGIC;
        }
    }
}
