package io.mempool.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElementLayoutTest {
    @Test
    void dpdkExampleElt1984IsRaisedToAnOddLineCount() {
        final ElementLayout layout = ElementLayout.of(1984, false, true, true);
        assertEquals(64, layout.headerSize);
        assertEquals(2112, layout.totalSize); // 64 + 1984 = 32 lines, raised to 33
        assertEquals(64, layout.trailerSize);
    }

    @Test
    void elt2048AlreadyHasAnOddLineCount() {
        final ElementLayout layout = ElementLayout.of(2048, false, true, true);
        assertEquals(2112, layout.totalSize);
        assertEquals(0, layout.trailerSize);
    }

    @Test
    void noSpreadKeepsTheStrideAtWholeLines() {
        assertEquals(2048, ElementLayout.of(1984, false, true, false).totalSize);
    }

    @Test
    void noCacheAlignUsesEightByteAlignmentAndTheBareHeader() {
        final ElementLayout layout = ElementLayout.of(8, false, false, false);
        assertEquals(8, layout.alignment);
        assertEquals(16, layout.headerSize);
        assertEquals(24, layout.totalSize);
        final ElementLayout odd = ElementLayout.of(13, false, false, false);
        assertEquals(16 + 16, odd.totalSize); // the object rounds up to 8
    }

    @Test
    void debugAddsAHeaderCookieAndAnEightByteTrailer() {
        final ElementLayout plain = ElementLayout.of(8, true, false, false);
        assertEquals(24, plain.headerSize);
        assertEquals(8, plain.trailerSize);
        assertEquals(40, plain.totalSize);
        final ElementLayout aligned = ElementLayout.of(2048, true, true, true);
        assertEquals(64, aligned.headerSize);
        assertTrue(aligned.trailerSize >= 8);
        assertEquals(0, aligned.totalSize % 64);
        assertEquals(1, (aligned.totalSize / 64) % 2, "odd number of lines");
    }

    @Test
    void everySpreadStrideIsAnOddNumberOfLines() {
        for (int elt = 1; elt <= 5000; elt += 7) {
            final ElementLayout layout = ElementLayout.of(elt, false, true, true);
            assertEquals(1, (layout.totalSize / 64) % 2, "elt " + elt);
            assertTrue(layout.totalSize >= layout.headerSize + elt);
        }
    }

    @Test
    void rejectsNonPositiveSizes() {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> ElementLayout.of(0, false, true, true));
        assertEquals("elementSize: 0 (expected: >= 1)", ex.getMessage());
    }
}
