package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import java.util.List;
import java.util.OptionalLong;

/**
 * An {@code InlinedCall} is one {@code DW_TAG_inlined_subroutine} DIE: the code a call was
 * replaced with. Name, linkage name and declaration come from the inlined function along
 * {@code DW_AT_abstract_origin}, as for {@link Function}.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param die the DIE's offset in {@code .debug_info}
 * @param unit the offset of its unit's header in {@code .debug_info}
 * @param origin the inlined function: its {@code DW_AT_abstract_origin} DIE offset (a
 *     {@link Function}'s {@code die}), or -1
 * @param name the inlined function's {@code DW_AT_name}, or null
 * @param linkageName its linkage name, still mangled, or null
 * @param declFile the full path of the file that declares it, or null
 * @param declLine the line that declares it, or 0
 * @param callFile the full path of {@code DW_AT_call_file}, resolved through the unit's line
 *     table, or null
 * @param callLine {@code DW_AT_call_line}, or 0
 * @param callColumn {@code DW_AT_call_column}, or 0
 * @param discriminator {@code DW_AT_GNU_discriminator}, or 0
 * @param lowPc its {@code DW_AT_low_pc}, if any
 * @param ranges its code: {@code [low_pc, high_pc)} or the {@code DW_AT_ranges} list
 * @param parent the DIE offset of the nearest enclosing inlined call, else of the enclosing
 *     subprogram; -1 if it has neither
 * @param function the DIE offset of the enclosing subprogram (the concrete function the code is
 *     in), or -1
 * @param depth how many inlined calls enclose it (0: directly in {@code function})
 */
public record InlinedCall(long die, long unit, long origin, String name, String linkageName, String declFile,
        long declLine, String callFile, long callLine, long callColumn, long discriminator, OptionalLong lowPc,
        List<AddressRange> ranges, long parent, long function, int depth) {

    /** Copies the list. */
    public InlinedCall {
        ranges = List.copyOf(ranges);
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
}
