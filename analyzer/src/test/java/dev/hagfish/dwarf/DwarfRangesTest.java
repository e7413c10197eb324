package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Synthetic {@code .debug_rnglists} (every {@code DW_RLE_*} kind, by offset and by
 * {@code DW_FORM_rnglistx} index), {@code .debug_ranges} (with base address selection) and
 * {@code .debug_aranges} decode to the spec's ranges; malformed ones fail with the offset.
 */
class DwarfRangesTest {
    private static final long LIST1 = 12 + 8 + 9; // header, two offsets, list 0

    static DwarfSections sections() {
        byte[] addr = TestBytes.le().u32(20).u16(5).u8(8).u8(0).u64(0x1000).u64(0x2000).build();
        TestBytes r = TestBytes.le().u32(0).u16(5).u8(8).u8(0).u32(2).u32(8).u32(8 + 9);
        r.u8(1).uleb(0).u8(4).uleb(0x10).uleb(0x20).u8(3).uleb(1).uleb(0x30).u8(0); // list 0: 9 bytes
        r.u8(5).u64(0x5000).u8(4).uleb(1).uleb(2).u8(6).u64(0x6000).u64(0x6010).u8(7).u64(0x7000).uleb(8).u8(0);
        r.u8(9); // a bad entry kind, at LIST1 + 40
        byte[] ranges = TestBytes.le().u64(0x10).u64(0x20).u64(-1).u64(0x9000).u64(1).u64(2).u64(0).u64(0)
                .u64(0x10).build(); // the second list has no end
        return DwarfSections.of(Map.of("debug_addr", ByteSource.of(addr, "debug_addr"),
                "debug_rnglists", ByteSource.of(r.build(), "debug_rnglists"),
                "debug_ranges", ByteSource.of(ranges, "debug_ranges")));
    }

    static Unit unit(DwarfSections s, int version) {
        return new Unit(s, new UnitHeader(0, 100, 4, version, 1, 0, 8, 0, 0, 12), null);
    }

    @Test
    void rnglistsByIndexAndByOffset() throws FormatException {
        DwarfSections s = sections();
        Ranges r = new Ranges(s);
        Unit u = unit(s, 5);
        assertEquals(List.of(new AddressRange(0x1010, 0x1020), new AddressRange(0x2000, 0x2030)),
                r.of(u, new AttrValue.ListIndex(0, DwForm.RNGLISTX), 0, 12));
        List<AddressRange> second = List.of(new AddressRange(0x5001, 0x5002), new AddressRange(0x6000, 0x6010),
                new AddressRange(0x7000, 0x7008));
        assertEquals(second, r.of(u, new AttrValue.ListIndex(1, DwForm.RNGLISTX), 0, 12));
        assertEquals(second, r.of(u, new AttrValue.SecOffset(LIST1), 0, -1));
        // Offset pairs are relative to the unit's base address until a base entry changes it.
        assertEquals(List.of(new AddressRange(0x5001, 0x5002)).get(0),
                r.of(u, new AttrValue.SecOffset(LIST1), 0x123, -1).get(0));
    }

    @Test
    void badRnglistEntryKind() {
        DwarfSections s = sections();
        FormatException e = assertThrows(FormatException.class,
                () -> new Ranges(s).of(unit(s, 5), new AttrValue.SecOffset(LIST1 + 40), 0, -1));
        assertEquals(LIST1 + 40, e.offset());
        assertTrue(e.detail().contains("kind 0x9"), e.detail());
    }

    @Test
    void rnglistIndexOutsideTheSection() {
        DwarfSections s = sections();
        assertThrows(FormatException.class,
                () -> new Ranges(s).of(unit(s, 5), new AttrValue.ListIndex(1L << 40, DwForm.RNGLISTX), 0, 12));
    }

    @Test
    void debugRangesWithBaseAddressSelection() throws FormatException {
        DwarfSections s = sections();
        assertEquals(List.of(new AddressRange(0x1010, 0x1020), new AddressRange(0x9001, 0x9002)),
                new Ranges(s).of(unit(s, 4), new AttrValue.SecOffset(0), 0x1000, -1));
    }

    @Test
    void debugRangesWithoutEndOfList() {
        DwarfSections s = sections();
        FormatException e = assertThrows(FormatException.class,
                () -> new Ranges(s).of(unit(s, 3), new AttrValue.Constant(64, false), 0, -1));
        assertEquals(72, e.offset());
    }

    @Test
    void arangesSetsWithPaddingAndTerminator() throws FormatException {
        byte[] set = TestBytes.le().u32(44).u16(2).u32(0x30).u8(8).u8(0).u32(0) // padded to 16
                .u64(0x1000).u64(0x40).u64(0).u64(0).build();
        byte[] set2 = TestBytes.le().u32(28).u16(2).u32(0x90).u8(4).u8(0).u32(0).u32(0x2000).u32(0x10).u32(0).u32(0)
                .build();
        byte[] both = TestBytes.le().bytes(set).bytes(set2).build();
        assertEquals(List.of(new Aranges.Entry(0x30, new AddressRange(0x1000, 0x1040)),
                new Aranges.Entry(0x90, new AddressRange(0x2000, 0x2010))),
                Aranges.read(ByteSource.of(both, "debug_aranges")));
    }

    @Test
    void arangesSetPastTheSectionEnd() {
        byte[] set = TestBytes.le().u32(0x100).u16(2).u32(0).u8(8).u8(0).build();
        FormatException e = assertThrows(FormatException.class, () -> Aranges.read(ByteSource.of(set, "a")));
        assertEquals(0, e.offset());
        assertTrue(e.detail().contains("runs past the end"), e.detail());
    }
}
