package dev.hagfish.elf;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ElfSymbols} reads an ELF symbol table ({@code SHT_SYMTAB} or {@code SHT_DYNSYM}; System V
 * gABI, "Symbol Table") into {@link ElfSymbol}s, in table order, the null symbol included.
 *
 * <p>Before anything is allocated, the table's {@code sh_entsize} must be that of
 * {@code Elf32_Sym}/{@code Elf64_Sym}, its {@code sh_size} a multiple of it, and its
 * {@code sh_link} a string table with bytes. Every name must lie inside that string table and
 * end with a NUL there; every section index must name a section, directly or through an
 * {@code SHT_SYMTAB_SHNDX} table long enough for every symbol. A violation throws a
 * {@link FormatException} naming the section or symbol and its file offset.
 *
 * <p>Stateless; safe to use from any thread.
 */
public final class ElfSymbols {
    /** {@code sh_type}: the dynamic linker's symbol table. */
    public static final long SHT_DYNSYM = 11;
    /** {@code sh_type}: the extended section indexes of a symbol table. */
    public static final long SHT_SYMTAB_SHNDX = 18;

    private ElfSymbols() {}

    /**
     * Returns the table {@link #read(ElfFile)} reads: the first {@code SHT_SYMTAB} section with
     * bytes, else the first {@code SHT_DYNSYM} section with bytes (a separate debug file keeps
     * {@code .symtab} but turns {@code .dynsym} into {@code SHT_NOBITS}).
     */
    public static Optional<ElfSection> table(ElfFile file) {
        for (long type : new long[] {ElfSection.SHT_SYMTAB, SHT_DYNSYM}) {
            for (ElfSection s : file.sections()) {
                if (s.type() == type && !s.isNoBits()) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the symbols of {@code .symtab}, else of {@code .dynsym}; an empty list when the file
     * has neither.
     *
     * @throws FormatException if the table is malformed (see the class comment)
     */
    public static List<ElfSymbol> read(ElfFile file) throws FormatException {
        Optional<ElfSection> t = table(file);
        return t.isEmpty() ? List.of() : read(file, t.get());
    }

    /**
     * Reads one symbol table.
     *
     * @param file the file
     * @param table one of its {@code SHT_SYMTAB} or {@code SHT_DYNSYM} sections
     * @throws FormatException if the table is malformed (see the class comment)
     */
    public static List<ElfSymbol> read(ElfFile file, ElfSection table) throws FormatException {
        ByteSource src = file.source();
        boolean is64 = file.header().is64();
        int entsize = is64 ? 24 : 16;
        String what = "section " + table.index() + " (" + table.name() + ")";
        long at = headerOffset(file, table.index());
        if (table.entsize() != entsize) {
            throw new FormatException(src.describe(), at, what + ": sh_entsize " + table.entsize() + ", expected "
                    + entsize + " for " + (is64 ? "Elf64_Sym" : "Elf32_Sym"));
        }
        if (table.size() % entsize != 0) {
            throw new FormatException(src.describe(), at, what + ": sh_size 0x" + Long.toHexString(table.size())
                    + " is not a multiple of sh_entsize " + entsize);
        }
        long count = table.size() / entsize;
        if (count > Integer.MAX_VALUE - 8) {
            throw new FormatException(src.describe(), at, what + ": " + count + " symbols are too many");
        }
        StringTable names = StringTable.of(file, table, at, what);
        long[] extended = extendedIndexes(file, table, (int) count);
        List<ElfSymbol> out = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            out.add(symbol(file, table.offset() + (long) i * entsize, i, names, extended));
        }
        return out;
    }

    private static ElfSymbol symbol(ElfFile file, long off, int i, StringTable names, long[] extended)
            throws FormatException {
        ByteSource src = file.source();
        boolean is64 = file.header().is64();
        long nameOff = src.u32(off);
        int info = src.u8(off + (is64 ? 4 : 12));
        int other = src.u8(off + (is64 ? 5 : 13));
        long shndxAt = off + (is64 ? 6 : 14);
        long shndx = src.u16(shndxAt);
        long value = is64 ? src.u64(off + 8) : src.u32(off + 4);
        long size = is64 ? src.u64(off + 16) : src.u32(off + 8);
        String name = names.at(nameOff, off, "symbol " + i + ": st_name");
        if (shndx == ElfHeader.SHN_XINDEX) {
            if (extended == null) {
                throw new FormatException(src.describe(), shndxAt, "symbol " + i + " (" + name
                        + "): st_shndx is SHN_XINDEX but no SHT_SYMTAB_SHNDX section belongs to the table");
            }
            shndx = extended[i];
        } else if (shndx >= ElfHeader.SHN_LORESERVE) {
            return new ElfSymbol(i, name, value, size, info & 0xf, info >>> 4, other & 0x3, shndx, null);
        }
        if (shndx == ElfHeader.SHN_UNDEF) {
            return new ElfSymbol(i, name, value, size, info & 0xf, info >>> 4, other & 0x3, shndx, null);
        }
        if (shndx >= file.sections().size()) {
            throw new FormatException(src.describe(), shndxAt, "symbol " + i + " (" + name + "): section index "
                    + shndx + " is not below the section count " + file.sections().size());
        }
        return new ElfSymbol(i, name, value, size, info & 0xf, info >>> 4, other & 0x3, shndx,
                file.sections().get((int) shndx).name());
    }

    /**
     * Returns the {@code SHT_SYMTAB_SHNDX} entries of a table (the section whose {@code sh_link}
     * is the table), or null when it has none.
     */
    private static long[] extendedIndexes(ElfFile file, ElfSection table, int count) throws FormatException {
        for (ElfSection s : file.sections()) {
            if (s.type() != SHT_SYMTAB_SHNDX || s.link() != table.index() || s.isNoBits()) {
                continue;
            }
            if (s.size() / 4 < count) {
                throw new FormatException(file.source().describe(), headerOffset(file, s.index()), "section "
                        + s.index() + " (" + s.name() + "): SHT_SYMTAB_SHNDX of 0x" + Long.toHexString(s.size())
                        + " bytes holds fewer than the " + count + " entries of " + table.name());
            }
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                out[i] = file.source().u32(s.offset() + 4L * i);
            }
            return out;
        }
        return null;
    }

    static long headerOffset(ElfFile file, int index) {
        return file.header().shoff() + (long) index * file.header().shentsize();
    }
}
