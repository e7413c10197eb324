package dev.hagfish.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.elf.ElfFileTest.Built;
import dev.hagfish.elf.ElfFileTest.Sec;
import dev.hagfish.image.ElfImage;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import dev.hagfish.symbols.ElfSymbolTable;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ElfSymbols}, {@link ElfNotes} and {@link ElfProgramHeader} over synthetic files in both
 * classes and byte orders, and one malformed file per validation rule (message and offset).
 * Sections: [1] .text, [2] .bss, [3] .symtab, [4] .strtab, [5] .note.gnu.build-id, [6] .shstrtab;
 * every section's address is 0x2000 ({@link ElfFileTest#build}).
 */
class ElfSymbolsTest {
    private static final byte[] STRTAB = "\0main\0counter\0weak_ref\0ABS_SYM\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BUILD_ID = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4};
    private static final int SYMTAB = 3;

    /** One symbol to encode. */
    record Sym(long name, int info, int other, int shndx, long value, long size) {}

    private static final List<Sym> SYMS = List.of(new Sym(0, 0, 0, 0, 0, 0),
            new Sym(1, 0x12, 0, 1, 0x2010, 0x20), // main: GLOBAL FUNC in .text
            new Sym(6, 0x01, 2, 2, 0x2040, 8), // counter: LOCAL OBJECT in .bss, hidden
            new Sym(14, 0x20, 0, 0, 0, 0), // weak_ref: WEAK NOTYPE, undefined
            new Sym(23, 0x10, 0, ElfSymbol.SHN_ABS, 0x1234, 0)); // ABS_SYM: GLOBAL NOTYPE, absolute

    static byte[] symtab(boolean is64, boolean little, List<Sym> syms) {
        TestBytes b = little ? TestBytes.le() : TestBytes.be();
        for (Sym s : syms) {
            if (is64) {
                b.u32(s.name()).u8(s.info()).u8(s.other()).u16(s.shndx()).u64(s.value()).u64(s.size());
            } else {
                b.u32(s.name()).u32(s.value()).u32(s.size()).u8(s.info()).u8(s.other()).u16(s.shndx());
            }
        }
        return b.build();
    }

    static byte[] note(boolean little, String name, long type, byte[] desc) {
        TestBytes b = little ? TestBytes.le() : TestBytes.be();
        byte[] n = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        b.u32(n.length).u32(desc.length).u32(type).bytes(n).zeros((4 - n.length % 4) % 4).bytes(desc)
                .zeros((4 - desc.length % 4) % 4);
        return b.build();
    }

    static Built build(boolean is64, boolean little, List<Sym> syms, byte[] strtab) {
        Built b = ElfFileTest.build(is64, little, false, List.of(
                new Sec(".text", ElfSection.SHT_PROGBITS, ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR, new byte[64]),
                new Sec(".bss", ElfSection.SHT_NOBITS, ElfSection.SHF_ALLOC | ElfSection.SHF_WRITE, null),
                new Sec(".symtab", ElfSection.SHT_SYMTAB, 0, symtab(is64, little, syms)),
                new Sec(".strtab", ElfSection.SHT_STRTAB, 0, strtab),
                new Sec(".note.gnu.build-id", ElfSection.SHT_NOTE, ElfSection.SHF_ALLOC,
                        note(little, "GNU", ElfNote.NT_GNU_BUILD_ID, BUILD_ID))));
        return b.putSh(SYMTAB, 6, 4).putSh(SYMTAB, 9, is64 ? 24 : 16);
    }

    static Built typical(boolean is64, boolean little) {
        return build(is64, little, SYMS, STRTAB);
    }

    @Test
    void everyClassAndByteOrderReadsTheSymbolsAndTheBuildId() throws FormatException {
        for (boolean is64 : new boolean[] {false, true}) {
            for (boolean little : new boolean[] {true, false}) {
                String what = (is64 ? "ELF64" : "ELF32") + (little ? " LE" : " BE");
                ElfFile f = ElfFile.parse(typical(is64, little).source());
                List<ElfSymbol> s = ElfSymbols.read(f);
                assertEquals(5, s.size(), what);
                assertEquals(new ElfSymbol(1, "main", 0x2010, 0x20, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL, 0, 1,
                        ".text"), s.get(1), what);
                assertEquals(new ElfSymbol(2, "counter", 0x2040, 8, ElfSymbol.STT_OBJECT, ElfSymbol.STB_LOCAL,
                        ElfSymbol.STV_HIDDEN, 2, ".bss"), s.get(2), what);
                assertTrue(s.get(3).isUndefined() && !s.get(3).inSection(), what);
                assertEquals(ElfSymbol.SHN_ABS, s.get(4).shndx(), what);
                assertArrayEquals(BUILD_ID, ElfNotes.buildId(f).orElseThrow(), what);
                assertEquals(List.of(), ElfProgramHeader.readAll(f), what);

                List<Symbol> t = ElfSymbolTable.of(f).symbols();
                assertEquals(List.of("main T FUNCTION", "counter b DATA", "weak_ref w UNDEFINED",
                        "ABS_SYM A ABSOLUTE"), t.stream().map(x -> x.name() + " " + x.nmType() + " " + x.kind())
                        .toList(), what);
                assertEquals(List.of("main", "counter"), ElfSymbolTable.of(f).ranges().entries().stream()
                        .map(e -> e.name()).toList(), what);
                assertEquals(SymbolKind.FUNCTION, t.get(0).kind(), what);
            }
        }
    }

    @Test
    void anImageIsNamedByItsBuildIdAndBasedAtItsLowestAllocatedSection(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("a.debug");
        Files.write(p, typical(true, true).bytes());
        ElfImage i = ElfImage.open(p);
        assertEquals("DEADBEEF01020304", i.buildId());
        assertEquals("x86_64", i.arch());
        assertEquals(0x2000, i.base());
        assertTrue(i.version().isEmpty());

        Built noId = typical(true, true).putSh(5, 1, ElfSection.SHT_PROGBITS);
        Path q = dir.resolve("no-id");
        Files.write(q, noId.bytes());
        FormatException e = assertThrows(FormatException.class, () -> ElfImage.open(q));
        assertTrue(e.getMessage().startsWith(q + ": at offset 0x0: no GNU build ID"), e.getMessage());
    }

    private static void fails(Executable e, String detail, long offset) {
        FormatException x = assertThrows(FormatException.class, e);
        assertTrue(x.detail().contains(detail), x.getMessage());
        assertEquals(offset, x.offset(), x.getMessage());
        assertTrue(x.source().startsWith("t.elf"), x.getMessage());
    }

    private static void readFails(Built b, String detail, long offset) {
        fails(() -> ElfSymbols.read(ElfFile.parse(b.source())), detail, offset);
    }

    @Test
    void tableRules() {
        Built b = typical(true, true);
        readFails(typical(true, true).putSh(SYMTAB, 9, 16), "section 3 (.symtab): sh_entsize 16, expected 24 for Elf64_Sym",
                b.sh(SYMTAB));
        readFails(typical(false, false).putSh(SYMTAB, 9, 24), "sh_entsize 24, expected 16 for Elf32_Sym",
                typical(false, false).sh(SYMTAB));
        readFails(typical(true, true).putSh(SYMTAB, 5, 24 * 5 - 1), "sh_size 0x77 is not a multiple of sh_entsize 24",
                b.sh(SYMTAB));
        readFails(typical(true, true).putSh(SYMTAB, 6, 0), "sh_link 0 names no section", b.sh(SYMTAB));
        readFails(typical(true, true).putSh(SYMTAB, 6, 9), "sh_link 9 names no section (count 7)", b.sh(SYMTAB));
        readFails(typical(true, true).putSh(SYMTAB, 6, 1), "sh_link 1 (.text) is not a string table", b.sh(SYMTAB));
    }

    @Test
    void symbolRules() {
        Built b = typical(true, true);
        long sym1 = b.dataOffsets()[2] + 24;
        readFails(build(true, true, List.of(SYMS.get(0), new Sym(0x99, 0x12, 0, 1, 0, 0)), STRTAB),
                "symbol 1: st_name 0x99 is past the end of the string table .strtab (size 0x1f)", sym1);
        byte[] unterminated = "\0main".getBytes(StandardCharsets.US_ASCII);
        readFails(build(true, true, List.of(SYMS.get(0), new Sym(1, 0x12, 0, 1, 0, 0)), unterminated),
                "symbol 1: st_name 0x1: no NUL before the end of the string table .strtab", sym1);
        readFails(build(true, true, List.of(SYMS.get(0), new Sym(1, 0x12, 0, 99, 0, 0)), STRTAB),
                "symbol 1 (main): section index 99 is not below the section count 7", sym1 + 6);
        readFails(build(true, true, List.of(SYMS.get(0), new Sym(1, 0x12, 0, ElfHeader.SHN_XINDEX, 0, 0)), STRTAB),
                "symbol 1 (main): st_shndx is SHN_XINDEX but no SHT_SYMTAB_SHNDX section", sym1 + 6);
        // An SHT_SYMTAB_SHNDX table (here .note turned into one) must hold an entry per symbol.
        Built shortShndx = build(true, true, SYMS, STRTAB).putSh(5, 1, ElfSymbols.SHT_SYMTAB_SHNDX).putSh(5, 6, SYMTAB)
                .putSh(5, 5, 16);
        readFails(shortShndx, "section 5 (.note.gnu.build-id): SHT_SYMTAB_SHNDX of 0x10 bytes holds fewer than the 5",
                b.sh(5));
    }

    @Test
    void noteRules() {
        Built b = typical(true, true);
        long note = b.dataOffsets()[4];
        fails(() -> ElfNotes.buildId(ElfFile.parse(typical(true, true).put(note, 0x100, 4).source())),
                "section 5 (.note.gnu.build-id) note 0: n_namesz 256 overruns the section (0xc bytes left)", note);
        fails(() -> ElfNotes.buildId(ElfFile.parse(typical(true, true).put(note + 4, 9, 4).source())),
                "note 0: n_descsz 9 overruns the section (0x8 bytes left)", note + 4);
    }

    @Test
    void programHeaderRules() {
        // e_phoff = 64 and e_phnum = 1: the table's entry size, then its extent, are checked.
        fails(() -> ElfProgramHeader.readAll(ElfFile.parse(typical(true, true).put(32, 64, 8).put(56, 1, 2)
                .source())), "e_phentsize = 0, expected 56 for ELF64", 54);
        Built b = typical(true, true);
        fails(() -> ElfProgramHeader.readAll(ElfFile.parse(typical(true, true).put(32, b.bytes().length - 8, 8)
                .put(54, 56, 2).put(56, 1, 2).source())), "program header table of 1 entries of 56 bytes", 32);
        fails(() -> ElfProgramHeader.readAll(ElfFile.parse(typical(false, true).put(28, 52, 4).put(44, 1, 2)
                .source())), "e_phentsize = 0, expected 32 for ELF32", 42);
    }
}
