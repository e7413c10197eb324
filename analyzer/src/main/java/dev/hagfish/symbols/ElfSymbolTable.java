package dev.hagfish.symbols;

import dev.hagfish.elf.ElfFile;
import dev.hagfish.elf.ElfHeader;
import dev.hagfish.elf.ElfSection;
import dev.hagfish.elf.ElfSymbol;
import dev.hagfish.elf.ElfSymbols;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ElfSymbolTable} holds an ELF file's symbols (from {@code .symtab}, else
 * {@code .dynsym}; see {@link ElfSymbols}) as {@link Symbol}s, and their {@link SymbolRanges}:
 * <ul>
 *   <li>{@link #symbols()} lists, in table order, the symbols {@code llvm-nm} prints: not the null
 *       symbol, section and file symbols, nor the mapping symbols ({@code $x}, {@code $d}, …) of
 *       ARM and AArch64. Each has {@code llvm-nm}'s address (bit 0 of ARM and MIPS function
 *       addresses cleared, the section address added in ET_REL files) and type letter;
 *   <li>{@link #ranges()} holds the symbols {@code llvm-symbolizer} attributes addresses to:
 *       functions, objects, indirect functions and untyped symbols of allocated sections, with
 *       their {@code st_size} (LLVM 19, {@code SymbolizableObjectFile::addSymbol}).
 * </ul>
 * Kinds: {@code STT_FUNC}/{@code STT_GNU_IFUNC} are functions, {@code STT_OBJECT}/{@code STT_TLS}/
 * {@code STT_COMMON} in a section are data, an untyped symbol is a function in an executable
 * section and data elsewhere; {@code SHN_UNDEF} is undefined, {@code SHN_COMMON} common, and
 * {@code SHN_ABS} (or another reserved index) absolute. A symbol is external unless it is
 * {@code STB_LOCAL}; private external when it is also hidden or internal.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ElfSymbolTable {
    private static final int EM_MIPS = 8;
    private static final int EM_ARM = 40;
    private static final int EM_AARCH64 = 183;

    private final List<Symbol> symbols;
    private final SymbolRanges ranges;

    private ElfSymbolTable(List<Symbol> symbols, SymbolRanges ranges) {
        this.symbols = List.copyOf(symbols);
        this.ranges = ranges;
    }

    /**
     * Reads and converts a file's symbols.
     *
     * @throws FormatException if the symbol table is malformed
     */
    public static ElfSymbolTable of(ElfFile file) throws FormatException {
        return of(file, ElfSymbols.read(file));
    }

    /**
     * Converts symbols already read from a file.
     *
     * @param file the file the symbols belong to
     * @param raw its symbols, as {@link ElfSymbols#read(ElfFile)} returns them
     */
    public static ElfSymbolTable of(ElfFile file, List<ElfSymbol> raw) {
        List<Symbol> out = new ArrayList<>();
        List<SymbolRanges.Entry> ranges = new ArrayList<>();
        for (ElfSymbol s : raw) {
            if (s.index() == 0 || s.type() == ElfSymbol.STT_SECTION || s.type() == ElfSymbol.STT_FILE
                    || isMappingSymbol(file, s)) {
                continue;
            }
            ElfSection sect = s.inSection() ? file.sections().get((int) s.shndx()) : null;
            long address = address(file, s, sect);
            boolean external = s.isGlobal();
            boolean hidden = s.visibility() == ElfSymbol.STV_HIDDEN || s.visibility() == ElfSymbol.STV_INTERNAL;
            out.add(new Symbol(s.name(), s.isUndefined() ? 0 : address, s.size(), kind(s, sect),
                    sect == null ? "" : sect.name(), external, external && hidden, nmType(s, sect), s.index()));
            if (sect != null && (sect.flags() & ElfSection.SHF_ALLOC) != 0 && symbolizes(s)) {
                ranges.add(new SymbolRanges.Entry(s.name(), address, s.size()));
            }
        }
        return new ElfSymbolTable(out, SymbolRanges.of(ranges));
    }

    /** Returns the symbols {@code llvm-nm} prints, in symbol-table order. */
    public List<Symbol> symbols() {
        return symbols;
    }

    /** Returns the ranges {@code llvm-symbolizer} attributes addresses to. */
    public SymbolRanges ranges() {
        return ranges;
    }

    private static boolean symbolizes(ElfSymbol s) {
        int t = s.type();
        return t == ElfSymbol.STT_NOTYPE || t == ElfSymbol.STT_FUNC || t == ElfSymbol.STT_OBJECT
                || t == ElfSymbol.STT_GNU_IFUNC;
    }

    /** ARM and AArch64 mark code and data in sections with {@code $a}, {@code $t}, {@code $x} and {@code $d} symbols. */
    private static boolean isMappingSymbol(ElfFile file, ElfSymbol s) {
        int m = file.header().machine();
        if (m != EM_ARM && m != EM_AARCH64) {
            return false;
        }
        String n = s.name();
        return n.length() >= 2 && n.charAt(0) == '$' && "atxd".indexOf(n.charAt(1)) >= 0
                && (n.length() == 2 || n.charAt(2) == '.');
    }

    /** The address {@code llvm-nm} prints ({@code ELFObjectFile::getSymbolAddress}). */
    private static long address(ElfFile file, ElfSymbol s, ElfSection sect) {
        long v = s.value();
        if (s.shndx() == ElfSymbol.SHN_ABS && !s.inSection()) {
            return v;
        }
        int m = file.header().machine();
        if ((m == EM_ARM || m == EM_MIPS) && s.type() == ElfSymbol.STT_FUNC) {
            v &= ~1L; // the Thumb or microMIPS bit
        }
        if (file.header().type() == ElfHeader.ET_REL && sect != null) {
            v += sect.addr();
        }
        return v;
    }

    private static SymbolKind kind(ElfSymbol s, ElfSection sect) {
        if (s.isUndefined()) {
            return SymbolKind.UNDEFINED;
        }
        if (sect == null) {
            return s.shndx() == ElfSymbol.SHN_COMMON ? SymbolKind.COMMON : SymbolKind.ABSOLUTE;
        }
        return switch (s.type()) {
            case ElfSymbol.STT_FUNC, ElfSymbol.STT_GNU_IFUNC -> SymbolKind.FUNCTION;
            case ElfSymbol.STT_NOTYPE -> (sect.flags() & ElfSection.SHF_EXECINSTR) != 0 ? SymbolKind.FUNCTION
                    : SymbolKind.DATA;
            default -> SymbolKind.DATA;
        };
    }

    /**
     * Returns the letter {@code llvm-nm} (LLVM 19) prints: {@code U} undefined, {@code w}/{@code v}
     * weak undefined, {@code i} indirect function, {@code W}/{@code V} weak, {@code C} common,
     * {@code a} absolute; by section: {@code t} executable, {@code b} no bits, {@code d}/{@code r}
     * allocated writable/read-only, {@code N} debug, {@code n} other read-only; {@code u} GNU
     * unique, {@code ?} otherwise; upper case unless local.
     */
    static char nmType(ElfSymbol s, ElfSection sect) {
        boolean object = s.type() == ElfSymbol.STT_OBJECT;
        if (s.isUndefined()) {
            return s.binding() == ElfSymbol.STB_WEAK ? (object ? 'v' : 'w') : 'U';
        }
        if (s.type() == ElfSymbol.STT_GNU_IFUNC) {
            return 'i';
        }
        if (s.binding() == ElfSymbol.STB_WEAK) {
            return object ? 'V' : 'W';
        }
        if (s.type() == ElfSymbol.STT_COMMON || s.shndx() == ElfSymbol.SHN_COMMON && sect == null) {
            return 'C';
        }
        if (s.shndx() == ElfSymbol.SHN_ABS && sect == null) {
            return s.isGlobal() ? 'A' : 'a';
        }
        if (s.binding() == ElfSymbol.STB_GNU_UNIQUE) {
            return 'u';
        }
        char c = s.binding() == ElfSymbol.STB_GLOBAL || s.binding() == ElfSymbol.STB_LOCAL ? sectionLetter(sect) : '?';
        return s.isGlobal() ? Character.toUpperCase(c) : c;
    }

    private static char sectionLetter(ElfSection sect) {
        if (sect == null) {
            return '?';
        }
        long f = sect.flags();
        if ((f & ElfSection.SHF_EXECINSTR) != 0) {
            return 't';
        }
        if (sect.isNoBits()) {
            return 'b';
        }
        if ((f & ElfSection.SHF_ALLOC) != 0) {
            return (f & ElfSection.SHF_WRITE) != 0 ? 'd' : 'r';
        }
        if (sect.name().startsWith(".debug")) {
            return 'N';
        }
        return (f & ElfSection.SHF_WRITE) == 0 ? 'n' : '?';
    }
}
