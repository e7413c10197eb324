package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hagfish.dwarf.DwarfBytes;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.io.TestBytes;
import java.time.Duration;
import java.util.List;
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
}
