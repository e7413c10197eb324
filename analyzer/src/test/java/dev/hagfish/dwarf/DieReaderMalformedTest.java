package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import org.junit.jupiter.api.Test;

/**
 * Hand-made malformed abbreviations through the {@link DieReader} and the {@link TypeReader}: one
 * {@link FormatException} naming the section and the offset where decoding failed.
 */
class DieReaderMalformedTest {
    /** The first DIE of a 32-bit DWARF 2–4 unit at offset 0: after the 11-byte header. */
    private static final int FIRST_DIE = 11;

    private static byte[] abbrev() {
        TestBytes t = TestBytes.le();
        DwarfBytes.abbrev(t, 1, DwTag.COMPILE_UNIT, true, DwAt.NAME, DwForm.STRING);
        DwarfBytes.abbrev(t, 2, DwTag.BASE_TYPE, false, DwAt.NAME, DwForm.STRING);
        return t.u8(0).build();
    }

    private static FormatException readFails(DwarfSections s) {
        FormatException e = assertThrows(FormatException.class, () -> DwarfFuzzTest.readAll(s));
        FormatException again = assertThrows(FormatException.class, () -> TypeReader.read(s));
        assertEquals(e.getMessage(), again.getMessage(), "the type reader reports the DIE reader's error");
        return e;
    }

    @Test
    void anAbbreviationTableOffsetOutsideDebugAbbrev() {
        byte[] dies = TestBytes.le().uleb(1).cstr("a.c").u8(0).build();
        byte[] abbrev = abbrev();
        FormatException e = readFails(DwarfBytes.sections("debug_info", DwarfBytes.unit(4, 0x1000, dies),
                "debug_abbrev", abbrev));
        assertEquals("debug_abbrev", e.source());
        assertEquals(0x1000, e.offset());
        assertTrue(e.detail().contains("abbreviation table offset 0x1000 is outside debug_abbrev"), e.detail());
    }

    @Test
    void anAbbreviationCodeMissingFromItsTable() {
        byte[] dies = TestBytes.le().uleb(1).cstr("a.c").uleb(7).cstr("int").u8(0).build();
        FormatException e = readFails(DwarfBytes.sections("debug_info", DwarfBytes.unit(4, 0, dies),
                "debug_abbrev", abbrev()));
        assertEquals("debug_info", e.source());
        assertEquals(FIRST_DIE + 1 + 4, e.offset()); // after the unit DIE: code 1 and "a.c\0"
        assertTrue(e.detail().contains("abbreviation code 7 is not in the unit's table at 0x0"), e.detail());
    }

    @Test
    void anAbbreviationTableThatRunsOffTheSection() {
        // The table lacks its terminating 0, and its last declaration lacks its (0, 0).
        byte[] abbrev = TestBytes.le().uleb(1).uleb(DwTag.COMPILE_UNIT).u8(1).uleb(DwAt.NAME).uleb(DwForm.STRING)
                .build();
        byte[] dies = TestBytes.le().uleb(1).cstr("a.c").u8(0).build();
        FormatException e = readFails(DwarfBytes.sections("debug_info", DwarfBytes.unit(4, 0, dies),
                "debug_abbrev", abbrev));
        assertEquals("debug_abbrev", e.source());
        assertEquals(abbrev.length, e.offset());
    }

    @Test
    void anAbbreviationThatClaimsChildrenWithAFlagOf2() {
        byte[] abbrev = TestBytes.le().uleb(1).uleb(DwTag.COMPILE_UNIT).u8(2).uleb(0).uleb(0).u8(0).build();
        byte[] dies = TestBytes.le().uleb(1).u8(0).build();
        FormatException e = readFails(DwarfBytes.sections("debug_info", DwarfBytes.unit(4, 0, dies),
                "debug_abbrev", abbrev));
        assertEquals("debug_abbrev", e.source());
        assertEquals(0, e.offset());
        assertTrue(e.detail().contains("children flag 2"), e.detail());
    }

    @Test
    void aDieThatReferencesItselfIsReadAsIs() throws FormatException {
        TestBytes t = TestBytes.le();
        DwarfBytes.abbrev(t, 1, DwTag.COMPILE_UNIT, true);
        DwarfBytes.abbrev(t, 2, DwTag.TYPEDEF, false, DwAt.NAME, DwForm.STRING, DwAt.TYPE, DwForm.REF4);
        int typedef = FIRST_DIE + 1;
        byte[] dies = TestBytes.le().uleb(1).uleb(2).cstr("T").u32(typedef).u8(0).build();
        DwarfSections s = DwarfBytes.sections("debug_info", DwarfBytes.unit(4, 0, dies), "debug_abbrev",
                t.u8(0).build());
        assertEquals(2, DwarfFuzzTest.readAll(s));
        DieReader r = new DieReader(s);
        DieReader.Cursor c = r.cursor(r.unit(r.unitHeaders().get(0)));
        c.next();
        assertEquals(new AttrValue.Ref(typedef), c.next().get(DwAt.TYPE));
    }
}
