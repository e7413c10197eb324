package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import dev.hagfish.symbols.DwarfFacts.InlinedFacts;
import dev.hagfish.symbols.DwarfFacts.Own;
import dev.hagfish.symbols.DwarfFacts.SubprogramFacts;
import dev.hagfish.symbols.DwarfFacts.VariableFacts;
import java.util.List;

/**
 * A {@code UnitProgram} is what a {@link ProgramCollector} keeps of one unit: its subprograms,
 * inlined subroutines and variables with their own attributes (file numbers already turned into
 * paths), before references to other units are followed, and all the DIEs' own attributes in
 * DIE order (parameters and static member declarations too), where references are looked up. {@link ProgramReader#link} joins the
 * units into a {@link Program}. Holds no DIE.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class UnitProgram {
    final long offset;
    final long end;
    final String compDir;
    final long stmtList;
    final List<AddressRange> unitRanges;
    final List<SubprogramFacts> subprograms;
    final List<InlinedFacts> inlined;
    final List<VariableFacts> variables;
    final List<Own> decls;

    UnitProgram(long offset, long end, String compDir, long stmtList, List<AddressRange> unitRanges,
            List<SubprogramFacts> subprograms, List<InlinedFacts> inlined, List<VariableFacts> variables,
            List<Own> decls) {
        this.offset = offset;
        this.end = end;
        this.compDir = compDir;
        this.stmtList = stmtList;
        this.unitRanges = List.copyOf(unitRanges);
        this.subprograms = List.copyOf(subprograms);
        this.inlined = List.copyOf(inlined);
        this.variables = List.copyOf(variables);
        this.decls = List.copyOf(decls);
    }

    /** Returns the offset of the unit's header in {@code .debug_info}. */
    public long offset() {
        return offset;
    }

    /** Returns the offset just past the unit. */
    public long end() {
        return end;
    }

    /** Returns the unit DIE's {@code DW_AT_comp_dir}, or the empty string. */
    public String compDir() {
        return compDir;
    }

    /** Returns the unit DIE's {@code DW_AT_stmt_list}, or -1. */
    public long stmtList() {
        return stmtList;
    }

    /** Returns the unit DIE's code ranges ({@code low_pc}/{@code high_pc} or {@code DW_AT_ranges}). */
    public List<AddressRange> unitRanges() {
        return unitRanges;
    }

    /** Returns what a symbolizer needs of the unit beside its program. */
    public CompileUnit unit() {
        return new CompileUnit(offset, end, compDir, stmtList, unitRanges);
    }
}
