package dev.hagfish.symbols;

import dev.hagfish.io.FormatException;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.Nlist;
import dev.hagfish.macho.NlistReader;
import dev.hagfish.macho.Section;
import dev.hagfish.macho.SegmentCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code SymbolRanges} are the address ranges of an image's function and data symbols with the
 * sizes {@code llvm-symbolizer} gives them, so that a {@link Symbolizer} can answer as it does
 * where DWARF is silent (padding between functions, data objects) and name the outermost frame
 * from the symbol table. A Mach-O symbol has no size: it extends to the next symbol table entry
 * of the same section with a higher address (stabs included), or to the section's end. Only
 * non-stab {@code N_SECT} symbols of an existing section count; of several at one address the
 * last in symbol-table order wins. Names lose Darwin's leading underscore.
 *
 * <p>These sizes differ from {@link SymbolTable}'s, which also stop at {@code LC_FUNCTION_STARTS}
 * entries, as {@code llvm-nm} and lldb do not.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class SymbolRanges {
    private final Entry[] byAddress;

    /**
     * An {@code Entry} is one symbol's range.
     *
     * @param name the name without Darwin's leading underscore, still mangled
     * @param address the unslid start address
     * @param size the size in bytes (may be 0)
     */
    public record Entry(String name, long address, long size) {}

    private SymbolRanges(Entry[] byAddress) {
        this.byAddress = byAddress;
    }

    /** Returns ranges that hold nothing, for images without a symbol table. */
    public static SymbolRanges empty() {
        return new SymbolRanges(new Entry[0]);
    }

    /**
     * Derives the ranges of a Mach-O image's symbols.
     *
     * @throws FormatException if the symbol table is malformed
     */
    public static SymbolRanges of(MachOFile file) throws FormatException {
        List<Section> sections = new ArrayList<>();
        for (SegmentCommand seg : file.segments()) {
            sections.addAll(seg.sections());
        }
        List<Nlist> nlists = NlistReader.read(file);
        long[] sizes = sizes(nlists, sections);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < nlists.size(); i++) {
            Nlist n = nlists.get(i);
            if (n.isStab() || (n.type() & Nlist.N_TYPE) != Nlist.N_SECT || n.sect() < 1 || n.sect() > sections.size()) {
                continue;
            }
            String name = n.name().startsWith("_") ? n.name().substring(1) : n.name();
            out.add(new Entry(name, n.value(), sizes[i]));
        }
        return of(out);
    }

    /**
     * Makes ranges from entries of any image (an ELF symbol table gives names and sizes as they
     * are); of several entries at one address, the largest, then the last, is kept.
     */
    public static SymbolRanges of(List<Entry> entries) {
        List<Entry> out = new ArrayList<>(entries);
        // Stable: of several symbols at one address, the largest, then the last, is kept.
        out.sort(Comparator.comparing(Entry::address, Long::compareUnsigned)
                .thenComparing(Entry::size, Long::compareUnsigned));
        List<Entry> distinct = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            if (i + 1 == out.size() || out.get(i + 1).address() != out.get(i).address()) {
                distinct.add(out.get(i));
            }
        }
        return new SymbolRanges(distinct.toArray(Entry[]::new));
    }

    /**
     * Computes every entry's size: sorted by (section index, address), with a marker at each
     * section's end, a symbol's size is the distance to the next higher address.
     */
    private static long[] sizes(List<Nlist> nlists, List<Section> sections) {
        int n = nlists.size();
        long[][] points = new long[n + sections.size()][];
        for (int i = 0; i < n; i++) {
            Nlist e = nlists.get(i);
            points[i] = new long[] {(e.sect() - 1) & 0xffffffffL, e.value(), i};
        }
        for (int s = 0; s < sections.size(); s++) {
            Section sect = sections.get(s);
            points[n + s] = new long[] {s, sect.addr() + sect.size(), -1};
        }
        Arrays.sort(points, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compareUnsigned(a[1], b[1]));
        long[] sizes = new long[n];
        int next = 0;
        for (int i = 0; i + 1 < points.length; i++) {
            if (points[i][2] < 0) {
                continue;
            }
            if (next <= i) {
                next = i + 1;
                while (next + 1 < points.length && points[next][1] == points[i][1]) {
                    next++;
                }
            }
            sizes[(int) points[i][2]] = points[next][1] - points[i][1];
        }
        if (points.length > 0 && points[points.length - 1][2] >= 0) {
            long[] last = points[points.length - 1];
            // Nothing follows: llvm-symbolizer leaves the address where the size would be.
            sizes[(int) last[2]] = last[1];
        }
        return sizes;
    }

    /** Returns every range, sorted by address. */
    public List<Entry> entries() {
        return List.of(byAddress);
    }

    /**
     * Returns the symbol whose range holds an address: the last symbol at or below it, unless
     * the symbol has a size and the address lies beyond it.
     *
     * @param address an unslid address
     */
    public Optional<Entry> find(long address) {
        int lo = 0;
        int hi = byAddress.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(byAddress[mid].address(), address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return Optional.empty();
        }
        Entry e = byAddress[lo - 1];
        if (e.size() != 0 && Long.compareUnsigned(address - e.address(), e.size()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(e);
    }
}
