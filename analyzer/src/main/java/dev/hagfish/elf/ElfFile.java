package dev.hagfish.elf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code ElfFile} is a parsed ELF file (System V gABI, "Object Files"), read as a container of
 * sections: ELF32 and ELF64, little- and big-endian, with extended section numbering. hagfish uses
 * it to reach the DWARF of Linux debug files ({@code .debug_*}, plain, {@code SHF_COMPRESSED} or
 * legacy {@code .zdebug_*}) for scale tests and for comparisons with pahole; program headers,
 * symbols and relocations are not decoded.
 *
 * <p>The header and the section header table are parsed and validated eagerly: every section
 * that has file bytes must lie inside the file, and every name must lie inside the name table.
 * Section bytes are produced on demand by {@link #sectionBytes}, which inflates compressed
 * sections once and keeps the result.
 *
 * <p>Safe to share between threads.
 */
public final class ElfFile {
    private final ByteSource source;
    private final ElfHeader header;
    private final List<ElfSection> sections;
    private final Map<Integer, ByteSource> inflated = new HashMap<>();

    private ElfFile(ByteSource source, ElfHeader header, List<ElfSection> sections) {
        this.source = source;
        this.header = header;
        this.sections = List.copyOf(sections);
    }

    /**
     * Tells whether {@code source} starts with the ELF magic {@code \x7fELF}.
     *
     * @param source any bytes
     * @return true for an ELF file
     * @throws FormatException never in practice: the length is checked before reading
     */
    public static boolean hasMagic(ByteSource source) throws FormatException {
        return source.size() >= 4 && source.u8(0) == 0x7f && source.u8(1) == 'E' && source.u8(2) == 'L'
                && source.u8(3) == 'F';
    }

    /**
     * Parses an ELF file.
     *
     * @param file the whole file, in any byte order ({@code EI_DATA} decides)
     * @return the parsed file
     * @throws FormatException if the header or the section header table is malformed, a section
     *     with file bytes lies outside the file, or a name lies outside the name table
     */
    public static ElfFile parse(ByteSource file) throws FormatException {
        ElfHeader raw = ElfHeader.read(file);
        ByteSource src = file.withOrder(raw.order());
        if (raw.shoff() == 0) {
            if (raw.shnum() != 0) {
                throw new FormatException(src.describe(), raw.is64() ? 60 : 48,
                        "e_shnum = " + raw.shnum() + " but e_shoff = 0 (no section header table)");
            }
            return new ElfFile(src, raw.withSectionNumbering(0, 0), List.of());
        }
        checkShentsize(src, raw);
        ElfSection first = readHeader(src, raw, 0);
        long count = raw.shnum() != 0 ? raw.shnum() : first.size();
        long strndx = raw.shstrndx() == ElfHeader.SHN_XINDEX ? first.link() : raw.shstrndx();
        ElfHeader header = raw.withSectionNumbering(count, strndx);
        checkTable(src, header);
        if (raw.shstrndx() >= ElfHeader.SHN_LORESERVE && raw.shstrndx() != ElfHeader.SHN_XINDEX) {
            throw new FormatException(src.describe(), raw.is64() ? 62 : 50, "e_shstrndx = 0x"
                    + Long.toHexString(raw.shstrndx()) + " is a reserved index other than SHN_XINDEX");
        }
        if (strndx >= count && strndx != ElfHeader.SHN_UNDEF) {
            throw new FormatException(src.describe(), raw.shstrndx() == ElfHeader.SHN_XINDEX
                    ? headerOffset(header, 0) : raw.is64() ? 62 : 50,
                    "section-name table index " + strndx + " is not below the section count " + count);
        }
        long[] nameOffsets = new long[(int) count];
        List<ElfSection> unnamed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            unnamed.add(i == 0 ? first : readHeader(src, header, i));
            nameOffsets[i] = src.u32(headerOffset(header, i));
        }
        List<ElfSection> named = names(src, header, unnamed, nameOffsets);
        for (ElfSection s : named) {
            checkBounds(src, header, s);
        }
        return new ElfFile(src, header, named);
    }

    /** Returns the file, in the byte order of its {@code EI_DATA}. */
    public ByteSource source() {
        return source;
    }

    /** Returns the header, with the effective section count and name-table index. */
    public ElfHeader header() {
        return header;
    }

    /** Returns every section header, in table order (index 0 is the null section). */
    public List<ElfSection> sections() {
        return sections;
    }

    /** Returns the first section with this name, if any. */
    public Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Returns a section's bytes, in the file's byte order: a slice of the file, or for a
     * compressed section ({@code SHF_COMPRESSED} with {@code ELFCOMPRESS_ZLIB}, or a legacy
     * {@code .zdebug_*} section) the inflated bytes, whose length is the size the compression
     * header declares. An {@code SHT_NOBITS} section has no bytes: the result is empty.
     *
     * @param section one of {@link #sections()}
     * @throws FormatException if the compression header is malformed, declares an implausible
     *     size, uses zstd or an unknown algorithm, or the zlib data is corrupt or of another length
     */
    public ByteSource sectionBytes(ElfSection section) throws FormatException {
        if (section.index() < 0 || section.index() >= sections.size() || !sections.get(section.index()).equals(section)) {
            throw new IllegalArgumentException("section " + section.index() + " is not a section of " + source.describe());
        }
        String name = source.describe() + " (" + section.name() + ")";
        if (section.isNoBits()) {
            return source.slice(0, 0, name);
        }
        ByteSource raw = source.slice(section.offset(), section.size(), name);
        if (!section.isCompressed() && !section.isLegacyZdebug()) {
            return raw;
        }
        synchronized (inflated) {
            ByteSource done = inflated.get(section.index());
            if (done == null) {
                done = section.isCompressed()
                        ? SectionInflater.inflateChdr(raw, section, header.is64(), source.describe())
                        : SectionInflater.inflateZdebug(raw, section, source.describe());
                inflated.put(section.index(), done);
            }
            return done;
        }
    }

    private static void checkShentsize(ByteSource src, ElfHeader h) throws FormatException {
        if (h.shentsize() != h.expectedShentsize()) {
            throw new FormatException(src.describe(), h.is64() ? 58 : 46, "e_shentsize = " + h.shentsize()
                    + ", expected " + h.expectedShentsize() + " for " + (h.is64() ? "ELF64" : "ELF32"));
        }
        if (Long.compareUnsigned(h.shoff(), src.size()) > 0
                || h.shentsize() > src.size() - h.shoff()) {
            throw new FormatException(src.describe(), h.is64() ? 40 : 32, "section header table at e_shoff 0x"
                    + Long.toHexString(h.shoff()) + " starts past the end of the file (size 0x"
                    + Long.toHexString(src.size()) + ")");
        }
    }

    private static void checkTable(ByteSource src, ElfHeader h) throws FormatException {
        long room = (src.size() - h.shoff()) / h.shentsize();
        if (Long.compareUnsigned(h.shnum(), room) > 0 || h.shnum() > Integer.MAX_VALUE) {
            throw new FormatException(src.describe(), h.shoff(), "section header table of "
                    + Long.toUnsignedString(h.shnum()) + " entries of " + h.shentsize() + " bytes at e_shoff 0x"
                    + Long.toHexString(h.shoff()) + " extends past the end of the file (size 0x"
                    + Long.toHexString(src.size()) + ")");
        }
    }

    private static long headerOffset(ElfHeader h, int index) {
        return h.shoff() + (long) index * h.shentsize();
    }

    /** Decodes section header {@code index}, whose bounds the caller checked; the name is left empty. */
    private static ElfSection readHeader(ByteSource src, ElfHeader h, int index) throws FormatException {
        BinaryCursor c = new BinaryCursor(src, headerOffset(h, index));
        boolean is64 = h.is64();
        c.skip(4);
        long type = c.u32();
        long flags = ElfHeader.word(c, is64);
        long addr = ElfHeader.word(c, is64);
        long offset = ElfHeader.word(c, is64);
        long size = ElfHeader.word(c, is64);
        long link = c.u32();
        long info = c.u32();
        long addralign = ElfHeader.word(c, is64);
        long entsize = ElfHeader.word(c, is64);
        return new ElfSection(index, "", type, flags, addr, offset, size, link, info, addralign, entsize);
    }

    /**
     * Looks up every section's {@code sh_name} in the section-name table, which must itself lie
     * inside the file and hold a NUL-terminated name at every offset used.
     */
    private static List<ElfSection> names(ByteSource src, ElfHeader h, List<ElfSection> raw, long[] nameOffsets)
            throws FormatException {
        if (h.shstrndx() == ElfHeader.SHN_UNDEF) {
            return raw;
        }
        byte[] strtab = nameTable(src, h, raw.get((int) h.shstrndx()));
        int[] nuls = nulPositions(strtab);
        List<ElfSection> out = new ArrayList<>(raw.size());
        for (ElfSection s : raw) {
            long off = nameOffsets[s.index()];
            if (off == 0 && strtab.length == 0) {
                out.add(s);
                continue;
            }
            if (off >= strtab.length) {
                throw new FormatException(src.describe(), headerOffset(h, s.index()), "section " + s.index()
                        + ": sh_name 0x" + Long.toHexString(off) + " is past the end of the section-name table (size 0x"
                        + Long.toHexString(strtab.length) + ")");
            }
            int at = Arrays.binarySearch(nuls, (int) off);
            int end = at >= 0 ? nuls[at] : -at - 1 < nuls.length ? nuls[-at - 1] : -1;
            if (end < 0) {
                throw new FormatException(src.describe(), headerOffset(h, s.index()), "section " + s.index()
                        + ": the name at sh_name 0x" + Long.toHexString(off)
                        + " has no NUL before the end of the section-name table");
            }
            String name = new String(strtab, (int) off, end - (int) off, StandardCharsets.UTF_8);
            out.add(new ElfSection(s.index(), name, s.type(), s.flags(), s.addr(), s.offset(), s.size(), s.link(),
                    s.info(), s.addralign(), s.entsize()));
        }
        return out;
    }

    /** Reads the section-name table, which must have bytes inside the file. */
    private static byte[] nameTable(ByteSource src, ElfHeader h, ElfSection table) throws FormatException {
        if (table.isNoBits()) {
            throw new FormatException(src.describe(), headerOffset(h, table.index()), "section-name table (section "
                    + table.index() + ") is SHT_NOBITS and has no bytes");
        }
        checkBounds(src, h, table);
        if (table.size() > Integer.MAX_VALUE - 8) {
            throw new FormatException(src.describe(), headerOffset(h, table.index()), "section-name table (section "
                    + table.index() + ") of 0x" + Long.toHexString(table.size()) + " bytes is too large");
        }
        return src.bytes(table.offset(), (int) table.size());
    }

    /** Returns the positions of the NUL bytes, ascending. */
    private static int[] nulPositions(byte[] b) {
        int n = 0;
        for (byte x : b) {
            n += x == 0 ? 1 : 0;
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < b.length; i++) {
            if (b[i] == 0) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** Every section with file bytes must lie inside the file. */
    static void checkBounds(ByteSource src, ElfHeader h, ElfSection s) throws FormatException {
        if (s.isNoBits() || s.type() == ElfSection.SHT_NULL) {
            return;
        }
        if (Long.compareUnsigned(s.offset(), src.size()) > 0
                || Long.compareUnsigned(s.size(), src.size() - s.offset()) > 0) {
            throw new FormatException(src.describe(), headerOffset(h, s.index()), "section " + s.index() + " ("
                    + s.name() + "): sh_offset 0x" + Long.toHexString(s.offset()) + " + sh_size 0x"
                    + Long.toHexString(s.size()) + " extends past the end of the file (size 0x"
                    + Long.toHexString(src.size()) + ")");
        }
    }
}
