package io.mempool.core;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caches of two threads never share a cache line: every field the fast path writes or reads lies at
 * least 128 bytes (two lines, for adjacent-line prefetch) from both ends of a MempoolCache, whatever
 * object the heap puts next to it, as laid out by this JVM (jol).
 */
class CacheLayoutTest {
    private static final int PAD = 128;
    private static final Set<String> HOT = Set.of("objs", "end", "size", "half", "top", "state", "claimed",
        "firstObject", "alignmentShift", "rangeLimit");

    @Test
    void theFastPathsFieldsHaveCacheLinesOfTheirOwn() {
        final ClassLayout layout = ClassLayout.parseClass(MempoolCache.class);
        final Set<FieldLayout> hot = layout.fields().stream().filter(f -> HOT.contains(f.name())).collect(Collectors.toSet());
        assertEquals(HOT.size(), hot.size(), "every hot field found:\n" + layout.toPrintable());
        for (final FieldLayout field : hot) {
            assertTrue(field.offset() >= PAD, field.name() + " at " + field.offset() + ", within " + PAD
                + " bytes of the object's start:\n" + layout.toPrintable());
            assertTrue(layout.instanceSize() - (field.offset() + field.size()) >= PAD, field.name() + " at "
                + field.offset() + ", within " + PAD + " bytes of the object's end:\n" + layout.toPrintable());
        }
    }
}
