package io.mempool.core;

import java.util.regex.Pattern;

/**
 * The names of a pool's memzones, as DPDK names them, in one place: {@code MP_<pool>} (private data, or a
 * shared pool's header), {@code MP_<pool>_<k>} (element chunk k) and {@code RG_MP_<pool>} (a shared
 * pool's store). Thread-safe: pure functions.
 */
final class ZoneNames {
    private ZoneNames() {
    }

    /** @return the zone of the pool's private data, or of a shared pool's header. */
    static String header(final String pool) {
        return "MP_" + pool;
    }

    /** @return the zone of the pool's element chunk {@code k}. */
    static String chunk(final String pool, final int k) {
        return "MP_" + pool + "_" + k;
    }

    /** @return the zone of a shared pool's store. */
    static String store(final String pool) {
        return "RG_MP_" + pool;
    }

    /** @return a pattern matching the file names, under {@code prefix}, of every zone of {@code pool}. */
    static Pattern filesOf(final String prefix, final String pool) {
        return Pattern.compile(Pattern.quote(prefix + ".") + "(RG_)?MP_" + Pattern.quote(pool) + "(_\\d+)?");
    }

    /**
     * @return the pool a file would be the header zone of, or null if its name is no zone's of {@code prefix};
     *     a chunk's file ({@code MP_<pool>_0}) reads as the header of pool {@code <pool>_0}, so callers
     *     check the file's contents too.
     */
    static String poolOfHeaderFile(final String prefix, final String file) {
        final String start = prefix + ".MP_";
        return file.startsWith(start) ? file.substring(start.length()) : null;
    }
}
