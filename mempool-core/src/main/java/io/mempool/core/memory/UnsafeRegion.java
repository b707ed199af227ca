package io.mempool.core.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static io.mempool.core.memory.UnsafeAccess.LONG_ARRAY_BASE;
import static io.mempool.core.memory.UnsafeAccess.UNSAFE;

/**
 * A region of a direct or mapped buffer, reached through {@code sun.misc.Unsafe} at absolute addresses
 * (the JDK 17 base). Acquire loads are volatile loads and release stores ordered puts, as the JDK's own
 * atomics map them; compare-and-exchange, which {@code sun.misc.Unsafe} lacks, is a CAS loop that returns
 * the value it saw. Offsets arrive checked by {@link io.mempool.api.OffHeapRegion}.
 *
 * <p><b>Thread safety:</b> as {@link io.mempool.api.OffHeapRegion}; the views share the buffer's memory.
 */
final class UnsafeRegion extends NativeRegion {
    /** The buffer whose memory this is, for views; the region starts {@link #bufferOffset} bytes into it. */
    private final ByteBuffer buffer;
    private final int bufferOffset;
    private final long base;

    UnsafeRegion(final ByteBuffer buffer, final int bufferOffset, final long length) {
        super(UnsafeAccess.address(buffer) + bufferOffset, length, false); // Unsafe checks nothing: the api does
        this.buffer = buffer;
        this.bufferOffset = bufferOffset;
        this.base = address();
    }

    @Override
    protected UnsafeRegion newSlice(final long offset, final long length) {
        return new UnsafeRegion(buffer, Math.toIntExact(bufferOffset + offset), length);
    }

    @Override
    protected ByteBuffer newByteBuffer(final long offset, final int length) {
        return buffer.slice(Math.toIntExact(bufferOffset + offset), length).order(ByteOrder.nativeOrder());
    }

    @Override
    protected byte getByte0(final long offset) {
        return UNSAFE.getByte(base + offset);
    }

    @Override
    protected void putByte0(final long offset, final byte value) {
        UNSAFE.putByte(base + offset, value);
    }

    @Override
    protected int getInt0(final long offset) {
        return UNSAFE.getInt(base + offset);
    }

    @Override
    protected void putInt0(final long offset, final int value) {
        UNSAFE.putInt(base + offset, value);
    }

    @Override
    protected int getIntVolatile0(final long offset) {
        return UNSAFE.getIntVolatile(null, base + offset);
    }

    @Override
    protected void putIntVolatile0(final long offset, final int value) {
        UNSAFE.putIntVolatile(null, base + offset, value);
    }

    @Override
    protected int getIntAcquire0(final long offset) {
        return UNSAFE.getIntVolatile(null, base + offset);
    }

    @Override
    protected void putIntRelease0(final long offset, final int value) {
        UNSAFE.putOrderedInt(null, base + offset, value);
    }

    @Override
    protected boolean compareAndSetInt0(final long offset, final int expected, final int value) {
        return UNSAFE.compareAndSwapInt(null, base + offset, expected, value);
    }

    @Override
    protected int compareAndExchangeInt0(final long offset, final int expected, final int value) {
        while (true) {
            final int seen = UNSAFE.getIntVolatile(null, base + offset);
            if (seen != expected || UNSAFE.compareAndSwapInt(null, base + offset, expected, value)) {
                return seen;
            }
        }
    }

    @Override
    protected int getAndAddInt0(final long offset, final int delta) {
        return UNSAFE.getAndAddInt(null, base + offset, delta);
    }

    @Override
    protected long getLong0(final long offset) {
        return UNSAFE.getLong(base + offset);
    }

    @Override
    protected void putLong0(final long offset, final long value) {
        UNSAFE.putLong(base + offset, value);
    }

    @Override
    protected long getLongVolatile0(final long offset) {
        return UNSAFE.getLongVolatile(null, base + offset);
    }

    @Override
    protected void putLongVolatile0(final long offset, final long value) {
        UNSAFE.putLongVolatile(null, base + offset, value);
    }

    @Override
    protected long getLongAcquire0(final long offset) {
        return UNSAFE.getLongVolatile(null, base + offset);
    }

    @Override
    protected void putLongRelease0(final long offset, final long value) {
        UNSAFE.putOrderedLong(null, base + offset, value);
    }

    @Override
    protected boolean compareAndSetLong0(final long offset, final long expected, final long value) {
        return UNSAFE.compareAndSwapLong(null, base + offset, expected, value);
    }

    @Override
    protected long compareAndExchangeLong0(final long offset, final long expected, final long value) {
        while (true) {
            final long seen = UNSAFE.getLongVolatile(null, base + offset);
            if (seen != expected || UNSAFE.compareAndSwapLong(null, base + offset, expected, value)) {
                return seen;
            }
        }
    }

    @Override
    protected long getAndAddLong0(final long offset, final long delta) {
        return UNSAFE.getAndAddLong(null, base + offset, delta);
    }

    @Override
    protected void getLongs0(final long offset, final long[] dst, final int index, final int count) {
        UNSAFE.copyMemory(null, base + offset, dst, LONG_ARRAY_BASE + (long) index * Long.BYTES, (long) count * Long.BYTES);
    }

    @Override
    protected void putLongs0(final long offset, final long[] src, final int index, final int count) {
        UNSAFE.copyMemory(src, LONG_ARRAY_BASE + (long) index * Long.BYTES, null, base + offset, (long) count * Long.BYTES);
    }

    @Override
    protected void fill0(final long offset, final long bytes, final byte value) {
        UNSAFE.setMemory(base + offset, bytes, value);
    }
}
