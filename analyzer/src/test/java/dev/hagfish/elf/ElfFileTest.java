package dev.hagfish.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link ElfFile} over synthetic files in all four class/byte-order combinations, with extended
 * section numbering and compressed sections, and one malformed file per validation rule.
 */
class ElfFileTest {
    private static final byte[] PLAIN = "the quick brown fox jumps over the lazy dog, again and again and again"
            .getBytes(StandardCharsets.US_ASCII);

    /** A section to lay out: {@code data} is null for SHT_NOBITS. */
    record Sec(String name, long type, long flags, byte[] data) {}

    /** A synthetic file and where its parts are. */
    record Built(byte[] bytes, boolean is64, boolean little, long shoff, long[] dataOffsets) {
        int shentsize() {
            return is64 ? 64 : 40;
        }

        long sh(int index) {
            return shoff + (long) index * shentsize();
        }

        /** Overwrites a field of {@code width} bytes in the file's byte order. */
        Built put(long off, long value, int width) {
            for (int i = 0; i < width; i++) {
                int shift = little ? 8 * i : 8 * (width - 1 - i);
                bytes[(int) off + i] = (byte) (value >>> shift);
            }
            return this;
        }

        /** Overwrites field {@code field} (0 = sh_name … 9 = sh_entsize) of section header {@code index}. */
        Built putSh(int index, int field, long value) {
            int[] off64 = {0, 4, 8, 16, 24, 32, 40, 44, 48, 56};
            int[] off32 = {0, 4, 8, 12, 16, 20, 24, 28, 32, 36};
            int width = field <= 1 || field == 6 || field == 7 || !is64 ? 4 : 8;
            return put(sh(index) + (is64 ? off64 : off32)[field], value, width);
        }

        ByteSource source() {
            return ByteSource.of(bytes, "t.elf");
        }
    }

    /**
     * Lays out: the header, each section's bytes, {@code .shstrtab}, then the section header table
     * ([0] null, the sections, {@code .shstrtab}).
     */
    static Built build(boolean is64, boolean little, boolean extended, List<Sec> secs) {
        StringBuilder names = new StringBuilder("\0");
        List<Integer> nameOffsets = new ArrayList<>();
        for (Sec s : secs) {
            nameOffsets.add(names.length());
            names.append(s.name()).append('\0');
        }
        int shstrName = names.length();
        names.append(".shstrtab\0");
        byte[] strtab = names.toString().getBytes(StandardCharsets.US_ASCII);
        int ehsize = is64 ? 64 : 52;
        long[] dataOff = new long[secs.size() + 1];
        long pos = ehsize;
        for (int i = 0; i < secs.size(); i++) {
            dataOff[i] = pos;
            pos += secs.get(i).data() == null ? 0 : secs.get(i).data().length;
        }
        dataOff[secs.size()] = pos;
        pos += strtab.length;
        long pad = (8 - pos % 8) % 8;
        long shoff = pos + pad;
        int count = secs.size() + 2;
        TestBytes b = little ? TestBytes.le() : TestBytes.be();
        b.u8(0x7f).bytes("ELF".getBytes(StandardCharsets.US_ASCII)).u8(is64 ? 2 : 1).u8(little ? 1 : 2).u8(1)
                .zeros(9);
        b.u16(ElfHeader.ET_EXEC).u16(62).u32(1);
        word(b, is64, 0x401000);
        word(b, is64, 0);
        word(b, is64, shoff);
        b.u32(0).u16(ehsize).u16(0).u16(0).u16(is64 ? 64 : 40);
        b.u16(extended ? 0 : count).u16(extended ? ElfHeader.SHN_XINDEX : count - 1);
        for (Sec s : secs) {
            if (s.data() != null) {
                b.bytes(s.data());
            }
        }
        b.bytes(strtab).zeros((int) pad);
        shdr(b, is64, 0, 0, 0, 0, extended ? count : 0, extended ? count - 1 : 0);
        for (int i = 0; i < secs.size(); i++) {
            Sec s = secs.get(i);
            shdr(b, is64, nameOffsets.get(i), s.type(), s.flags(), dataOff[i],
                    s.data() == null ? 0x1000 : s.data().length, 0);
        }
        shdr(b, is64, shstrName, ElfSection.SHT_STRTAB, 0, dataOff[secs.size()], strtab.length, 0);
        return new Built(b.build(), is64, little, shoff, dataOff);
    }

    private static void word(TestBytes b, boolean is64, long v) {
        if (is64) {
            b.u64(v);
        } else {
            b.u32(v);
        }
    }

    private static void shdr(TestBytes b, boolean is64, long name, long type, long flags, long offset, long size,
            long link) {
        b.u32(name).u32(type);
        word(b, is64, flags);
        word(b, is64, 0x2000);
        word(b, is64, offset);
        word(b, is64, size);
        b.u32(link).u32(0);
        word(b, is64, 1);
        word(b, is64, 0);
    }

    static byte[] zlib(byte[] plain) {
        Deflater d = new Deflater();
        d.setInput(plain);
        d.finish();
        byte[] buf = new byte[plain.length + 64];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    /** An SHF_COMPRESSED payload: Elf32_Chdr/Elf64_Chdr, then zlib data. */
    static byte[] chdr(boolean is64, boolean little, long type, long size, byte[] data) {
        TestBytes b = little ? TestBytes.le() : TestBytes.be();
        b.u32(type);
        if (is64) {
            b.u32(0).u64(size).u64(1);
        } else {
            b.u32(size).u32(1);
        }
        return b.bytes(data).build();
    }

    static List<Sec> typical(boolean is64, boolean little) {
        return List.of(new Sec(".text", ElfSection.SHT_PROGBITS, ElfSection.SHF_ALLOC | ElfSection.SHF_EXECINSTR,
                        new byte[] {1, 2, 3, 4}),
                new Sec(".bss", ElfSection.SHT_NOBITS, ElfSection.SHF_ALLOC | ElfSection.SHF_WRITE, null),
                new Sec(".debug_str", ElfSection.SHT_PROGBITS, ElfSection.SHF_COMPRESSED,
                        chdr(is64, little, SectionInflater.ELFCOMPRESS_ZLIB, PLAIN.length, zlib(PLAIN))),
                new Sec(".zdebug_line", ElfSection.SHT_PROGBITS, 0, TestBytes.be().bytes("ZLIB".getBytes(
                        StandardCharsets.US_ASCII)).u64(PLAIN.length).bytes(zlib(PLAIN)).build()));
    }

    @Test
    void everyClassAndByteOrderParsesAndInflates() throws FormatException {
        for (boolean is64 : new boolean[] {false, true}) {
            for (boolean little : new boolean[] {true, false}) {
                for (boolean extended : new boolean[] {false, true}) {
                    String what = (is64 ? "ELF64" : "ELF32") + (little ? " LE" : " BE") + (extended ? " ext" : "");
                    ElfFile f = ElfFile.parse(build(is64, little, extended, typical(is64, little)).source());
                    ElfHeader h = f.header();
                    assertEquals(is64, h.is64(), what);
                    assertEquals(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, h.order(), what);
                    assertEquals(ElfHeader.ET_EXEC, h.type(), what);
                    assertEquals(62, h.machine(), what);
                    assertEquals(0x401000, h.entry(), what);
                    assertEquals(6, h.shnum(), what);
                    assertEquals(5, h.shstrndx(), what);
                    assertEquals(List.of("", ".text", ".bss", ".debug_str", ".zdebug_line", ".shstrtab"),
                            f.sections().stream().map(ElfSection::name).toList(), what);
                    ElfSection text = f.section(".text").orElseThrow();
                    assertEquals(0x2000, text.addr(), what);
                    assertEquals(little ? 0x04030201L : 0x01020304L, f.sectionBytes(text).u32(0), what);
                    assertEquals(0, f.sectionBytes(f.section(".bss").orElseThrow()).size(), what);
                    assertEquals(0x1000, f.section(".bss").orElseThrow().size(), what);
                    ByteSource str = f.sectionBytes(f.section(".debug_str").orElseThrow());
                    assertArrayEquals(PLAIN, str.bytes(0, (int) str.size()), what);
                    assertEquals(h.order(), str.order(), what);
                    DwarfSections d = DwarfLoader.fromElf(f);
                    assertEquals(java.util.Map.of("debug_str", (long) PLAIN.length, "debug_line", (long) PLAIN.length),
                            d.sizes(), what);
                }
            }
        }
    }

    @Test
    void aFileWithoutSectionHeadersHasNoSections() throws FormatException {
        Built b = build(true, true, false, List.of());
        b.put(40, 0, 8).put(60, 0, 2);
        assertEquals(List.of(), ElfFile.parse(b.source()).sections());
    }

    private static void fails(Executable e, String detail, long offset) {
        FormatException x = assertThrows(FormatException.class, e);
        assertTrue(x.detail().contains(detail), x.getMessage());
        assertEquals(offset, x.offset(), x.getMessage());
        assertTrue(x.source().startsWith("t.elf"), x.getMessage());
    }

    private static void parseFails(Built b, String detail, long offset) {
        fails(() -> ElfFile.parse(b.source()), detail, offset);
    }

    private static Built typical64() {
        return build(true, true, false, typical(true, true));
    }

    @Test
    void headerRules() {
        byte[] tiny = {0x7f, 'E', 'L', 'F', 2, 1, 1};
        fails(() -> ElfFile.parse(ByteSource.of(tiny, "t.elf")), "shorter than e_ident", 0);
        parseFails(typical64().put(1, 'X', 1), "no ELF magic", 0);
        parseFails(typical64().put(4, 3, 1), "EI_CLASS] = 3", 4);
        parseFails(typical64().put(5, 0, 1), "EI_DATA] = 0", 5);
        parseFails(typical64().put(6, 2, 1), "EI_VERSION] = 2", 6);
        byte[] shortHeader = java.util.Arrays.copyOf(typical64().bytes(), 40);
        fails(() -> ElfFile.parse(ByteSource.of(shortHeader, "t.elf")), "shorter than the Elf64_Ehdr", 0);
        parseFails(typical64().put(58, 40, 2), "e_shentsize = 40, expected 64", 58);
        parseFails(build(false, false, false, List.of()).put(46, 64, 2), "e_shentsize = 64, expected 40", 46);
        parseFails(typical64().put(40, 0, 8), "e_shnum = 6 but e_shoff = 0", 60);
    }

    @Test
    void sectionTableRules() {
        Built b = typical64();
        parseFails(typical64().put(40, b.bytes().length - 10, 8), "starts past the end of the file", 40);
        parseFails(typical64().put(60, 7, 2), "7 entries of 64 bytes at e_shoff", b.shoff());
        parseFails(build(true, true, true, typical(true, true)).putSh(0, 5, 1000), "1000 entries", b.shoff());
        parseFails(typical64().put(62, 6, 2), "section-name table index 6 is not below the section count 6", 62);
        parseFails(typical64().put(62, 0xff05, 2), "reserved index other than SHN_XINDEX", 62);
        parseFails(build(true, true, true, typical(true, true)).putSh(0, 6, 9), "index 9 is not below", b.shoff());
    }

    @Test
    void sectionRules() {
        Built b = typical64();
        parseFails(typical64().putSh(1, 0, 0x500), "section 1: sh_name 0x500 is past the end of the section-name table",
                b.sh(1));
        // Cut the name table inside ".debug_str" (names: "\0.text\0.bss\0.debug_str\0...").
        parseFails(typical64().putSh(5, 5, 17), "section 3: the name at sh_name 0xc has no NUL", b.sh(3));
        parseFails(typical64().putSh(5, 1, ElfSection.SHT_NOBITS), "is SHT_NOBITS", b.sh(5));
        parseFails(typical64().putSh(1, 5, 0x100000), "section 1 (.text): sh_offset 0x40 + sh_size 0x100000",
                b.sh(1));
        parseFails(typical64().putSh(1, 4, -16), "extends past the end of the file", b.sh(1));
        parseFails(typical64().putSh(5, 4, b.bytes().length + 1), "extends past the end of the file", b.sh(5));
    }

    /** Replaces the bytes of .debug_str (section 3) with a compressed payload of the same length. */
    private static void compressedFails(boolean is64, boolean little, byte[] payload, String detail, long rel) {
        List<Sec> secs = new ArrayList<>(typical(is64, little));
        secs.set(2, new Sec(".debug_str", ElfSection.SHT_PROGBITS, ElfSection.SHF_COMPRESSED, payload));
        Built b = build(is64, little, false, secs);
        fails(() -> {
            ElfFile f = ElfFile.parse(b.source());
            f.sectionBytes(f.sections().get(3));
        }, detail, b.dataOffsets()[2] + rel);
    }

    @Test
    void compressionRules() {
        byte[] z = zlib(PLAIN);
        for (boolean is64 : new boolean[] {false, true}) {
            for (boolean little : new boolean[] {true, false}) {
                int sizeField = is64 ? 8 : 4;
                int data = is64 ? 24 : 12;
                compressedFails(is64, little, new byte[data - 1], "shorter than the Elf", 0);
                compressedFails(is64, little, chdr(is64, little, 2, PLAIN.length, z),
                        "section 3 (.debug_str) is compressed with zstd (ELFCOMPRESS_ZSTD)", 0);
                compressedFails(is64, little, chdr(is64, little, 7, PLAIN.length, z), "unknown ch_type 7", 0);
                compressedFails(is64, little, chdr(is64, little, 1, 0xffffffffL, z), "ch_size 0xffffffff is implausible",
                        sizeField);
                compressedFails(is64, little, chdr(is64, little, 1, PLAIN.length + 1, z),
                        "the zlib stream ends after 0x46 bytes but ch_size declares 0x47", data + z.length);
                compressedFails(is64, little, chdr(is64, little, 1, PLAIN.length - 1, z),
                        "does not end at the 0x45 bytes that ch_size declares", data + z.length);
                byte[] bad = z.clone();
                bad[0] = 0x7a;
                compressedFails(is64, little, chdr(is64, little, 1, PLAIN.length, bad), "corrupt zlib data: incorrect header check", data + 2);
            }
        }
        compressedFails(true, true, chdr(true, true, 1, -1L, z), "ch_size 0xffffffffffffffff is implausible", 8);
    }

    @Test
    void zdebugRules() {
        List<Sec> secs = new ArrayList<>(typical(true, true));
        secs.set(3, new Sec(".zdebug_line", ElfSection.SHT_PROGBITS, 0, "ZLUB........".getBytes(StandardCharsets.US_ASCII)));
        Built b = build(true, true, false, secs);
        fails(() -> {
            ElfFile f = ElfFile.parse(b.source());
            f.sectionBytes(f.sections().get(4));
        }, "section 4 (.zdebug_line): a .zdebug section must start with \"ZLIB\"", b.dataOffsets()[3]);
        byte[] huge = TestBytes.be().bytes("ZLIB".getBytes(StandardCharsets.US_ASCII)).u64(1L << 40)
                .bytes(zlib(PLAIN)).build();
        secs.set(3, new Sec(".zdebug_line", ElfSection.SHT_PROGBITS, 0, huge));
        Built h = build(true, true, false, secs);
        fails(() -> {
            ElfFile f = ElfFile.parse(h.source());
            f.sectionBytes(f.sections().get(4));
        }, "the ZLIB header's size 0x10000000000 is implausible", h.dataOffsets()[3] + 4);
    }
}
