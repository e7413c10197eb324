package dev.hagfish.symbols;

import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.LineProgram;
import dev.hagfish.dwarf.LineRow;
import dev.hagfish.io.FormatException;
import dev.hagfish.types.SourceLocation;
import dev.hagfish.symbols.DwarfFacts.Subroutine;
import dev.hagfish.symbols.DwarfFacts.UnitFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@code Symbolizer} turns an unslid address into the chain of functions executing there,
 * innermost inlined subroutine first, each with its source file, line and column, answering
 * exactly as {@code llvm-symbolizer --output-style=JSON} (LLVM 19) does:
 * <ul>
 *   <li>the compile unit comes from {@code .debug_aranges}, and from the unit DIE's ranges for
 *       units no aranges set names (DWARF 5 §6.1.2, §3.1.1);
 *   <li>the innermost subprogram or inlined subroutine whose {@code low_pc}/{@code high_pc}
 *       (high as an address or an offset) or {@code DW_AT_ranges} ({@code .debug_ranges},
 *       {@code .debug_rnglists}) hold the address, then its enclosing inlined subroutines up to
 *       the subprogram (§3.3.8);
 *   <li>names through {@code DW_AT_abstract_origin}/{@code DW_AT_specification}, the demangled
 *       linkage name preferred; the innermost frame's file and line from the line table, the
 *       others' from the inlined callee's {@code DW_AT_call_file}/{@code _line}/{@code _column};
 *   <li>with {@link SymbolRanges}, the outermost frame's name and start address come from the
 *       symbol table, which also answers where DWARF knows nothing, and answers data queries.
 * </ul>
 * The DWARF is read in one {@link dev.hagfish.dwarf.UnitWalker UnitWalker} pass, with the
 * {@link ProgramCollector}s of {@link ProgramReader}, when the symbolizer is made (or taken from
 * a {@link DebugInfo} read); line programs are decoded on first use and the most recently used
 * {@value #LINE_CACHE} are cached, so that a walk over every address in order (as the index
 * makes) holds a few units' rows, not the whole file's.
 *
 * <p>Thread-safe: the index is immutable and the line program cache is guarded.
 */
public final class Symbolizer {
    private static final Frame EMPTY = new Frame("", "", 0, 0, "", 0, OptionalLong.empty(), 0);
    private static final long U32 = 0xffffffffL;

    private final DwarfSections sections;
    private final DwarfIndex index;
    private final SymbolRanges symbols;
    /** How many units' decoded line programs are kept. */
    static final int LINE_CACHE = 64;

    private final Map<Long, LineProgram> lineCache = new LinkedHashMap<>(LINE_CACHE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, LineProgram> eldest) {
            return size() > LINE_CACHE;
        }
    };

    private Symbolizer(DwarfSections sections, DwarfIndex index, SymbolRanges symbols) {
        this.sections = sections;
        this.index = index;
        this.symbols = symbols;
    }

    /**
     * Makes a symbolizer from DWARF alone: data queries are answered from variables at fixed
     * addresses, sized by their types.
     *
     * @throws FormatException if {@code .debug_info}, {@code .debug_aranges} or a range list is
     *     malformed
     */
    public static Symbolizer of(DwarfSections dwarf) throws FormatException {
        return new Symbolizer(dwarf, DwarfIndex.build(dwarf, true), null);
    }

    /**
     * Makes a symbolizer that also consults the image's symbols, as {@code llvm-symbolizer} does
     * with a binary and its dSYM.
     *
     * @param dwarf the DWARF sections (of the dSYM)
     * @param symbols the symbols of the image the addresses belong to
     * @throws FormatException if {@code .debug_info}, {@code .debug_aranges} or a range list is
     *     malformed
     * @throws NullPointerException if {@code symbols} is null (use {@link #of(DwarfSections)})
     */
    public static Symbolizer of(DwarfSections dwarf, SymbolRanges symbols) throws FormatException {
        Objects.requireNonNull(symbols, "symbols");
        return new Symbolizer(dwarf, DwarfIndex.build(dwarf, false), symbols);
    }

    /**
     * Makes a symbolizer that also consults the image's symbols, from what {@link DebugInfo#read}
     * read, without another pass over {@code .debug_info}.
     *
     * @param dwarf the DWARF sections the info was read from
     * @param info its types, program and units
     * @param symbols the symbols of the image the addresses belong to
     * @throws FormatException if {@code .debug_aranges} is malformed
     */
    public static Symbolizer of(DwarfSections dwarf, DebugInfo info, SymbolRanges symbols) throws FormatException {
        Objects.requireNonNull(symbols, "symbols");
        return new Symbolizer(dwarf, DwarfIndex.of(dwarf, info.units(), info.program(), null), symbols);
    }

    /**
     * Returns the inline chain at an address, innermost first; never empty (a frame of empty
     * fields stands for "unknown").
     *
     * @param unslidAddress an address in the image's own (unslid) address space
     * @throws FormatException if the unit's line program is malformed
     */
    public List<Frame> symbolize(long unslidAddress) throws FormatException {
        List<Frame> frames = dwarfFrames(unslidAddress);
        if (frames.isEmpty()) {
            frames.add(EMPTY);
        }
        if (symbols != null) {
            Optional<SymbolRanges.Entry> e = symbols.find(unslidAddress);
            if (e.isPresent()) {
                int last = frames.size() - 1;
                frames.set(last, frames.get(last).withSymbol(Names.demangle(e.get().name()), e.get().address()));
            }
        }
        return List.copyOf(frames);
    }

    /**
     * Returns where the function executing at an address is declared ({@code DW_AT_decl_file}
     * and {@code _line} of the concrete subprogram, the outermost frame of {@link #symbolize}),
     * without reading the line table; {@link SourceLocation#NONE} where DWARF has no subprogram.
     *
     * @param unslidAddress an address in the image's own (unslid) address space
     */
    public SourceLocation declaration(long unslidAddress) {
        long unitOffset = index.lookup.unitOffset(unslidAddress);
        int u = unitOffset == -1 ? -1 : index.unitIndex(unitOffset);
        int s = u < 0 ? -1 : index.units.get(u).subroutines().find(unslidAddress);
        Subroutine outer = null;
        for (; s >= 0; s = outer.parent()) { // as dwarfFrames walks the chain
            outer = index.subroutines.get(s);
            if (!outer.inlined()) {
                break;
            }
        }
        if (outer == null) {
            return SourceLocation.NONE;
        }
        String file = outer.inlined() ? outer.call().declFile() : outer.function().declFile();
        long line = (outer.inlined() ? outer.call().declLine() : outer.function().declLine()) & U32;
        return file == null && line == 0 ? SourceLocation.NONE : new SourceLocation(file == null ? "" : file, line);
    }

    /**
     * Returns the data object holding an address: from the symbol table when this symbolizer
     * has one (as {@code llvm-symbolizer}), else from DWARF variables.
     *
     * @param unslidAddress an address in the image's own (unslid) address space
     */
    public Optional<DataSymbol> symbolizeData(long unslidAddress) {
        if (symbols != null) {
            return symbols.find(unslidAddress).map(e -> new DataSymbol(Names.demangle(e.name()), e.address(), e.size()));
        }
        return index.data.find(unslidAddress);
    }

    /**
     * Returns, sorted (unsigned) and distinct, every address at which {@link #symbolize} may
     * answer differently from the address just below: the starts and ends of units' ranges, of
     * subprograms and inlined subroutines, of line table rows and of symbols. Between two
     * consecutive boundaries the answer is the same frames, so a caller can store one answer per
     * interval and never read the DWARF again. Line programs are read here without being cached.
     *
     * @throws FormatException if a line program is malformed
     */
    public long[] boundaries() throws FormatException {
        LongCollector all = new LongCollector();
        index.lookup.boundaries(all);
        for (int u = 0; u < index.units.size(); u++) {
            UnitFacts unit = index.units.get(u);
            unit.subroutines().boundaries(all);
            if (unit.stmtList() != DwarfFacts.NONE && sections.get("debug_line").isPresent()) {
                for (LineRow r : LineProgram.read(sections, unit.stmtList()).rows()) {
                    all.accept(r.address());
                }
            }
        }
        if (symbols != null) {
            for (SymbolRanges.Entry e : symbols.entries()) {
                all.accept(e.address());
                if (e.size() != 0) {
                    all.accept(e.address() + e.size());
                }
            }
        }
        return all.sortedDistinct();
    }

    /** A growable array of addresses. */
    private static final class LongCollector implements java.util.function.LongConsumer {
        private long[] values = new long[1024];
        private int size;

        @Override
        public void accept(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] sortedDistinct() {
            long[] v = Arrays.copyOf(values, size);
            for (int i = 0; i < v.length; i++) {
                v[i] ^= Long.MIN_VALUE; // unsigned order as signed order
            }
            Arrays.sort(v);
            int n = 0;
            for (int i = 0; i < v.length; i++) {
                if (n == 0 || v[i] != v[n - 1]) {
                    v[n++] = v[i];
                }
            }
            long[] out = Arrays.copyOf(v, n);
            for (int i = 0; i < n; i++) {
                out[i] ^= Long.MIN_VALUE;
            }
            return out;
        }
    }

    private List<Frame> dwarfFrames(long address) throws FormatException {
        List<Frame> out = new ArrayList<>();
        long unitOffset = index.lookup.unitOffset(address);
        int u = unitOffset == -1 ? -1 : index.unitIndex(unitOffset);
        if (u < 0) {
            return out;
        }
        UnitFacts unit = index.units.get(u);
        LineProgram lines = lines(u);
        Optional<LineRow> row = lines == null ? Optional.empty() : lines.rowFor(address);
        Optional<String> rowFile = row.flatMap(r -> lines.filePath(r.file(), unit.compDir()));
        // The innermost frame's position comes from the line table (it is all there is without a DIE).
        Frame where = rowFile.isEmpty() ? EMPTY : new Frame("", rowFile.get(), row.get().line(), row.get().column(),
                "", 0, OptionalLong.empty(), row.get().discriminator());
        int sub = unit.subroutines().find(address);
        if (sub < 0) {
            if (rowFile.isPresent()) {
                out.add(where);
            }
            return out;
        }
        for (int s = sub; s >= 0;) {
            Subroutine r = index.subroutines.get(s);
            out.add(frame(r, where));
            if (!r.inlined()) {
                break; // the concrete subprogram ends the chain
            }
            // The caller's position is where the inlined callee was called from.
            InlinedCall call = r.call();
            where = new Frame("", call.callFile() == null ? "" : call.callFile(), call.callLine() & U32,
                    call.callColumn() & U32, "", 0, OptionalLong.empty(), call.discriminator() & U32);
            s = r.parent();
        }
        return out;
    }

    /** Returns the frame of a subroutine at a position: its name and declaration, and the position. */
    private static Frame frame(Subroutine r, Frame where) {
        String name;
        String declFile;
        long declLine;
        OptionalLong start;
        if (r.inlined()) {
            InlinedCall c = r.call();
            name = Names.display(c.name(), c.linkageName());
            declFile = c.declFile();
            declLine = c.declLine();
            start = c.lowPc();
        } else {
            Function f = r.function();
            name = Names.display(f.name(), f.linkageName());
            declFile = f.declFile();
            declLine = f.declLine();
            start = f.lowPc();
        }
        return new Frame(name == null ? "" : name, where.fileName(), where.line(), where.column(),
                declFile == null ? "" : declFile, declLine & U32, start, where.discriminator());
    }

    /** Returns the unit's line program, decoding it on first use; null when it has none. */
    private LineProgram lines(int unit) throws FormatException {
        long stmt = index.units.get(unit).stmtList();
        if (stmt == DwarfFacts.NONE || sections.get("debug_line").isEmpty()) {
            return null;
        }
        synchronized (lineCache) {
            LineProgram p = lineCache.get(stmt);
            if (p == null) {
                p = LineProgram.read(sections, stmt);
                lineCache.put(stmt, p);
            }
            return p;
        }
    }
}
