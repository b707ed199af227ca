package io.mempool.api;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A bounded range of off-heap memory with the accessors a store needs: plain, volatile,
 * acquire/release, compare-and-set, compare-and-exchange and get-and-add on {@code long} and {@code int}
 * at a byte offset, plus bulk copies between {@code long[]} tables and the region. It is how a store
 * that lives in a memzone (shared between processes, say) reaches its memory with no JVM flag on any
 * JDK: the pool hands one to {@link MempoolOps#allocIn(OpsConfig, OffHeapRegion)} and
 * {@link MempoolOps#attach(OpsConfig, OffHeapRegion)}; user code gets one from a memzone.
 *
 * <p><b>Bounds.</b> Every access is checked, as Agrona's buffers check theirs: an offset outside
 * {@code 0..length() - size} throws {@link IndexOutOfBoundsException}, and an atomic access (anything
 * but plain and bulk) at an address that is not a multiple of its size throws
 * {@link IllegalArgumentException}; nothing is read or written then. The checks are a compare or two
 * that the JIT hoists out of loops.
 *
 * <p><b>Memory orders</b> are in the names, as in {@link java.lang.invoke.VarHandle}: plain
 * ({@code getLong}), volatile ({@code getLongVolatile}), acquire ({@code getLongAcquire}), release
 * ({@code putLongRelease}); {@code compareAndSet*}, {@code compareAndExchange*} and {@code getAndAdd*}
 * are volatile. They hold across processes that map the same memory.
 *
 * <p><b>Lifetime.</b> A region is valid while the memory it covers is: on JDK 22+ an access after that
 * memory is freed throws {@link IllegalStateException}; on JDK 17 to 21 it is undefined, as with any
 * off-heap buffer, so keep a region no longer than its memzone or pool.
 *
 * <p><b>Thread safety:</b> a region holds no mutable state of its own; concurrent accesses are as safe
 * as their memory orders make them.
 *
 * <p><b>Finding a region by address.</b> Memory providers (the pool's memory layer) register the regions
 * they reserve, so that code holding only an address, such as {@code LongRing.attach(address, length)},
 * can reach the memory through {@link #containing(long, long)} without a restricted method.
 */
public abstract class OffHeapRegion {
    /** Live root regions by address, for {@link #containing}. */
    private static final ConcurrentSkipListMap<Long, OffHeapRegion> LIVE = new ConcurrentSkipListMap<>();

    private final long address;
    private final long length;
    /** Whether the provider checks single accesses itself (see the constructor). */
    private final boolean selfChecked;

    /**
     * A region whose accessors check every access before the provider's methods run.
     *
     * @param address the absolute address of the region's first byte, non-zero.
     * @param length  its length in bytes, {@code >= 0}.
     * @throws IllegalArgumentException if either is out of range.
     */
    protected OffHeapRegion(final long address, final long length) {
        this(address, length, false);
    }

    /**
     * @param address     the absolute address of the region's first byte, non-zero.
     * @param length      its length in bytes, {@code >= 0}.
     * @param selfChecked whether the provider's single accesses ({@code getByte0} to {@code getAndAddLong0})
     *                    check bounds and alignment themselves, as {@code MemorySegment} accesses do, and
     *                    report a failure with {@link #refusal}: then this class does not check them first,
     *                    so no access pays for two checks. Bulk copies and fills are always checked here.
     * @throws IllegalArgumentException if {@code address} or {@code length} is out of range.
     */
    protected OffHeapRegion(final long address, final long length, final boolean selfChecked) {
        if (address == 0) {
            throw new IllegalArgumentException(Checks.message("address", "0x0", "non-zero"));
        }
        if (length < 0) {
            throw new IllegalArgumentException(Checks.message("length", length, ">= 0"));
        }
        this.address = address;
        this.length = length;
        this.selfChecked = selfChecked;
    }

    /**
     * @return the absolute address of byte 0, for native interop and for translating addresses into
     *     offsets; never dereference it yourself.
     */
    public final long address() {
        return address;
    }

    /** @return the region's length in bytes. */
    public final long length() {
        return length;
    }

    /**
     * @param offset the first byte of the slice, {@code 0..length()}.
     * @param length its length, {@code 0..length() - offset}.
     * @return a region over those bytes of this one, valid as long as this one.
     * @throws IndexOutOfBoundsException if the slice does not lie inside this region.
     */
    public final OffHeapRegion slice(final long offset, final long length) {
        if (offset < 0 || length < 0 || offset > this.length - length) {
            throw new IndexOutOfBoundsException(Checks.message("slice", "[" + offset + ", +" + length + ")",
                "inside [0, " + this.length + ")"));
        }
        return newSlice(offset, length);
    }

    /** Makes the slice; the bounds are checked. */
    protected abstract OffHeapRegion newSlice(long offset, long length);

    /**
     * Finds the live registered region that holds {@code [address, address + length)} and returns the
     * slice of it over exactly those bytes.
     *
     * @param address the first byte.
     * @param length  the bytes, {@code >= 0}.
     * @return the slice.
     * @throws IllegalArgumentException if no live region (a memzone of this process) holds the range.
     */
    public static OffHeapRegion containing(final long address, final long length) {
        if (length < 0) {
            throw new IllegalArgumentException(Checks.message("length", length, ">= 0"));
        }
        final Map.Entry<Long, OffHeapRegion> below = LIVE.floorEntry(address);
        if (below != null) {
            final OffHeapRegion region = below.getValue();
            final long offset = address - region.address;
            if (offset <= region.length - length) {
                return region.newSlice(offset, length);
            }
        }
        throw new IllegalArgumentException(Checks.message("range", "[0x" + Long.toHexString(address) + ", +" + length + ")",
            "inside a live memzone of this process (Memzone.reserve, reserveShared or lookup)"));
    }

    /**
     * Makes a region findable by {@link #containing}; a provider calls it for each region it reserves.
     *
     * @param region a root region of memory that stays valid until {@link #unregister}.
     */
    protected static void register(final OffHeapRegion region) {
        LIVE.put(region.address, region);
    }

    /**
     * Forgets a region before its memory is freed.
     *
     * @param region a region given to {@link #register}.
     */
    protected static void unregister(final OffHeapRegion region) {
        LIVE.remove(region.address, region);
    }

    /** @return {@code offset} if an access of {@code size} bytes there lies inside the region. */
    private long checkBounds(final long offset, final int size) {
        if (selfChecked) {
            return offset;
        }
        if (offset < 0 || offset > length - size) {
            throw outOfBounds(offset, size);
        }
        return offset;
    }

    /** As {@link #checkBounds}, and the address is a multiple of {@code size}, as atomic accesses need. */
    private long checkAtomic(final long offset, final int size) {
        if (selfChecked) {
            return offset;
        }
        checkBounds(offset, size);
        if (((address + offset) & (size - 1)) != 0) {
            throw misaligned(offset, size);
        }
        return offset;
    }

    /**
     * For a self-checked provider whose single access at {@code offset} failed: the exception to throw, the
     * same as a checking region throws. Allocates; for failure paths only.
     *
     * @param offset the offset the access was given.
     * @param size   its size in bytes.
     * @param atomic whether it was an atomic access (which needs an aligned address).
     * @param cause  what the provider's access threw.
     * @return an {@link IndexOutOfBoundsException} if the access lies outside the region, an
     *     {@link IllegalArgumentException} if it is atomic and misaligned, else {@code cause} itself (the
     *     memory is gone, say).
     */
    protected final RuntimeException refusal(final long offset, final int size, final boolean atomic,
                                             final RuntimeException cause) {
        if (offset < 0 || offset > length - size) {
            return outOfBounds(offset, size);
        }
        if (atomic && ((address + offset) & (size - 1)) != 0) {
            return misaligned(offset, size);
        }
        return cause;
    }

    private IllegalArgumentException misaligned(final long offset, final int size) {
        return new IllegalArgumentException(Checks.message("offset", offset,
            "an address aligned to " + size + " bytes for an atomic access; region at 0x" + Long.toHexString(address)));
    }

    /** Checks a copy of {@code count} longs between {@code table[index..]} and the region at {@code offset}. */
    private void checkBulk(final long offset, final long[] table, final int index, final int count) {
        Checks.checkTable(table, index, count);
        if (offset < 0 || offset > length - (long) count * Long.BYTES) {
            throw outOfBounds(offset, (long) count * Long.BYTES);
        }
    }

    private IndexOutOfBoundsException outOfBounds(final long offset, final long size) {
        return new IndexOutOfBoundsException(Checks.message("offset", offset,
            "0.." + (length - size) + " for " + size + " bytes in a region of " + length));
    }

    // ---------------------------------------------------------------- checked accessors

    /** @param offset a byte offset. @return the byte there. */
    public final byte getByte(final long offset) {
        return getByte0(checkBounds(offset, Byte.BYTES));
    }

    /** @param offset a byte offset. @param value the byte written there. */
    public final void putByte(final long offset, final byte value) {
        putByte0(checkBounds(offset, Byte.BYTES), value);
    }

    /** @param offset a byte offset. @return the int there, plain. */
    public final int getInt(final long offset) {
        return getInt0(checkBounds(offset, Integer.BYTES));
    }

    /** @param offset a byte offset. @param value written there, plain. */
    public final void putInt(final long offset, final int value) {
        putInt0(checkBounds(offset, Integer.BYTES), value);
    }

    /** @param offset an aligned offset. @return the int there, volatile. */
    public final int getIntVolatile(final long offset) {
        return getIntVolatile0(checkAtomic(offset, Integer.BYTES));
    }

    /** @param offset an aligned offset. @param value written there, volatile. */
    public final void putIntVolatile(final long offset, final int value) {
        putIntVolatile0(checkAtomic(offset, Integer.BYTES), value);
    }

    /** @param offset an aligned offset. @return the int there, acquire. */
    public final int getIntAcquire(final long offset) {
        return getIntAcquire0(checkAtomic(offset, Integer.BYTES));
    }

    /** @param offset an aligned offset. @param value written there, release. */
    public final void putIntRelease(final long offset, final int value) {
        putIntRelease0(checkAtomic(offset, Integer.BYTES), value);
    }

    /**
     * @param offset   an aligned offset.
     * @param expected the value expected there.
     * @param value    the new value.
     * @return whether the int was {@code expected} and is now {@code value}.
     */
    public final boolean compareAndSetInt(final long offset, final int expected, final int value) {
        return compareAndSetInt0(checkAtomic(offset, Integer.BYTES), expected, value);
    }

    /**
     * @param offset   an aligned offset.
     * @param expected the value expected there.
     * @param value    the new value, written if the int was {@code expected}.
     * @return the int found there (the witness).
     */
    public final int compareAndExchangeInt(final long offset, final int expected, final int value) {
        return compareAndExchangeInt0(checkAtomic(offset, Integer.BYTES), expected, value);
    }

    /**
     * @param offset an aligned offset.
     * @param delta  added atomically.
     * @return the int before the add.
     */
    public final int getAndAddInt(final long offset, final int delta) {
        return getAndAddInt0(checkAtomic(offset, Integer.BYTES), delta);
    }

    /** @param offset a byte offset. @return the long there, plain. */
    public final long getLong(final long offset) {
        return getLong0(checkBounds(offset, Long.BYTES));
    }

    /** @param offset a byte offset. @param value written there, plain. */
    public final void putLong(final long offset, final long value) {
        putLong0(checkBounds(offset, Long.BYTES), value);
    }

    /** @param offset an aligned offset. @return the long there, volatile. */
    public final long getLongVolatile(final long offset) {
        return getLongVolatile0(checkAtomic(offset, Long.BYTES));
    }

    /** @param offset an aligned offset. @param value written there, volatile. */
    public final void putLongVolatile(final long offset, final long value) {
        putLongVolatile0(checkAtomic(offset, Long.BYTES), value);
    }

    /** @param offset an aligned offset. @return the long there, acquire. */
    public final long getLongAcquire(final long offset) {
        return getLongAcquire0(checkAtomic(offset, Long.BYTES));
    }

    /** @param offset an aligned offset. @param value written there, release. */
    public final void putLongRelease(final long offset, final long value) {
        putLongRelease0(checkAtomic(offset, Long.BYTES), value);
    }

    /**
     * @param offset   an aligned offset.
     * @param expected the value expected there.
     * @param value    the new value.
     * @return whether the long was {@code expected} and is now {@code value}.
     */
    public final boolean compareAndSetLong(final long offset, final long expected, final long value) {
        return compareAndSetLong0(checkAtomic(offset, Long.BYTES), expected, value);
    }

    /**
     * @param offset   an aligned offset.
     * @param expected the value expected there.
     * @param value    the new value, written if the long was {@code expected}.
     * @return the long found there (the witness).
     */
    public final long compareAndExchangeLong(final long offset, final long expected, final long value) {
        return compareAndExchangeLong0(checkAtomic(offset, Long.BYTES), expected, value);
    }

    /**
     * @param offset an aligned offset.
     * @param delta  added atomically.
     * @return the long before the add.
     */
    public final long getAndAddLong(final long offset, final long delta) {
        return getAndAddLong0(checkAtomic(offset, Long.BYTES), delta);
    }

    /**
     * Copies {@code count} longs out of the region, plain.
     *
     * @param offset the region's first byte read.
     * @param dst    the table written.
     * @param index  its first slot written.
     * @param count  how many longs.
     * @throws IllegalArgumentException  if {@code dst} is null or {@code count} negative.
     * @throws IndexOutOfBoundsException if either range lies outside its table or region.
     */
    public final void getLongs(final long offset, final long[] dst, final int index, final int count) {
        checkBulk(offset, dst, index, count);
        if (count == 1) { // a ring's bulk of one: a copy's set-up costs more than the load
            dst[index] = getLong0(offset);
        } else {
            getLongs0(offset, dst, index, count);
        }
    }

    /**
     * Copies {@code count} longs into the region, plain.
     *
     * @param offset the region's first byte written.
     * @param src    the table read.
     * @param index  its first slot read.
     * @param count  how many longs.
     * @throws IllegalArgumentException  if {@code src} is null or {@code count} negative.
     * @throws IndexOutOfBoundsException if either range lies outside its table or region.
     */
    public final void putLongs(final long offset, final long[] src, final int index, final int count) {
        checkBulk(offset, src, index, count);
        if (count == 1) { // as in getLongs
            putLong0(offset, src[index]);
        } else {
            putLongs0(offset, src, index, count);
        }
    }

    /**
     * Sets {@code bytes} bytes from {@code offset} to {@code value}, plain.
     *
     * @param offset the first byte.
     * @param bytes  how many bytes.
     * @param value  the byte written.
     * @throws IndexOutOfBoundsException if the range does not lie inside the region.
     */
    public final void fill(final long offset, final long bytes, final byte value) {
        if (offset < 0 || bytes < 0 || offset > length - bytes) {
            throw outOfBounds(offset, bytes);
        }
        fill0(offset, bytes, value);
    }

    // ---------------------------------------------------------------- what a provider implements
    // Offsets arrive checked, except single accesses of a self-checked region, which check themselves.

    /** @param offset checked. @return the byte. */
    protected abstract byte getByte0(long offset);

    /** @param offset checked. @param value written. */
    protected abstract void putByte0(long offset, byte value);

    /** @param offset checked. @return the int, plain. */
    protected abstract int getInt0(long offset);

    /** @param offset checked. @param value written, plain. */
    protected abstract void putInt0(long offset, int value);

    /** @param offset checked, aligned. @return the int, volatile. */
    protected abstract int getIntVolatile0(long offset);

    /** @param offset checked, aligned. @param value written, volatile. */
    protected abstract void putIntVolatile0(long offset, int value);

    /** @param offset checked, aligned. @return the int, acquire. */
    protected abstract int getIntAcquire0(long offset);

    /** @param offset checked, aligned. @param value written, release. */
    protected abstract void putIntRelease0(long offset, int value);

    /** @param offset checked, aligned. @param expected expected. @param value new. @return success. */
    protected abstract boolean compareAndSetInt0(long offset, int expected, int value);

    /** @param offset checked, aligned. @param expected expected. @param value new. @return the witness. */
    protected abstract int compareAndExchangeInt0(long offset, int expected, int value);

    /** @param offset checked, aligned. @param delta added. @return the value before. */
    protected abstract int getAndAddInt0(long offset, int delta);

    /** @param offset checked. @return the long, plain. */
    protected abstract long getLong0(long offset);

    /** @param offset checked. @param value written, plain. */
    protected abstract void putLong0(long offset, long value);

    /** @param offset checked, aligned. @return the long, volatile. */
    protected abstract long getLongVolatile0(long offset);

    /** @param offset checked, aligned. @param value written, volatile. */
    protected abstract void putLongVolatile0(long offset, long value);

    /** @param offset checked, aligned. @return the long, acquire. */
    protected abstract long getLongAcquire0(long offset);

    /** @param offset checked, aligned. @param value written, release. */
    protected abstract void putLongRelease0(long offset, long value);

    /** @param offset checked, aligned. @param expected expected. @param value new. @return success. */
    protected abstract boolean compareAndSetLong0(long offset, long expected, long value);

    /** @param offset checked, aligned. @param expected expected. @param value new. @return the witness. */
    protected abstract long compareAndExchangeLong0(long offset, long expected, long value);

    /** @param offset checked, aligned. @param delta added. @return the value before. */
    protected abstract long getAndAddLong0(long offset, long delta);

    /** @param offset checked. @param dst written. @param index checked. @param count checked. */
    protected abstract void getLongs0(long offset, long[] dst, int index, int count);

    /** @param offset checked. @param src read. @param index checked. @param count checked. */
    protected abstract void putLongs0(long offset, long[] src, int index, int count);

    /** @param offset checked. @param bytes checked. @param value written. */
    protected abstract void fill0(long offset, long bytes, byte value);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[0x" + Long.toHexString(address) + ", " + length + " bytes]";
    }
}
