package dev.hagfish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.report.StructReport.Hole;
import dev.hagfish.report.StructReport.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StructReports} on the sample's stress structs (samples/kernel/osfmk/kern/layouts.c),
 * against holes, padding, bit-field placement and cachelines worked out by hand from the source
 * and the x86_64 ABI.
 */
class StructReportsTest {
    private static final ReportOptions LP64 = ReportOptions.DEFAULT;

    private static List<String> holes(List<Hole> holes) {
        List<String> out = new ArrayList<>();
        for (Hole h : holes) {
            out.add(h.kind().equals("bits") ? h.bits() + " bits at bit " + h.bitOffset() + " after " + h.after()
                    : h.size() + " bytes at " + h.offset() + " after " + h.after());
        }
        return out;
    }

    @Test
    void holeyHasThreeHolesAndSevenBytesOfPadding() throws IOException {
        // char c1 @0, long l @8, char c2 @16, int i @20, short s @24, void *p @32, char c3 @40; 48 bytes.
        StructReport r = SampleLayouts.report("x86_64-dwarf4", "struct holey", LP64);
        assertEquals(48, r.size());
        assertEquals(8, r.alignment());
        assertEquals(List.of("7 bytes at 1 after c1", "3 bytes at 17 after c2", "6 bytes at 26 after s"), holes(r.holes()));
        assertEquals(7, r.padding());
        assertEquals(16, r.totals().holeBytes());
        assertEquals(3, r.totals().holes());
        assertEquals(25, r.totals().sumMembers());
        assertEquals(23, r.totals().wastedBytes());
        assertEquals(1, r.totals().cachelines());
        assertEquals(List.of(), r.straddling());
        assertTrue(r.sizeMultipleOfAlignment());
        assertFalse(r.packed());
        assertEquals(List.of(0L, 8L, 16L, 20L, 24L, 32L, 40L), r.members().stream().map(Row::offset).toList());
        assertNull(r.reorganized());
    }

    @Test
    void bitFieldsSitInTheirStorageUnits() throws IOException {
        // a:30 fills unit 0 but for 2 bits; b:6 cannot fit and starts unit 4; x:40 starts the long
        // long unit at 8; y:30 does not fit after it and starts unit 16; sneg:4 starts the int
        // unit at 20, the unnamed :3 leaves 3 bits, flag:1 ends at bit 168, and :0 pushes s1 to
        // the short unit at 24; s1 and s2 fill it, c1 and on share the char at 26, color:3 is in
        // the int unit at 24 at its bit 20. 215 bits used: the last unit ends at 28, 4 bytes of
        // padding and 9 unused bits of that unit.
        StructReport r = SampleLayouts.report("x86_64-dwarf4", "struct layout_bits", LP64);
        assertEquals(32, r.size());
        List<String> units = new ArrayList<>();
        for (Row m : r.members()) {
            units.add(m.name() + " " + m.offset() + ":" + (m.bitOffset() - m.offset() * 8) + "/" + m.bitSize());
        }
        assertEquals(List.of("a 0:0/30", "b 4:0/6", "x 8:0/40", "y 16:0/30", "sneg 20:0/4", "flag 20:7/1",
                "s1 24:0/5", "s2 24:5/11", "c1 26:0/3", "on 26:3/1", "color 24:20/3"), units);
        assertEquals(List.of("2 bits at bit 30 after a", "26 bits at bit 38 after b", "24 bits at bit 104 after x",
                "2 bits at bit 158 after y", "3 bits at bit 164 after sneg", "24 bits at bit 168 after flag"),
                holes(r.holes()));
        assertEquals(6, r.totals().bitHoles());
        assertEquals(81, r.totals().holeBits());
        assertEquals(0, r.totals().holes());
        assertEquals(134, r.totals().sumBitfieldBits());
        assertEquals(4, r.padding());
        assertEquals(9, r.bitPadding());
        assertEquals(4, r.totals().wastedBytes());
    }

    @Test
    void packedStructsAreFlaggedAndTheirMembersStraddleSmallCachelines() throws IOException {
        // char c @0, uint64_t q @1, uint16_t s @9, uint32_t i @11: 15 bytes, packed.
        StructReport r = SampleLayouts.report("x86_64-dwarf4", "struct layout_packed", LP64);
        assertEquals(15, r.size());
        assertTrue(r.packed());
        assertFalse(r.sizeMultipleOfAlignment());
        assertEquals(0, r.totals().wastedBytes());
        assertEquals(List.of(), r.straddling());
        // With 8-byte cachelines, q (bytes 1..8) crosses the boundary at 8, i (11..14) does not.
        StructReport small = SampleLayouts.report("x86_64-dwarf4", "struct layout_packed",
                new ReportOptions(8, false, false, 20));
        assertEquals(List.of("q"), small.straddling());
        assertEquals(2, small.totals().cachelines());
        assertEquals(List.of(0L, 0L, 1L, 1L), small.members().stream().map(Row::cacheline).toList());
    }

    @Test
    void anAlignedStructIsPaddedToItsAlignment() throws IOException {
        // uint32_t head; char body[20]; aligned(64): 24 bytes of members, 40 of padding.
        StructReport r = SampleLayouts.report("x86_64-dwarf4", "struct layout_aligned64", LP64);
        assertEquals(64, r.size());
        assertEquals(64, r.explicitAlignment());
        assertEquals(64, r.alignment());
        assertEquals(40, r.padding());
        // char c; struct layout_aligned64 inner (at 64); char d (at 128): 192 bytes, 3 cachelines.
        StructReport c = SampleLayouts.report("x86_64-dwarf4", "struct layout_contains_aligned", LP64);
        assertEquals(192, c.size());
        assertEquals(List.of("63 bytes at 1 after c"), holes(c.holes()));
        assertEquals(63, c.padding());
        assertEquals(3, c.totals().cachelines());
        assertEquals(List.of(0L, 1L, 2L), c.members().stream().map(Row::cacheline).toList());
        // 32-byte cachelines: inner (64..127) spans two lines.
        StructReport c32 = SampleLayouts.report("x86_64-dwarf4", "struct layout_contains_aligned",
                new ReportOptions(32, false, false, 20));
        assertEquals(List.of("inner"), c32.straddling());
        assertEquals(6, c32.totals().cachelines());
    }

    @Test
    void anonymousMembersAreShownInPlaceWithTheirHoles() throws IOException {
        // uint32_t tag; union { as_u32; as_float; struct { low; high; }; } @4;
        // struct { uint8_t r, g, b; (1-byte hole) layout_color_t color; } @8; uint64_t trailer @16.
        StructReport r = SampleLayouts.report("x86_64-dwarf4", "struct layout_anon", LP64);
        assertEquals(24, r.size());
        assertEquals(List.of(), r.holes());
        Row union = r.members().get(1);
        assertNull(union.name());
        assertEquals(List.of("as_u32", "as_float", "null"), union.members().stream().map(m -> String.valueOf(m.name())).toList());
        assertEquals(List.of("low", "high"), union.members().get(2).members().stream().map(Row::name).toList());
        assertEquals(List.of(), union.holes());
        Row rgb = r.members().get(2);
        assertEquals(List.of(8L, 9L, 10L, 12L), rgb.members().stream().map(Row::offset).toList());
        assertEquals(List.of("1 bytes at 11 after b"), holes(rgb.holes()));
        // Named nested structs are shown whole unless --expand.
        StructReport node = SampleLayouts.report("x86_64-dwarf4", "struct layout_contains_aligned", LP64);
        assertNull(node.members().get(1).members());
        StructReport expanded = SampleLayouts.report("x86_64-dwarf4", "struct layout_contains_aligned",
                new ReportOptions(64, true, false, 20));
        assertEquals(List.of(64L, 68L), expanded.members().get(1).members().stream().map(Row::offset).toList());
    }

    @Test
    void theSummaryRanksAndCounts() throws IOException {
        ReportSummary s = new ReportSummary(2);
        for (String name : List.of("struct holey", "struct layout_packed", "struct layout_contains_aligned",
                "struct layout_bits", "union layout_value")) {
            s.add(SampleLayouts.report("x86_64-dwarf4", name, LP64));
        }
        ReportSummary.Result r = s.result();
        assertEquals(4, r.structs());
        assertEquals(1, r.unions());
        assertEquals(48 + 15 + 192 + 32 + 16, r.totalSize());
        assertEquals(List.of("struct layout_contains_aligned", "struct holey", "struct layout_bits"),
                r.byWasted().stream().map(ReportSummary.Wasteful::name).toList());
        assertEquals(126 + 23 + 4, r.wastedBytes());
        assertEquals(List.of("struct layout_contains_aligned", "struct holey"),
                r.largest().stream().map(ReportSummary.Large::name).toList());
        assertEquals(List.of("struct layout_packed"),
                r.sizeNotMultipleOfAlignment().stream().map(ReportSummary.Misfit::name).toList());
        assertNull(r.reorganize());
    }
}
