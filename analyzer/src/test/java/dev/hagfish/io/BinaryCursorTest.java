package dev.hagfish.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryCursorTest {
    private static BinaryCursor cursor(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new BinaryCursor(ByteSource.of(b, "t"), 0);
    }

    @Test
    void decodesTheLeb128ExamplesOfTheDwarfStandard() throws FormatException {
        // DWARF 5, section 7.6, figures 22 and 23.
        assertEquals(2, cursor(0x02).uleb());
        assertEquals(127, cursor(0x7f).uleb());
        assertEquals(128, cursor(0x80, 0x01).uleb());
        assertEquals(129, cursor(0x81, 0x01).uleb());
        assertEquals(130, cursor(0x82, 0x01).uleb());
        assertEquals(12857, cursor(0xb9, 0x64).uleb());
        assertEquals(2, cursor(0x02).sleb());
        assertEquals(-2, cursor(0x7e).sleb());
        assertEquals(127, cursor(0xff, 0x00).sleb());
        assertEquals(-127, cursor(0x81, 0x7f).sleb());
        assertEquals(128, cursor(0x80, 0x01).sleb());
        assertEquals(-128, cursor(0x80, 0x7f).sleb());
        assertEquals(129, cursor(0x81, 0x01).sleb());
        assertEquals(-129, cursor(0xff, 0x7e).sleb());
    }

    @Test
    void ulebOfAll64BitsAndOverflow() throws FormatException {
        assertEquals(-1L, cursor(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).uleb());
        FormatException e = assertThrows(FormatException.class,
                () -> cursor(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f).uleb());
        assertTrue(e.getMessage().contains("overflows"), e.getMessage());
    }

    @Test
    void truncatedInputFailsAtTheRightOffset() {
        FormatException e = assertThrows(FormatException.class, () -> cursor(0x80, 0x80).uleb());
        assertEquals(2, e.offset());
        BinaryCursor c = cursor(1, 2, 3);
        FormatException e2 = assertThrows(FormatException.class, c::u32);
        assertEquals(0, e2.offset());
        assertThrows(FormatException.class, () -> cursor(0x41, 0x42).cstring());
    }

    @Test
    void readsLittleEndianIntegersAndStrings() throws FormatException {
        BinaryCursor c = new BinaryCursor(TestBytes.le().u16(0xbeef).u32(0xfeedfacfL).u64(-2L).cstr("proc")
                .source("t"), 0);
        assertEquals(0xbeef, c.u16());
        assertEquals(0xfeedfacfL, c.u32());
        assertEquals(-2L, c.u64());
        assertEquals("proc", c.cstring());
        assertTrue(c.atEnd());
    }

    @Test
    void aWindowStopsReadsBeforeTheSourceEnds() {
        BinaryCursor c = new BinaryCursor(TestBytes.le().u64(1).source("t"), 2, 4);
        assertThrows(FormatException.class, c::u32);
    }
}
