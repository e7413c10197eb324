package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import java.util.List;
import java.util.OptionalLong;

/**
 * A {@code Function} is one {@code DW_TAG_subprogram} DIE: a definition with code, an abstract
 * instance of an inline function, or a declaration (a member function in its class, a prototype).
 * Name, linkage name, declaration file and line, return type and external flag are found along
 * {@code DW_AT_specification} and {@code DW_AT_abstract_origin} (within a unit or across units),
 * each from the first DIE that has it, as {@code llvm-dwarfdump} and {@code llvm-symbolizer}
 * search: the DIE itself, then depth-first through the specification before the origin.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param die the DIE's offset in {@code .debug_info}
 * @param unit the offset of its unit's header in {@code .debug_info}
 * @param name {@code DW_AT_name}, or null
 * @param linkageName {@code DW_AT_linkage_name} (or {@code DW_AT_MIPS_linkage_name}), still
 *     mangled, or null
 * @param declFile the full path of {@code DW_AT_decl_file}, resolved through the line table of
 *     the unit of the DIE that has it, or null
 * @param declLine {@code DW_AT_decl_line}, or 0
 * @param returnType the {@code DW_AT_type} DIE offset, or {@link dev.hagfish.types.Type#VOID}
 * @param parameters its own {@code DW_TAG_formal_parameter} children, in order
 * @param variadic whether it has a {@code DW_TAG_unspecified_parameters} child
 * @param external {@code DW_AT_external}
 * @param declaration its own {@code DW_AT_declaration}
 * @param inline its own {@code DW_AT_inline} ({@code DW_INL_*}: 1 inlined, 3 declared and
 *     inlined, ...), or 0 when absent
 * @param specification its {@code DW_AT_specification} DIE offset, or -1
 * @param abstractOrigin its {@code DW_AT_abstract_origin} DIE offset, or -1
 * @param lowPc its {@code DW_AT_low_pc}, if any (with ranges, the entry pc compilers put there)
 * @param ranges its code: {@code [low_pc, high_pc)} or the {@code DW_AT_ranges} list (in the
 *     order listed, empty ranges included); empty for a function without code
 */
public record Function(long die, long unit, String name, String linkageName, String declFile, long declLine,
        long returnType, List<Parameter> parameters, boolean variadic, boolean external, boolean declaration,
        int inline, long specification, long abstractOrigin, OptionalLong lowPc, List<AddressRange> ranges) {

    /** Copies the lists. */
    public Function {
        parameters = List.copyOf(parameters);
        ranges = List.copyOf(ranges);
    }

    /** Tells whether the function has code, that is, any address range. */
    public boolean hasCode() {
        for (AddressRange r : ranges) {
            if (!r.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether one of its ranges holds {@code address} (compared unsigned). */
    public boolean contains(long address) {
        for (AddressRange r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the lowest address of its code, or empty when it has none. */
    public OptionalLong lowestAddress() {
        OptionalLong low = OptionalLong.empty();
        for (AddressRange r : ranges) {
            if (!r.isEmpty() && (low.isEmpty() || Long.compareUnsigned(r.low(), low.getAsLong()) < 0)) {
                low = OptionalLong.of(r.low());
            }
        }
        return low;
    }
}
