package io.mempool.core.memory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A region over a {@link MemorySegment} of a {@link ArenaScope}'s arena (JDK 22+): plain accesses through
 * the unaligned value layouts, the others through the layouts' {@link VarHandle}s, which give each memory
 * order exactly and check the segment's liveness, so an access after close throws instead of touching
 * freed memory. Offsets arrive checked by {@link io.mempool.api.OffHeapRegion}.
 *
 * <p><b>Thread safety:</b> as {@link io.mempool.api.OffHeapRegion}.
 */
final class SegmentRegion extends NativeRegion {
    /** Coordinates (segment, offset): JDK 22's value-layout handles take the base offset. */
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final ValueLayout.OfInt PLAIN_INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong PLAIN_LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final MemorySegment segment;

    SegmentRegion(final MemorySegment segment) {
        super(segment.address(), segment.byteSize());
        this.segment = segment;
    }

    @Override
    protected SegmentRegion newSlice(final long offset, final long length) {
        return new SegmentRegion(segment.asSlice(offset, length));
    }

    @Override
    protected ByteBuffer newByteBuffer(final long offset, final int length) {
        return segment.asSlice(offset, length).asByteBuffer().order(ByteOrder.nativeOrder());
    }

    @Override
    protected byte getByte0(final long offset) {
        return segment.get(ValueLayout.JAVA_BYTE, offset);
    }

    @Override
    protected void putByte0(final long offset, final byte value) {
        segment.set(ValueLayout.JAVA_BYTE, offset, value);
    }

    @Override
    protected int getInt0(final long offset) {
        return segment.get(PLAIN_INT, offset);
    }

    @Override
    protected void putInt0(final long offset, final int value) {
        segment.set(PLAIN_INT, offset, value);
    }

    @Override
    protected int getIntVolatile0(final long offset) {
        return (int) INT.getVolatile(segment, offset);
    }

    @Override
    protected void putIntVolatile0(final long offset, final int value) {
        INT.setVolatile(segment, offset, value);
    }

    @Override
    protected int getIntAcquire0(final long offset) {
        return (int) INT.getAcquire(segment, offset);
    }

    @Override
    protected void putIntRelease0(final long offset, final int value) {
        INT.setRelease(segment, offset, value);
    }

    @Override
    protected boolean compareAndSetInt0(final long offset, final int expected, final int value) {
        return INT.compareAndSet(segment, offset, expected, value);
    }

    @Override
    protected int compareAndExchangeInt0(final long offset, final int expected, final int value) {
        return (int) INT.compareAndExchange(segment, offset, expected, value);
    }

    @Override
    protected int getAndAddInt0(final long offset, final int delta) {
        return (int) INT.getAndAdd(segment, offset, delta);
    }

    @Override
    protected long getLong0(final long offset) {
        return segment.get(PLAIN_LONG, offset);
    }

    @Override
    protected void putLong0(final long offset, final long value) {
        segment.set(PLAIN_LONG, offset, value);
    }

    @Override
    protected long getLongVolatile0(final long offset) {
        return (long) LONG.getVolatile(segment, offset);
    }

    @Override
    protected void putLongVolatile0(final long offset, final long value) {
        LONG.setVolatile(segment, offset, value);
    }

    @Override
    protected long getLongAcquire0(final long offset) {
        return (long) LONG.getAcquire(segment, offset);
    }

    @Override
    protected void putLongRelease0(final long offset, final long value) {
        LONG.setRelease(segment, offset, value);
    }

    @Override
    protected boolean compareAndSetLong0(final long offset, final long expected, final long value) {
        return LONG.compareAndSet(segment, offset, expected, value);
    }

    @Override
    protected long compareAndExchangeLong0(final long offset, final long expected, final long value) {
        return (long) LONG.compareAndExchange(segment, offset, expected, value);
    }

    @Override
    protected long getAndAddLong0(final long offset, final long delta) {
        return (long) LONG.getAndAdd(segment, offset, delta);
    }

    @Override
    protected void getLongs0(final long offset, final long[] dst, final int index, final int count) {
        MemorySegment.copy(segment, PLAIN_LONG, offset, dst, index, count);
    }

    @Override
    protected void putLongs0(final long offset, final long[] src, final int index, final int count) {
        MemorySegment.copy(src, index, segment, PLAIN_LONG, offset, count);
    }

    @Override
    protected void fill0(final long offset, final long bytes, final byte value) {
        segment.asSlice(offset, bytes).fill(value);
    }
}
