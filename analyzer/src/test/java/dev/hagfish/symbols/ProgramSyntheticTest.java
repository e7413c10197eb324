package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.AddressRange;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Two hand-built DWARF 5 units (DWARF 5 §7.5) exercise what the sample dSYMs do not: addresses
 * through {@code .debug_addr} ({@code DW_FORM_addrx}, {@code DW_OP_addrx}), a subprogram whose
 * code is a {@code DW_FORM_rnglistx} list of {@code .debug_rnglists}, and a definition and an
 * inlined call that name their declaration and origin in the other unit ({@code DW_FORM_ref_addr}).
 */
class ProgramSyntheticTest {
    // DIE offsets in .debug_info (see sections()).
    private static final long CU1 = 0, F = 21, X = 33, INT = 42, G = 49, H = 59;
    private static final long CU2 = 67, H_DEF = 88, CALL = 94;

    /** The sections; {@code gIndex} is the .debug_addr index of g's DW_OP_addrx. */
    static DwarfSections sections(int gIndex) {
        TestBytes abbrev = TestBytes.le();
        abbrev.uleb(1).uleb(0x11).u8(1).uleb(0x73).uleb(0x17).uleb(0x74).uleb(0x17).u8(0).u8(0); // compile_unit
        abbrev.uleb(2).uleb(0x2e).u8(1).uleb(0x03).uleb(0x08).uleb(0x11).uleb(0x1b).uleb(0x12).uleb(0x06)
                .uleb(0x3f).uleb(0x19).uleb(0x49).uleb(0x13).u8(0).u8(0); // subprogram f
        abbrev.uleb(3).uleb(0x05).u8(0).uleb(0x03).uleb(0x08).uleb(0x49).uleb(0x13).uleb(0x34).uleb(0x19)
                .u8(0).u8(0); // formal_parameter
        abbrev.uleb(4).uleb(0x18).u8(0).u8(0).u8(0); // unspecified_parameters
        abbrev.uleb(5).uleb(0x24).u8(0).uleb(0x03).uleb(0x08).uleb(0x3e).uleb(0x0b).uleb(0x0b).uleb(0x0b)
                .u8(0).u8(0); // base_type
        abbrev.uleb(6).uleb(0x34).u8(0).uleb(0x03).uleb(0x08).uleb(0x3f).uleb(0x19).uleb(0x02).uleb(0x18)
                .uleb(0x49).uleb(0x13).u8(0).u8(0); // variable
        abbrev.uleb(7).uleb(0x2e).u8(0).uleb(0x03).uleb(0x08).uleb(0x3c).uleb(0x19).uleb(0x3f).uleb(0x19)
                .uleb(0x49).uleb(0x13).u8(0).u8(0); // subprogram declaration
        abbrev.uleb(8).uleb(0x2e).u8(1).uleb(0x47).uleb(0x10).uleb(0x55).uleb(0x23).u8(0).u8(0); // definition
        abbrev.uleb(9).uleb(0x1d).u8(0).uleb(0x31).uleb(0x10).uleb(0x11).uleb(0x1b).uleb(0x12).uleb(0x06)
                .uleb(0x59).uleb(0x0b).u8(0).u8(0); // inlined_subroutine
        abbrev.u8(0);

        TestBytes info = TestBytes.le();
        info.u32(63).u16(5).u8(1).u8(8).u32(0); // CU1 header
        info.uleb(1).u32(8).u32(12); // 12: unit DIE: addr_base, rnglists_base
        info.uleb(2).cstr("f").uleb(0).u32(0x10).u32(INT); // 21: f, low_pc = addr[0], 16 bytes
        info.uleb(3).cstr("x").u32(INT); // 33: x
        info.uleb(4); // 40: ...
        info.u8(0); // 41
        info.uleb(5).cstr("int").u8(5).u8(4); // 42
        info.uleb(6).cstr("g").uleb(2).u8(0xa1).uleb(gIndex).u32(INT); // 49: g at DW_OP_addrx
        info.uleb(7).cstr("h").u32(INT); // 59: h, declared
        info.u8(0); // 66
        assertEquals(CU2, info.size());
        info.u32(36).u16(5).u8(1).u8(8).u32(0); // CU2 header
        info.uleb(1).u32(8).u32(12); // 79
        info.uleb(8).u32(H).uleb(0); // 88: h's definition, ranges = rnglists[0]
        info.uleb(9).u32(F).uleb(0).u32(2).u8(7); // 94: f inlined, low_pc = addr[0], 2 bytes, line 7
        info.u8(0).u8(0); // 105, 106
        assertEquals(107, info.size());

        byte[] addr = TestBytes.le().u32(28).u16(5).u8(8).u8(0).u64(0x1000).u64(0x2000).u64(0x3000).build();
        byte[] rngBody = TestBytes.le().u16(5).u8(8).u8(0).u32(1).u32(4) // offsets at 12 (the base); list 0 at 16
                .u8(3).uleb(2).uleb(8).u8(7).u64(0x4000).uleb(0x10).u8(0) // startx_length, start_length, end
                .build();
        byte[] rnglists = TestBytes.le().u32(rngBody.length).bytes(rngBody).build();
        return DwarfSections.of(Map.of("debug_abbrev", abbrev.source("debug_abbrev"),
                "debug_info", info.source("debug_info"), "debug_addr", ByteSource.of(addr, "debug_addr"),
                "debug_rnglists", ByteSource.of(rnglists, "debug_rnglists")));
    }

    @Test
    void functionsVariablesAndInlinedCallsAcrossUnits() throws FormatException {
        Program p = ProgramReader.read(sections(1), 1);
        Function f = new Function(F, CU1, "f", null, null, 0, INT, List.of(new Parameter(X, "x", INT, true)), true,
                true, false, 0, -1, -1, OptionalLong.of(0x1000), List.of(new AddressRange(0x1000, 0x1010)));
        Function h = new Function(H, CU1, "h", null, null, 0, INT, List.of(), false, true, true, 0, -1, -1,
                OptionalLong.empty(), List.of());
        Function hDef = new Function(H_DEF, CU2, "h", null, null, 0, INT, List.of(), false, true, false, 0, H, -1,
                OptionalLong.empty(), List.of(new AddressRange(0x3000, 0x3008), new AddressRange(0x4000, 0x4010)));
        assertEquals(List.of(f, h, hDef), p.functions());
        InlinedCall call = new InlinedCall(CALL, CU2, F, "f", null, null, 0, null, 7, 0, 0, OptionalLong.of(0x1000),
                List.of(new AddressRange(0x1000, 0x1002)), H_DEF, H_DEF, 0);
        assertEquals(List.of(call), p.inlinedCalls());
        Variable g = new Variable(G, CU1, "g", null, INT, null, 0, true, false, OptionalLong.of(0x2000), -1, -1);
        assertEquals(List.of(g), p.variables());

        assertEquals(Optional.of(hDef), p.functionAt(0x3007));
        assertEquals(Optional.of(hDef), p.functionAt(0x4000));
        assertEquals(Optional.empty(), p.functionAt(0x3008));
        assertEquals(Optional.of(f), p.functionAt(0x100f));
        assertEquals(List.of(call), p.inlinedAt(0x1001));
        assertEquals(List.of(), p.inlinedAt(0x1002));
        assertEquals(List.of(h, hDef), p.functionsNamed("h"));
        assertEquals(List.of(g), p.variablesAt(0x2000));
        assertEquals(List.of(g), p.variablesNamed("g"));
    }

    /** The collectors run in a caller's own pass (as beside the type collector) give the same program. */
    @Test
    void factoryAndLinkInACallersOwnPass() throws FormatException {
        DwarfSections s = sections(1);
        List<UnitProgram> units = UnitWalker.walk(s, 2, ProgramReader.factory(s));
        assertEquals(List.of(CU1, CU2), units.stream().map(UnitProgram::offset).toList());
        Program p = ProgramReader.link(units);
        assertEquals(ProgramReader.read(s, 1).functions(), p.functions());
        assertEquals(ProgramReader.read(s, 1).variables(), p.variables());
    }

    @Test
    void addrxIndexPastDebugAddr() {
        FormatException e = assertThrows(FormatException.class, () -> ProgramReader.read(sections(9), 1));
        assertTrue(e.getMessage().contains("debug_addr"), e.getMessage());
    }
}
