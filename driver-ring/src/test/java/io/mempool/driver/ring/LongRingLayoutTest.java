package io.mempool.driver.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The heap ring's padding chain works: the config, the producer's words and the consumer's words lie at
 * least 128 bytes apart (two cache lines, for adjacent-line prefetch), and 128 bytes of padding follow the
 * consumer. Offsets come from {@code sun.misc.Unsafe} (jdk.unsupported: no flag needed).
 */
class LongRingLayoutTest {
    private static final int PAD = 128;

    @Test
    void sharedWordsSitOnCacheLinesOfTheirOwn() throws ReflectiveOperationException {
        final Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        final Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        final Object unsafe = theUnsafe.get(null);
        final Method offsetOf = unsafeClass.getMethod("objectFieldOffset", Field.class);

        final List<long[]> config = new ArrayList<>();
        final List<long[]> producer = new ArrayList<>();
        final List<long[]> consumer = new ArrayList<>();
        long end = 0;
        for (Class<?> c = HeapLongRing.class; c != Object.class; c = c.getSuperclass()) {
            for (final Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                final long offset = (long) offsetOf.invoke(unsafe, field);
                final long size = field.getType() == long.class ? 8
                    : field.getType() == byte.class || field.getType() == boolean.class ? 1 : 4;
                final long[] span = {offset, offset + size - 1};
                end = Math.max(end, span[1]);
                if (c == LongRingHeadTail.class) {
                    config.add(span);
                } else if (c == LongRingProducerFields.class) {
                    producer.add(span);
                } else if (c == LongRingConsumerFields.class) {
                    consumer.add(span);
                }
            }
        }
        assertEquals(10, config.size(), "six read by every call, four written only by a call that gives up");
        assertEquals(2, producer.size());
        assertEquals(2, consumer.size());
        assertApart("config -> producer", config, producer);
        assertApart("producer -> consumer", producer, consumer);
        final long consumerEnd = consumer.stream().mapToLong(s -> s[1]).max().orElseThrow();
        assertTrue(end - consumerEnd >= PAD - 1, "pad after the consumer: " + (end - consumerEnd + 1));
    }

    private static void assertApart(final String what, final List<long[]> before, final List<long[]> after) {
        final long lastBefore = before.stream().mapToLong(s -> s[1]).max().orElseThrow();
        final long firstAfter = after.stream().mapToLong(s -> s[0]).min().orElseThrow();
        assertTrue(firstAfter - lastBefore >= PAD, what + ": " + lastBefore + " .. " + firstAfter);
    }
}
