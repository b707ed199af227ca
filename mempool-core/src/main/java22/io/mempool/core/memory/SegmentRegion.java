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
 * freed memory. The segment checks each single access's bounds and alignment too, so the region is
 * self-checked: the api does not check those first (two checks cost the off-heap ring up to 40% on JDK 25),
 * and a failure is turned into the api's exception by {@code refusal}. Bulk offsets arrive checked.
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
        super(segment.address(), segment.byteSize(), true); // the segment checks every access itself
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
        try {
            return segment.get(ValueLayout.JAVA_BYTE, offset);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Byte.BYTES, false, ex);
        }
    }

    @Override
    protected void putByte0(final long offset, final byte value) {
        try {
            segment.set(ValueLayout.JAVA_BYTE, offset, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Byte.BYTES, false, ex);
        }
    }

    @Override
    protected int getInt0(final long offset) {
        try {
            return segment.get(PLAIN_INT, offset);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Integer.BYTES, false, ex);
        }
    }

    @Override
    protected void putInt0(final long offset, final int value) {
        try {
            segment.set(PLAIN_INT, offset, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Integer.BYTES, false, ex);
        }
    }

    @Override
    protected int getIntVolatile0(final long offset) {
        try {
            return (int) INT.getVolatile(segment, offset);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Integer.BYTES, true, ex);
        }
    }

    @Override
    protected void putIntVolatile0(final long offset, final int value) {
        try {
            INT.setVolatile(segment, offset, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Integer.BYTES, true, ex);
        }
    }

    @Override
    protected int getIntAcquire0(final long offset) {
        try {
            return (int) INT.getAcquire(segment, offset);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Integer.BYTES, true, ex);
        }
    }

    @Override
    protected void putIntRelease0(final long offset, final int value) {
        try {
            INT.setRelease(segment, offset, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Integer.BYTES, true, ex);
        }
    }

    @Override
    protected boolean compareAndSetInt0(final long offset, final int expected, final int value) {
        try {
            return INT.compareAndSet(segment, offset, expected, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Integer.BYTES, true, ex);
        }
    }

    @Override
    protected int compareAndExchangeInt0(final long offset, final int expected, final int value) {
        try {
            return (int) INT.compareAndExchange(segment, offset, expected, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Integer.BYTES, true, ex);
        }
    }

    @Override
    protected int getAndAddInt0(final long offset, final int delta) {
        try {
            return (int) INT.getAndAdd(segment, offset, delta);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Integer.BYTES, true, ex);
        }
    }

    @Override
    protected long getLong0(final long offset) {
        try {
            return segment.get(PLAIN_LONG, offset);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Long.BYTES, false, ex);
        }
    }

    @Override
    protected void putLong0(final long offset, final long value) {
        try {
            segment.set(PLAIN_LONG, offset, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Long.BYTES, false, ex);
        }
    }

    @Override
    protected long getLongVolatile0(final long offset) {
        try {
            return (long) LONG.getVolatile(segment, offset);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Long.BYTES, true, ex);
        }
    }

    @Override
    protected void putLongVolatile0(final long offset, final long value) {
        try {
            LONG.setVolatile(segment, offset, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Long.BYTES, true, ex);
        }
    }

    @Override
    protected long getLongAcquire0(final long offset) {
        try {
            return (long) LONG.getAcquire(segment, offset);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Long.BYTES, true, ex);
        }
    }

    @Override
    protected void putLongRelease0(final long offset, final long value) {
        try {
            LONG.setRelease(segment, offset, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Long.BYTES, true, ex);
        }
    }

    @Override
    protected boolean compareAndSetLong0(final long offset, final long expected, final long value) {
        try {
            return LONG.compareAndSet(segment, offset, expected, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Long.BYTES, true, ex);
        }
    }

    @Override
    protected long compareAndExchangeLong0(final long offset, final long expected, final long value) {
        try {
            return (long) LONG.compareAndExchange(segment, offset, expected, value);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Long.BYTES, true, ex);
        }
    }

    @Override
    protected long getAndAddLong0(final long offset, final long delta) {
        try {
            return (long) LONG.getAndAdd(segment, offset, delta);
        } catch (final RuntimeException ex) {
            throw refusal(offset, Long.BYTES, true, ex);
        }
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
