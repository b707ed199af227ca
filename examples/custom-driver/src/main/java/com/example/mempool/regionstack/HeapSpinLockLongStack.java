package com.example.mempool.regionstack;

import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.HEADER_LENGTH;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.LOCK_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.TOP_OFFSET;
import static com.example.mempool.regionstack.SpinLockLongStackDescriptor.word;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A {@link SpinLockLongStack} on the heap: {@link SpinLockLongStackDescriptor}'s layout in one
 * {@code long[]}, word {@code i} at byte {@code 8 * i}, reached through an array-element VarHandle. The
 * header block's words are left 0 (nothing attaches to a heap stack); they pad the lock line, as the
 * block after it keeps slot 0 off that line.
 *
 * <p>Thread safety and memory effects: see {@link SpinLockLongStack}.
 */
final class HeapSpinLockLongStack extends SpinLockLongStack {
    private static final int LOCK = word(LOCK_OFFSET);
    private static final int TOP = word(TOP_OFFSET);
    private static final int SLOT_0 = word(HEADER_LENGTH);

    /** Zeroed by the JVM: the lock free, the top 0; the pool publishes the store safely. */
    private final long[] words;

    HeapSpinLockLongStack(final int capacity) {
        super(capacity);
        words = new long[SLOT_0 + capacity];
    }

    @Override
    String where() {
        return "on the heap";
    }

    @Override
    long lvLock() {
        return (long) WORDS.getVolatile(words, LOCK);
    }

    @Override
    boolean casLock(final long expect, final long update) {
        return WORDS.compareAndSet(words, LOCK, expect, update);
    }

    @Override
    void soLock(final long value) {
        WORDS.setRelease(words, LOCK, value);
    }

    @Override
    long lpTop() {
        return words[TOP];
    }

    @Override
    long lvTop() {
        return (long) WORDS.getVolatile(words, TOP);
    }

    @Override
    void soTop(final long value) {
        WORDS.setRelease(words, TOP, value);
    }

    @Override
    void copyIn(final long slot, final long[] table, final int offset, final int n) {
        System.arraycopy(table, offset, words, SLOT_0 + (int) slot, n);
    }

    @Override
    void copyOut(final long slot, final long[] table, final int offset, final int n) {
        System.arraycopy(words, SLOT_0 + (int) slot, table, offset, n);
    }

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
}
