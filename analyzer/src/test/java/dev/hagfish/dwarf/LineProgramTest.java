package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Synthetic line programs (DWARF 2, 4 in the 64-bit format, and 5) decode to the rows and paths
 * the spec's state machine gives; malformed ones fail with the offset of the bad field.
 */
class LineProgramTest {
    private static final int DW_LNS_COPY = 1, DW_LNS_ADVANCE_PC = 2, DW_LNS_ADVANCE_LINE = 3, DW_LNS_SET_FILE = 4,
            DW_LNS_SET_COLUMN = 5, DW_LNS_NEGATE_STMT = 6, DW_LNS_CONST_ADD_PC = 8, DW_LNS_FIXED_ADVANCE_PC = 9;
    private static final int DW_LNCT_PATH = 1, DW_LNCT_DIRECTORY_INDEX = 2, DW_LNCT_SIZE = 4, DW_LNCT_MD5 = 5;

    /** Appends a signed LEB128 number. */
    static TestBytes sleb(TestBytes b, long v) {
        while (true) {
            int low = (int) (v & 0x7f);
            v >>= 7;
            boolean done = (v == 0 && (low & 0x40) == 0) || (v == -1 && (low & 0x40) != 0);
            b.u8(done ? low : low | 0x80);
            if (done) {
                return b;
            }
        }
    }

    /** Appends an extended opcode: 0, ULEB128 length, sub-opcode, operands. */
    static TestBytes ext(TestBytes b, int sub, byte[] operands) {
        return b.u8(0).uleb(1 + operands.length).u8(sub).bytes(operands);
    }

    static byte[] address(long a) {
        return TestBytes.le().u64(a).build();
    }

    /** Wraps a header tail (after header_length) and a program into a 32-bit unit. */
    static byte[] unit32(int version, byte[] beforeHeaderLength, byte[] header, byte[] program) {
        TestBytes body = TestBytes.le().u16(version).bytes(beforeHeaderLength).u32(header.length).bytes(header)
                .bytes(program);
        byte[] b = body.build();
        return TestBytes.le().u32(b.length).bytes(b).build();
    }

    static DwarfSections sections(byte[] line, byte[] lineStr) {
        return DwarfSections.of(Map.of("__debug_line", ByteSource.of(line, "debug_line"),
                "__debug_line_str", ByteSource.of(lineStr, "debug_line_str")));
    }

    static DwarfSections sections(byte[] line) {
        return DwarfSections.of(Map.of("__debug_line", ByteSource.of(line, "debug_line")));
    }

    /** A DWARF 2 header: opcode_base 10, so opcodes 10 to 12 are special. */
    static byte[] v2Header() {
        return TestBytes.le().u8(1).u8(1).u8(-5 & 0xff).u8(14).u8(10).bytes(new byte[] {0, 1, 1, 1, 1, 0, 0, 0, 1})
                .cstr("include").cstr("/abs").u8(0)
                .cstr("a.c").uleb(0).uleb(0).uleb(0)
                .cstr("b.h").uleb(1).uleb(0).uleb(0)
                .cstr("c.h").uleb(2).uleb(7).uleb(100)
                .u8(0).build();
    }

    @Test
    void dwarf2ProgramRunsTheStateMachine() throws FormatException {
        TestBytes p = TestBytes.le();
        ext(p, 2, address(0x1000));
        p.u8(16); // special: adjusted 6 = line +1, address +0
        p.u8(DW_LNS_ADVANCE_PC).uleb(4);
        sleb(p.u8(DW_LNS_ADVANCE_LINE), 10);
        p.u8(DW_LNS_COPY);
        p.u8(DW_LNS_SET_FILE).uleb(2).u8(DW_LNS_SET_COLUMN).uleb(7);
        p.u8(12); // special in DWARF 2: adjusted 2 = line -3, address +0
        ext(p, 3, TestBytes.le().cstr("d.c").uleb(1).uleb(0).uleb(0).build()); // define_file: file 4
        p.u8(DW_LNS_SET_FILE).uleb(4);
        ext(p, 4, TestBytes.le().uleb(3).build()); // set_discriminator
        p.u8(DW_LNS_CONST_ADD_PC); // (255 - 10) / 14 = 17
        p.u8(DW_LNS_COPY);
        p.u8(DW_LNS_NEGATE_STMT).u8(DW_LNS_FIXED_ADVANCE_PC).u16(0x10);
        ext(p, 1, new byte[0]);
        LineProgram lp = LineProgram.read(sections(unit32(2, new byte[0], v2Header(), p.build())), 0);

        assertEquals(2, lp.version());
        assertEquals(List.of("include", "/abs"), lp.includeDirectories());
        assertEquals(List.of(
                new LineRow(0x1000, 1, 2, 0, true, false, 0),
                new LineRow(0x1004, 1, 12, 0, true, false, 0),
                new LineRow(0x1004, 2, 9, 7, true, false, 0),
                new LineRow(0x1015, 4, 9, 7, true, false, 3),
                new LineRow(0x1025, 4, 9, 7, false, true, 0)), lp.rows());
        assertEquals(Optional.of("/comp/a.c"), lp.filePath(1, "/comp"));
        assertEquals(Optional.of("/comp/include/b.h"), lp.filePath(2, "/comp"));
        assertEquals(Optional.of("/abs/c.h"), lp.filePath(3, "/comp"));
        assertEquals(Optional.of("/comp/include/d.c"), lp.filePath(4, "/comp/"));
        assertEquals(Optional.of("include/b.h"), lp.filePath(2, ""));
        assertEquals(Optional.empty(), lp.filePath(0, "/comp"));
        assertEquals(Optional.empty(), lp.filePath(5, "/comp"));
        assertEquals(7, lp.files().get(2).modificationTime());
        assertEquals(100, lp.files().get(2).length());

        assertEquals(Optional.empty(), lp.rowFor(0xfff));
        assertEquals(2, lp.rowFor(0x1003).orElseThrow().line());
        assertEquals(9, lp.rowFor(0x1004).orElseThrow().line()); // the last of the rows at 0x1004
        assertEquals(3, lp.rowFor(0x1024).orElseThrow().discriminator());
        assertEquals(Optional.empty(), lp.rowFor(0x1025));
    }

    /** A DWARF 5 header with line_strp directories and string/udata/data16/data4 file fields. */
    static byte[] v5Header() {
        TestBytes h = TestBytes.le().u8(4).u8(1).u8(1).u8(-5 & 0xff).u8(14).u8(14)
                .bytes(new byte[] {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 2}); // opcode 13: two operands
        h.u8(1).uleb(DW_LNCT_PATH).uleb(DwForm.LINE_STRP).uleb(2).u32(0).u32(10);
        h.u8(4).uleb(DW_LNCT_PATH).uleb(DwForm.STRING).uleb(DW_LNCT_DIRECTORY_INDEX).uleb(DwForm.UDATA)
                .uleb(DW_LNCT_MD5).uleb(DwForm.DATA16).uleb(DW_LNCT_SIZE).uleb(DwForm.DATA4);
        h.uleb(2);
        h.cstr("main.c").uleb(0).bytes(md5(1)).u32(1234);
        h.cstr("x.h").uleb(1).bytes(md5(2)).u32(0);
        return h.build();
    }

    static byte[] md5(int seed) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (seed * 16 + i);
        }
        return b;
    }

    static byte[] lineStr() {
        return TestBytes.le().cstr("/comp/dir").cstr("sub").build();
    }

    @Test
    void dwarf5ProgramUsesEntryFormatsAndSkipsUnknownOpcodes() throws FormatException {
        TestBytes p = TestBytes.le();
        ext(p, 2, address(0xffffff8000200000L));
        p.u8(DW_LNS_SET_FILE).uleb(0);
        p.u8(13).uleb(300).uleb(5); // an unknown standard opcode, skipped by its two operands
        ext(p, 0x80, new byte[] {1, 2, 3}); // an unknown extended opcode, skipped by its length
        p.u8(14 + 6); // special: line 2
        p.u8(DW_LNS_ADVANCE_PC).uleb(0x20);
        ext(p, 1, new byte[0]);
        byte[] unit = unit32(5, new byte[] {8, 0}, v5Header(), p.build());
        LineProgram lp = LineProgram.read(sections(unit, lineStr()), 0);

        assertEquals(5, lp.version());
        assertEquals(List.of("/comp/dir", "sub"), lp.includeDirectories());
        assertArrayEquals(md5(2), lp.files().get(1).md5());
        assertEquals(1234, lp.files().get(0).length());
        assertEquals(List.of(new LineRow(0xffffff8000200000L, 0, 2, 0, true, false, 0),
                new LineRow(0xffffff8000200080L, 0, 2, 0, true, true, 0)), lp.rows()); // min_inst_length 4
        // Entry 0 is the compilation directory: comp_dir is not prepended again.
        assertEquals(Optional.of("/comp/dir/main.c"), lp.filePath(0, "/comp/dir"));
        assertEquals(Optional.of("/comp/dir/sub/x.h"), lp.filePath(1, "/comp/dir"));
        assertEquals(Optional.empty(), lp.filePath(2, "/comp/dir"));
        assertEquals(0, lp.rowFor(0xffffff800020007fL).orElseThrow().file());
    }

    @Test
    void dwarf4In64BitFormat() throws FormatException {
        byte[] header = TestBytes.le().u8(4).u8(1).u8(0).u8(-3 & 0xff).u8(12).u8(13)
                .bytes(new byte[] {0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1}).u8(0).cstr("f.c").uleb(0).uleb(0).uleb(0).u8(0)
                .build();
        TestBytes p = TestBytes.le();
        ext(p, 2, address(0x4000));
        p.u8(DW_LNS_COPY).u8(13 + 3 + 12 * 2).u8(13 + 3 + 12); // line 1, then +2 words each (min_inst 4)
        ext(p, 1, new byte[0]);
        byte[] body = TestBytes.le().u16(4).u64(header.length).bytes(header).bytes(p.build()).build();
        byte[] unit = TestBytes.le().u32(0xffffffffL).u64(body.length).bytes(body).build();
        LineProgram lp = LineProgram.read(sections(unit), 0);
        assertEquals(8, lp.offsetSize());
        assertEquals(unit.length, lp.end());
        assertEquals(List.of(new LineRow(0x4000, 1, 1, 0, false, false, 0), new LineRow(0x4008, 1, 1, 0, false, false, 0),
                new LineRow(0x400c, 1, 1, 0, false, false, 0), new LineRow(0x400c, 1, 1, 0, false, true, 0)), lp.rows());
        assertEquals(Optional.of("/c/f.c"), lp.filePath(1, "/c"));
    }

    @Test
    void aProgramWithoutEndSequenceStopsAtItsUnitEnd() throws FormatException {
        TestBytes p = TestBytes.le();
        ext(p, 2, address(0x2000));
        for (int i = 0; i < 50; i++) {
            p.u8(10 + 6 + 14); // line +1, address +1
        }
        byte[] unit = unit32(2, new byte[0], v2Header(), p.build());
        byte[] line = TestBytes.le().bytes(unit).u32(0xdeadbeefL).build(); // bytes after the unit are not read
        LineProgram lp = LineProgram.read(sections(line), 0);
        assertEquals(50, lp.rows().size());
        assertTrue(lp.rows().stream().noneMatch(LineRow::endSequence));
        assertEquals(Optional.empty(), lp.rowFor(0x2001)); // an unended sequence covers nothing
        assertEquals(unit.length, lp.end());
    }

    @Test
    void unitLengthPastTheSectionEnd() {
        byte[] unit = unit32(2, new byte[0], v2Header(), new byte[] {1});
        byte[] bad = unit.clone();
        bad[0] = (byte) 0xf0; // unit_length 0xf0 + ...: past the end
        bad[1] = 0x10;
        FormatException e = assertThrows(FormatException.class, () -> LineProgram.read(sections(bad), 0));
        assertEquals("debug_line", e.source());
        assertEquals(0, e.offset());
        assertTrue(e.detail().contains("runs past the end of debug_line"), e.detail());
    }

    @Test
    void aSixtyFourBitUnitLengthOf2To64Minus1() {
        byte[] unit = unit32(4, new byte[0], v2Header(), new byte[] {1});
        byte[] line = TestBytes.le().u32(0xffffffffL).u64(-1).bytes(unit).build();
        FormatException e = assertThrows(FormatException.class, () -> LineProgram.read(sections(line), 0));
        assertEquals("debug_line", e.source());
        assertEquals(0, e.offset());
        assertTrue(e.detail().startsWith("unit_length 0xffffffffffffffff runs past the end"), e.detail());
    }

    @Test
    void headerLengthPastTheUnitEnd() {
        byte[] unit = unit32(2, new byte[0], v2Header(), new byte[] {1});
        unit[6] = (byte) 0xff; // header_length, after unit_length (4) and version (2)
        FormatException e = assertThrows(FormatException.class, () -> LineProgram.read(sections(unit), 0));
        assertEquals("debug_line", e.source());
        assertEquals(6, e.offset());
        assertTrue(e.detail().startsWith("header_length"), e.detail());
    }

    @Test
    void extendedOpcodeLengthPastTheUnitEnd() {
        TestBytes p = TestBytes.le();
        ext(p, 2, address(0x1000));
        int at = 4 + 2 + 4 + v2Header().length + p.size();
        p.u8(0).uleb(40).u8(0x80).u8(0);
        FormatException e = assertThrows(FormatException.class,
                () -> LineProgram.read(sections(unit32(2, new byte[0], v2Header(), p.build())), 0));
        assertEquals(at, e.offset());
        assertTrue(e.detail().contains("extended opcode length 40"), e.detail());
    }

    @Test
    void extendedOpcodeLengthAbove2To63() {
        byte[] program = TestBytes.le().u8(0).uleb(-1L).u8(1).build();
        FormatException e = assertThrows(FormatException.class,
                () -> LineProgram.read(sections(unit32(2, new byte[0], v2Header(), program)), 0));
        assertEquals(4 + 2 + 4 + v2Header().length, e.offset());
    }

    @Test
    void operandsTruncatedAtTheUnitEnd() {
        byte[] program = TestBytes.le().u8(DW_LNS_ADVANCE_PC).u8(0x80).build(); // a ULEB128 cut short
        FormatException e = assertThrows(FormatException.class,
                () -> LineProgram.read(sections(unit32(2, new byte[0], v2Header(), program)), 0));
        assertEquals(4 + 2 + 4 + v2Header().length + 2, e.offset());
    }

    @Test
    void directoryCountBeyondTheHeader() {
        byte[] header = v5Header();
        int countAt = 6 + 13 + 1 + 2; // fixed fields, standard lengths, format count, one (kind, form) pair
        header[countAt] = 0x7f; // 127 directories in a header of a few dozen bytes
        FormatException e = assertThrows(FormatException.class,
                () -> LineProgram.read(sections(unit32(5, new byte[] {8, 0}, header, new byte[0]), lineStr()), 0));
        assertEquals(4 + 2 + 2 + 4 + countAt, e.offset());
        assertTrue(e.detail().startsWith("directory count 127"), e.detail());
    }

    @Test
    void directoryCountAbove2To63() {
        byte[] header = TestBytes.le().u8(1).u8(1).u8(1).u8(-5 & 0xff).u8(14).u8(1)
                .u8(1).uleb(DW_LNCT_PATH).uleb(DwForm.STRING).uleb(-1L).build();
        FormatException e = assertThrows(FormatException.class,
                () -> LineProgram.read(sections(unit32(5, new byte[] {8, 0}, header, new byte[0])), 0));
        assertEquals(4 + 2 + 2 + 4 + 9, e.offset());
        assertTrue(e.detail().startsWith("directory count 18446744073709551615"), e.detail());
    }

    @Test
    void unsupportedVersion() {
        byte[] unit = unit32(6, new byte[0], v2Header(), new byte[0]);
        FormatException e = assertThrows(FormatException.class, () -> LineProgram.read(sections(unit), 0));
        assertEquals(4, e.offset());
        assertEquals("line table version 6 is not 2 to 5", e.detail());
    }
}
