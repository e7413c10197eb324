package dev.hagfish.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnsignedTest {
    @Test
    void parsesTheEdgesOfTheUnsignedRange() {
        assertEquals(0L, Unsigned.parseAddress("0x0"));
        assertEquals(Long.MAX_VALUE, Unsigned.parseAddress("0x7fffffffffffffff"));
        assertEquals(Long.MIN_VALUE, Unsigned.parseAddress("0x8000000000000000"));
        assertEquals(-1L, Unsigned.parseAddress("0xffffffffffffffff"));
        assertEquals(0xffffff8000200000L, Unsigned.parseAddress("ffffff8000200000"));
        assertEquals(0xffffff8000200000L, Unsigned.parseAddress("0xffffff80`00200000"));
    }

    @Test
    void rejectsMoreThan64Bits() {
        assertThrows(NumberFormatException.class, () -> Unsigned.parseAddress("0x1ffffffffffffffff"));
        assertThrows(NumberFormatException.class, () -> Unsigned.parseAddress("0x"));
        assertThrows(NumberFormatException.class, () -> Unsigned.parseAddress("0xfffg"));
    }

    @Test
    void formatsLikeGdb() {
        assertEquals("0xffffff8000200000", Unsigned.hex(0xffffff8000200000L));
        assertEquals("0x0000000000000000", Unsigned.hex(0));
        assertEquals("0xffffffffffffffff", Unsigned.hex(-1L));
        assertEquals("0x7fffffffffffffff", Unsigned.hex(Long.MAX_VALUE));
        assertEquals("0x8000000000000000", Unsigned.hex(Long.MIN_VALUE));
        assertEquals("x=0x00000000000000ab", Unsigned.appendHex(new StringBuilder("x="), 0xab).toString());
        assertEquals("0x1c00000", Unsigned.shortHex(0x1c00000));
    }

    @Test
    void rangesCompareUnsignedEvenAtTheTop() {
        long top = 0xfffffffffffff000L;
        assertTrue(Unsigned.inRange(-1L, top, 0x1000));
        assertFalse(Unsigned.inRange(0, top, 0x1000));
        assertTrue(Unsigned.inRange(0xffffff8000200010L, 0xffffff8000200000L, 0x20));
        assertFalse(Unsigned.inRange(0x7fffffffffffffffL, 0xffffff8000200000L, 0x20));
        assertEquals(-1L, Unsigned.max(-1L, 5));
        assertEquals(5L, Unsigned.min(Long.MIN_VALUE, 5));
    }
}
