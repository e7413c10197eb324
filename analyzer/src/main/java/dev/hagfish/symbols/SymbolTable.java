package dev.hagfish.symbols;

import dev.hagfish.io.FormatException;
import dev.hagfish.macho.FunctionStarts;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.Nlist;
import dev.hagfish.macho.NlistReader;
import dev.hagfish.macho.Section;
import dev.hagfish.macho.SegmentCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@code SymbolTable} holds an image's symbols with lookups by exact name, by name prefix, and
 * by address (address to symbol+offset, by binary search over addresses compared unsigned).
 * Sizes are derived from the next symbol in the same section, the next entry of
 * {@code LC_FUNCTION_STARTS}, or the end of the section, whichever comes first. Stabs are kept
 * apart ({@link #stabs()}).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SymbolTable {
    private final List<Symbol> symbols;
    private final List<Nlist> stabs;
    private final List<Nlist> entries;
    private final Symbol[] byAddress;
    private final Map<String, List<Symbol>> byName;
    private final TreeMap<String, List<Symbol>> sortedNames;

    private SymbolTable(List<Symbol> symbols, List<Nlist> stabs, List<Nlist> entries) {
        this.symbols = List.copyOf(symbols);
        this.stabs = List.copyOf(stabs);
        this.entries = List.copyOf(entries);
        this.byAddress = symbols.stream()
                .filter(s -> s.kind() == SymbolKind.FUNCTION || s.kind() == SymbolKind.DATA)
                .sorted(Comparator.comparing(Symbol::address, Long::compareUnsigned).thenComparing(Symbol::name))
                .toArray(Symbol[]::new);
        this.byName = new HashMap<>();
        for (Symbol s : symbols) {
            byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
        }
        this.sortedNames = new TreeMap<>(byName);
    }

    /** Builds the table of a Mach-O image. */
    public static SymbolTable of(MachOFile file) throws FormatException {
        List<Nlist> all = NlistReader.read(file);
        List<Section> sections = new ArrayList<>();
        for (SegmentCommand seg : file.segments()) {
            sections.addAll(seg.sections());
        }
        long[] starts = FunctionStarts.addresses(file).stream().mapToLong(Long::longValue).toArray();
        List<Nlist> stabs = new ArrayList<>();
        List<Nlist> plain = new ArrayList<>();
        for (Nlist n : all) {
            (n.isStab() ? stabs : plain).add(n);
        }
        long[] sectAddrs = sectionSymbolAddresses(plain, sections.size());
        List<Symbol> out = new ArrayList<>(plain.size());
        for (Nlist n : plain) {
            Section sect = n.isSectionSymbol() && n.sect() >= 1 && n.sect() <= sections.size()
                    ? sections.get(n.sect() - 1) : null;
            char letter = NmType.of(n, sect, file.header().fileType());
            SymbolKind kind = kind(n, sect);
            long size = sect == null ? 0 : size(n.value(), sect, sectAddrs, starts, kind == SymbolKind.FUNCTION);
            String sectName = sect == null ? "" : sect.segName() + "," + sect.sectName();
            out.add(new Symbol(n.name(), n.value(), size, kind, sectName, n.isExternal(),
                    (n.type() & Nlist.N_PEXT) != 0, letter, n.index()));
        }
        return new SymbolTable(out, stabs, all);
    }

    private static SymbolKind kind(Nlist n, Section sect) {
        int type = n.type() & Nlist.N_TYPE;
        if (type == Nlist.N_UNDF) {
            return n.value() != 0 && n.isExternal() ? SymbolKind.COMMON : SymbolKind.UNDEFINED;
        }
        if (type == Nlist.N_ABS) {
            return SymbolKind.ABSOLUTE;
        }
        if (type == Nlist.N_INDR) {
            return SymbolKind.INDIRECT;
        }
        boolean code = sect != null && (sect.flags() & 0x80000400L) != 0; // S_ATTR_PURE_INSTRUCTIONS | SOME_INSTRUCTIONS
        return code ? SymbolKind.FUNCTION : SymbolKind.DATA;
    }

    /** Returns the sorted, distinct addresses of the section symbols (for size derivation). */
    private static long[] sectionSymbolAddresses(List<Nlist> plain, int nsects) {
        return plain.stream().filter(n -> n.isSectionSymbol() && n.sect() >= 1 && n.sect() <= nsects)
                .mapToLong(Nlist::value).boxed().sorted(Long::compareUnsigned).distinct()
                .mapToLong(Long::longValue).toArray();
    }

    private static long size(long addr, Section sect, long[] symAddrs, long[] starts, boolean code) {
        long end = sect.addr() + sect.size();
        long next = nextAbove(symAddrs, addr);
        if (next != addr && Long.compareUnsigned(next, end) < 0) {
            end = next;
        }
        if (code) {
            long f = nextAbove(starts, addr);
            if (f != addr && Long.compareUnsigned(f, end) < 0) {
                end = f;
            }
        }
        return Long.compareUnsigned(end, addr) > 0 ? end - addr : 0;
    }

    /** Returns the smallest value greater than {@code addr} in an unsigned-sorted array, or {@code addr}. */
    private static long nextAbove(long[] sorted, long addr) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted[mid], addr) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < sorted.length ? sorted[lo] : addr;
    }

    /** Returns the non-stab symbols in symbol-table order. */
    public List<Symbol> symbols() {
        return symbols;
    }

    /** Returns the stab (debugging) entries in symbol-table order. */
    public List<Nlist> stabs() {
        return stabs;
    }

    /** Returns every raw entry, stabs included, in symbol-table order. */
    public List<Nlist> entries() {
        return entries;
    }

    /** Returns the symbols with exactly this name (several for local statics of different files). */
    public List<Symbol> byName(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** Returns the symbols whose names start with {@code prefix}, ordered by name. */
    public List<Symbol> byPrefix(String prefix) {
        List<Symbol> out = new ArrayList<>();
        for (var e : sortedNames.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.addAll(e.getValue());
        }
        return out;
    }

    /**
     * Returns the function or data symbol whose {@code [address, address + size)} holds
     * {@code addr}; a symbol of unknown size holds only its own address.
     */
    public Optional<SymbolOffset> lookup(long addr) {
        int lo = 0;
        int hi = byAddress.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(byAddress[mid].address(), addr) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int last = lo - 1; // the last symbol at or below addr
        if (last < 0) {
            return Optional.empty();
        }
        long off = addr - byAddress[last].address();
        if (off != 0 && Long.compareUnsigned(off, byAddress[last].size()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new SymbolOffset(preferExternal(last), off));
    }

    /** Among the symbols at the address of {@code byAddress[last]}, returns the first external one. */
    private Symbol preferExternal(int last) {
        long a = byAddress[last].address();
        int first = last;
        while (first > 0 && byAddress[first - 1].address() == a) {
            first--;
        }
        for (int i = first; i <= last; i++) {
            if (byAddress[i].external()) {
                return byAddress[i];
            }
        }
        return byAddress[first];
    }

    /** Returns the function and data symbols sorted by address (unsigned), then name. */
    public List<Symbol> sortedByAddress() {
        return Collections.unmodifiableList(Arrays.asList(byAddress));
    }
}
