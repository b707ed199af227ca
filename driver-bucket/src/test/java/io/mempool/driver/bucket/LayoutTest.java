package io.mempool.driver.bucket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

/** The pads keep each contended group of fields at least 128 B from any other field. */
class LayoutTest {
    private static final int PAD = 128;

    @Test
    void stackHeadLineIsPadded() {
        assertIsolated(LockFreeBucketStack.class, "head", "size");
    }

    @Test
    void ringProducerAndConsumerLinesArePadded() {
        assertIsolated(MpscAdoptionRing.class, "tail");
        assertIsolated(MpscAdoptionRing.class, "head", "claimed");
    }

    @Test
    void storeCountLineIsPadded() {
        assertIsolated(BucketStore.class, "available");
    }

    /** The hot fields lie at least {@link #PAD} bytes from every other non-pad field and from the object's ends. */
    private static void assertIsolated(final Class<?> type, final String... hot) {
        final ClassLayout layout = ClassLayout.parseClass(type);
        final Map<String, FieldLayout> byName = new HashMap<>();
        for (final FieldLayout field : layout.fields()) {
            byName.put(field.name(), field);
        }
        long hotStart = Long.MAX_VALUE;
        long hotEnd = 0;
        for (final String name : hot) {
            final FieldLayout field = byName.get(name);
            hotStart = Math.min(hotStart, field.offset());
            hotEnd = Math.max(hotEnd, field.offset() + field.size());
        }
        assertTrue(hotStart >= PAD, type.getSimpleName() + ": hot fields at " + hotStart + "\n" + layout.toPrintable());
        for (final FieldLayout field : layout.fields()) {
            if (Arrays.asList(hot).contains(field.name()) || field.name().matches("p[123]\\d{3}")) {
                continue;
            }
            final boolean before = field.offset() + field.size() + PAD <= hotStart;
            final boolean after = field.offset() >= hotEnd + PAD;
            assertTrue(before || after, type.getSimpleName() + "." + field.name() + " at " + field.offset()
                + " is within " + PAD + " B of the hot fields\n" + layout.toPrintable());
        }
        assertTrue(layout.instanceSize() >= hotEnd + PAD, type.getSimpleName() + ": too little after the hot fields\n"
            + layout.toPrintable());
    }
}
