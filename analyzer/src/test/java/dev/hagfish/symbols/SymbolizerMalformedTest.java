package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.DwAt;
import dev.hagfish.dwarf.DwForm;
import dev.hagfish.dwarf.DwTag;
import dev.hagfish.dwarf.DwarfBytes;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-made malformed DWARF through the {@link Symbolizer}: it answers, and in bounded time. */
class SymbolizerMalformedTest {
    private static final int TAG_COMPILE_UNIT = 0x11;
    private static final int TAG_INLINED_SUBROUTINE = 0x1d;
    private static final int AT_LOW_PC = 0x11;
    private static final int AT_HIGH_PC = 0x12;
    private static final int FORM_ADDR = 0x01;
    private static final int FORM_DATA4 = 0x06;

    @Test
    void anInlinedSubroutineRightUnderTheUnitEndsItsChain() {
        // A DW_TAG_inlined_subroutine as a child of the unit DIE has no enclosing subroutine; its
        // chain once pointed back at itself and symbolize() looped, adding frames without end.
        TestBytes abbrev = TestBytes.le();
        DwarfBytes.abbrev(abbrev, 1, TAG_COMPILE_UNIT, true, AT_LOW_PC, FORM_ADDR, AT_HIGH_PC, FORM_DATA4);
        DwarfBytes.abbrev(abbrev, 2, TAG_INLINED_SUBROUTINE, false, AT_LOW_PC, FORM_ADDR, AT_HIGH_PC, FORM_DATA4);
        abbrev.u8(0);
        byte[] dies = TestBytes.le().uleb(1).u64(0x1000).u32(0x100).uleb(2).u64(0x1000).u32(0x10).u8(0).build();
        DwarfSections s = DwarfBytes.sections("debug_info", DwarfBytes.unit(4, 0, dies), "debug_abbrev",
                abbrev.build());
        List<Frame> frames = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Symbolizer.of(s).symbolize(0x1004));
        assertEquals(1, frames.size(), frames.toString());
    }

    /** A unit of one variable, {@code v} at DIE offset 12, with a location and a type of its own. */
    private static DwarfSections variable(byte[] location, int typedefType) {
        TestBytes abbrev = TestBytes.le();
        DwarfBytes.abbrev(abbrev, 1, DwTag.COMPILE_UNIT, true);
        DwarfBytes.abbrev(abbrev, 2, DwTag.VARIABLE, false, DwAt.NAME, DwForm.STRING, DwAt.LOCATION,
                DwForm.EXPRLOC, DwAt.TYPE, DwForm.REF4);
        DwarfBytes.abbrev(abbrev, 3, DwTag.TYPEDEF, false, DwAt.NAME, DwForm.STRING, DwAt.TYPE, DwForm.REF4);
        abbrev.u8(0);
        int typedef = 12 + 1 + 2 + 1 + location.length + 4;
        byte[] dies = TestBytes.le().uleb(1).uleb(2).cstr("v").uleb(location.length).bytes(location).u32(typedef)
                .uleb(3).cstr("T").u32(typedefType < 0 ? typedef : typedefType).u8(0).build();
        return DwarfBytes.sections("debug_info", DwarfBytes.unit(4, 0, dies), "debug_abbrev", abbrev.build());
    }

    @Test
    void aTruncatedAddrxOperandNamesTheVariableInDebugInfo() {
        // DW_OP_addrx and a ULEB128 whose continuation bit promises a byte the expression lacks.
        DwarfSections s = variable(new byte[] {(byte) 0xa1, (byte) 0x80}, -1);
        FormatException e = assertThrows(FormatException.class, () -> Symbolizer.of(s));
        assertEquals("debug_info", e.source());
        assertEquals(12, e.offset());
        assertTrue(e.detail().contains("DW_OP_addrx"), e.detail());
    }

    @Test
    void aVariableOfATypedefOfItselfIsSizedInBoundedTime() throws FormatException {
        byte[] addr = TestBytes.le().u8(0x03).u64(0x4000).build(); // DW_OP_addr 0x4000
        DwarfSections s = variable(addr, -1);
        Optional<DataSymbol> d = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Symbolizer.of(s).symbolizeData(0x4000));
        assertEquals(Optional.of(new DataSymbol("v", 0x4000, 0)), d);
    }
}
