package dev.hagfish.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import org.junit.jupiter.api.Test;

/** Malformed-input rules of the Mach-O header and load-command walk, one test per rule. */
class MachOFileTest {
    private static TestBytes header64(int ncmds, int sizeofcmds) {
        return TestBytes.le().u32(MachHeader.MH_MAGIC_64).u32(CpuType.X86_64.code()).u32(3)
                .u32(MachHeader.MH_EXECUTE).u32(ncmds).u32(sizeofcmds).u32(1).u32(0);
    }

    @Test
    void decodesASegmentWithSectionsAndAnUnknownCommand() throws FormatException {
        TestBytes b = header64(2, 72 + 80 + 16)
                .u32(LoadCommandType.LC_SEGMENT_64).u32(72 + 80).fixed("__TEXT", 16)
                .u64(0xffffff8000200000L).u64(0x1000).u64(0).u64(0x1000).u32(5).u32(5).u32(1).u32(0)
                .fixed("__text", 16).fixed("__TEXT", 16).u64(0xffffff8000200400L).u64(0x20).u32(0x400)
                .u32(4).u32(0).u32(0).u32(0x80000400).u32(0).u32(0).u32(0)
                .u32(0x7777).u32(16).u64(0x1122334455667788L);
        MachOFile f = MachOFile.parse(b.source("t"));
        SegmentCommand text = f.segment("__TEXT").orElseThrow();
        assertEquals(0xffffff8000200000L, text.vmaddr());
        assertEquals("__text", text.sections().get(0).sectName());
        assertEquals(0xffffff8000200400L, text.sections().get(0).addr());
        assertTrue(text.containsAddress(0xffffff8000200fffL));
        UnknownCommand u = assertInstanceOf(UnknownCommand.class, f.commands().get(1));
        assertEquals("LC_0x7777", u.cmdName());
        assertEquals(16, u.raw().length);
    }

    @Test
    void badMagic() {
        FormatException e = assertThrows(FormatException.class,
                () -> MachOFile.parse(TestBytes.le().u32(0x7f454c46L).zeros(28).source("elf")));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("not a Mach-O file"), e.getMessage());
    }

    @Test
    void bigEndianIsRefusedClearly() {
        FormatException e = assertThrows(FormatException.class,
                () -> MachOFile.parse(TestBytes.be().u32(MachHeader.MH_MAGIC).zeros(24).source("ppc")));
        assertTrue(e.getMessage().contains("big-endian"), e.getMessage());
    }

    @Test
    void truncatedHeader() {
        FormatException e = assertThrows(FormatException.class,
                () -> MachOFile.parse(TestBytes.le().u32(MachHeader.MH_MAGIC_64).u32(7).source("short")));
        assertTrue(e.getMessage().startsWith("short: at offset 0x0"), e.getMessage());
    }

    @Test
    void sizeofcmdsPastTheEnd() {
        FormatException e = assertThrows(FormatException.class,
                () -> MachOFile.parse(header64(1, 0x1000).zeros(8).source("t")));
        assertEquals(20, e.offset());
        assertTrue(e.getMessage().contains("sizeofcmds"), e.getMessage());
    }

    @Test
    void cmdsizeBelowEight() {
        FormatException e = assertThrows(FormatException.class,
                () -> MachOFile.parse(header64(1, 8).u32(LoadCommandType.LC_UUID).u32(4).source("t")));
        assertEquals(32, e.offset());
        assertTrue(e.getMessage().contains("load command 0 LC_UUID: cmdsize 4 is less than 8"), e.getMessage());
    }

    @Test
    void cmdsizePastSizeofcmds() {
        FormatException e = assertThrows(FormatException.class,
                () -> MachOFile.parse(header64(1, 8).u32(LoadCommandType.LC_UUID).u32(24).zeros(16).source("t")));
        assertTrue(e.getMessage().contains("runs past sizeofcmds"), e.getMessage());
    }

    @Test
    void moreCommandsThanFit() {
        FormatException e = assertThrows(FormatException.class,
                () -> MachOFile.parse(header64(2, 24).u32(LoadCommandType.LC_UUID).u32(24).zeros(16).source("t")));
        assertEquals(56, e.offset());
        assertTrue(e.getMessage().contains("load command 1 starts past sizeofcmds"), e.getMessage());
    }

    @Test
    void sectionCountLargerThanTheCommand() {
        TestBytes b = header64(1, 72).u32(LoadCommandType.LC_SEGMENT_64).u32(72).fixed("__DATA", 16)
                .u64(0).u64(0).u64(0).u64(0).u32(3).u32(3).u32(0x7fffffff).u32(0);
        FormatException e = assertThrows(FormatException.class, () -> MachOFile.parse(b.source("t")));
        assertEquals(32, e.offset());
        assertTrue(e.getMessage().contains("2147483647 sections do not fit"), e.getMessage());
    }

    @Test
    void threadStateCountPastTheCommand() {
        TestBytes b = header64(1, 16).u32(LoadCommandType.LC_THREAD).u32(16).u32(4).u32(42);
        FormatException e = assertThrows(FormatException.class, () -> MachOFile.parse(b.source("t")));
        assertTrue(e.getMessage().contains("count 42 runs past cmdsize 16"), e.getMessage());
    }

    @Test
    void aFatSliceOutsideTheFileIsRefused() {
        TestBytes b = TestBytes.be().u32(FatFile.FAT_MAGIC).u32(1)
                .u32(CpuType.X86_64.code()).u32(3).u32(0x1000).u32(0x1000).u32(12);
        FormatException e = assertThrows(FormatException.class, () -> MachOFile.open(b.source("fat"), null));
        assertEquals(8, e.offset());
        assertTrue(e.getMessage().contains("fat slice 0 (x86_64)") && e.getMessage().contains("outside the file"),
                e.getMessage());
    }

    @Test
    void aFatTableLargerThanTheFileIsRefused() {
        TestBytes b = TestBytes.be().u32(FatFile.FAT_MAGIC_64).u32(30).zeros(16);
        FormatException e = assertThrows(FormatException.class, () -> MachOFile.open(b.source("fat"), null));
        assertTrue(e.getMessage().contains("30 slices do not fit"), e.getMessage());
    }

    @Test
    void aJavaClassFileIsNotTakenForAFatFile() throws FormatException {
        // 0xcafebabe, minor 0, major 61 (Java 17): the count would be 61.
        TestBytes b = TestBytes.be().u32(FatFile.FAT_MAGIC).u16(0).u16(61).zeros(32);
        assertTrue(!FatFile.isFat(b.source("Main.class")));
        FormatException e = assertThrows(FormatException.class, () -> MachOFile.open(b.source("Main.class"), null));
        assertTrue(e.getMessage().contains("not a Mach-O file"), e.getMessage());
    }

    @Test
    void moreSymbolsThanTheFileHoldsAreRefused() {
        TestBytes b = header64(1, 24).u32(LoadCommandType.LC_SYMTAB).u32(24).u32(56).u32(0x10000000).u32(56).u32(0);
        FormatException e = assertThrows(FormatException.class, () -> NlistReader.read(MachOFile.parse(b.source("t"))));
        assertEquals(32, e.offset());
        assertTrue(e.getMessage().contains("268435456 symbols"), e.getMessage());
    }

    @Test
    void aStringIndexPastTheStringTableIsRefused() {
        TestBytes b = header64(1, 24).u32(LoadCommandType.LC_SYMTAB).u32(24).u32(56).u32(1).u32(72).u32(4)
                .u32(99).u8(0x0f).u8(1).u16(0).u64(0x1000).cstr("_a").u8(0);
        FormatException e = assertThrows(FormatException.class, () -> NlistReader.read(MachOFile.parse(b.source("t"))));
        assertEquals(56, e.offset());
        assertTrue(e.getMessage().contains("string index 0x63 is past the string table"), e.getMessage());
    }

    @Test
    void i386AndArm64ThreadStatesAreNamed() throws FormatException {
        TestBytes i386 = TestBytes.le().u32(MachHeader.MH_MAGIC).u32(CpuType.I386.code()).u32(3).u32(MachHeader.MH_EXECUTE)
                .u32(1).u32(16 + 64).u32(0)
                .u32(LoadCommandType.LC_UNIXTHREAD).u32(16 + 64).u32(1).u32(16);
        for (int i = 0; i < 16; i++) {
            i386.u32(0x100 + i);
        }
        var regs = MachOFile.parse(i386.source("t")).commands(ThreadCommand.class).get(0).states().get(0).registers();
        assertEquals(0x10aL, regs.get("eip"));
        assertEquals(0x106L, regs.get("ebp"));
        TestBytes arm = header64(1, 16 + 272).u32(LoadCommandType.LC_THREAD).u32(16 + 272).u32(6).u32(68);
        for (int i = 0; i < 33; i++) {
            arm.u64(0x1000 + i);
        }
        arm.u32(0x60000000L).u32(0);
        var aregs = MachOFile.parse(arm.source("t")).commands(ThreadCommand.class).get(0).states().get(0).registers();
        assertEquals(0x101dL, aregs.get("fp"));
        assertEquals(0x1020L, aregs.get("pc"));
        assertEquals(0x60000000L, aregs.get("cpsr"));
    }
}
