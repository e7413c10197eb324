package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import java.util.List;
import java.util.OptionalLong;

/**
 * The records that {@link ProgramCollector} keeps of each unit and that a {@link Symbolizer}
 * keeps from its one pass over {@code .debug_info}. Package-private; all immutable.
 */
final class DwarfFacts {
    private DwarfFacts() {}

    /** No value: absent attribute or reference. */
    static final long NONE = -1;

    /**
     * One compile unit.
     *
     * @param offset the unit header's offset in {@code .debug_info}
     * @param end the offset past the unit
     * @param compDir {@code DW_AT_comp_dir}, or ""
     * @param stmtList {@code DW_AT_stmt_list}, or {@link #NONE}
     * @param subroutines the unit's subprogram and inlined-subroutine ranges
     */
    record UnitFacts(long offset, long end, String compDir, long stmtList, AddressMap subroutines) {}

    /**
     * One subprogram that is no declaration, or one inlined subroutine, as the symbolizer paints
     * it: exactly one of {@code function} and {@code call} is set.
     *
     * @param unit the index of its unit
     * @param function the subprogram, or null
     * @param call the inlined subroutine, or null
     * @param parent the index of the nearest enclosing subroutine, or -1
     */
    record Subroutine(int unit, Function function, InlinedCall call, int parent) {
        static Subroutine of(int unit, Function f) {
            return new Subroutine(unit, f, null, -1);
        }

        static Subroutine of(int unit, InlinedCall c, int parent) {
            return new Subroutine(unit, null, c, parent);
        }

        boolean inlined() {
            return call != null;
        }

        long die() {
            return call != null ? call.die() : function.die();
        }
    }

    /**
     * What a type DIE contributes to a variable's size.
     *
     * @param tag the tag
     * @param byteSize {@code DW_AT_byte_size} (or the address size of a pointer), or {@link #NONE}
     * @param type the {@code DW_AT_type} target, or {@link #NONE}
     * @param count for an array: the product of its dimensions' element counts, or {@link #NONE}
     */
    record TypeFact(int tag, long byteSize, long type, long count) {
        TypeFact withCount(long c) {
            return new TypeFact(tag, byteSize, type, c);
        }
    }


    /**
     * A DIE's own naming and declaration attributes, and the references that lead to more of
     * them: what {@link Names} searches along {@code DW_AT_specification} and
     * {@code DW_AT_abstract_origin}. Kept for subprograms, inlined subroutines, their parameters,
     * variables and static data member declarations.
     *
     * @param die its offset in {@code .debug_info}
     * @param name {@code DW_AT_name}, or null
     * @param linkageName {@code DW_AT_linkage_name} or {@code DW_AT_MIPS_linkage_name}, or null
     * @param declFile {@code DW_AT_decl_file} resolved to a path through its unit's line table,
     *     or null (absent, or naming no file)
     * @param hasDeclFile whether it has {@code DW_AT_decl_file} at all
     * @param declLine {@code DW_AT_decl_line}, or {@link #NONE}
     * @param type the {@code DW_AT_type} target, or {@link #NONE}
     * @param external {@code DW_AT_external}, or null when absent
     * @param artificial {@code DW_AT_artificial}, or null when absent
     * @param origin the {@code DW_AT_abstract_origin} target, or {@link #NONE}
     * @param specification the {@code DW_AT_specification} target, or {@link #NONE}
     */
    record Own(long die, String name, String linkageName, String declFile, boolean hasDeclFile, long declLine,
            long type, Boolean external, Boolean artificial, long origin, long specification) {}

    /**
     * A subprogram as its unit states it.
     *
     * @param own its attributes
     * @param declaration {@code DW_AT_declaration}
     * @param inline {@code DW_AT_inline}, or 0
     * @param lowPc {@code DW_AT_low_pc}
     * @param ranges its code ranges
     * @param parameters its formal parameters' attributes
     * @param variadic whether it has unspecified parameters
     */
    record SubprogramFacts(Own own, boolean declaration, int inline, OptionalLong lowPc, List<AddressRange> ranges,
            List<Own> parameters, boolean variadic) {}

    /**
     * An inlined subroutine as its unit states it.
     *
     * @param own its attributes
     * @param callFile {@code DW_AT_call_file} resolved to a path, or null
     * @param callLine {@code DW_AT_call_line}, or 0
     * @param callColumn {@code DW_AT_call_column}, or 0
     * @param discriminator {@code DW_AT_GNU_discriminator}, or 0
     * @param lowPc {@code DW_AT_low_pc}
     * @param ranges its code ranges
     * @param parent the nearest enclosing subprogram or inlined subroutine, or {@link #NONE}
     * @param function the nearest enclosing subprogram, or {@link #NONE}
     * @param depth the number of enclosing inlined subroutines
     */
    record InlinedFacts(Own own, String callFile, long callLine, long callColumn, long discriminator,
            OptionalLong lowPc, List<AddressRange> ranges, long parent, long function, int depth) {}

    /**
     * A variable as its unit states it.
     *
     * @param own its attributes
     * @param declaration {@code DW_AT_declaration}
     * @param address its fixed address, if its location is one
     * @param scope the nearest enclosing subprogram, or {@link #NONE}
     */
    record VariableFacts(Own own, boolean declaration, OptionalLong address, long scope) {}
}
