package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import java.util.List;

/**
 * A {@code CompileUnit} is what a symbolizer needs of one unit of {@code .debug_info} once its
 * functions and inlined calls are in a {@link Program}: where the unit is, its line table and
 * compilation directory, and the code its unit DIE covers.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param offset the offset of the unit's header in {@code .debug_info}
 * @param end the offset just past the unit
 * @param compDir the unit DIE's {@code DW_AT_comp_dir}, or the empty string
 * @param stmtList the unit DIE's {@code DW_AT_stmt_list}, or -1
 * @param ranges the unit DIE's code ranges ({@code low_pc}/{@code high_pc} or {@code DW_AT_ranges})
 */
public record CompileUnit(long offset, long end, String compDir, long stmtList, List<AddressRange> ranges) {
    /** Creates the record; the list is copied. */
    public CompileUnit {
        ranges = List.copyOf(ranges);
    }
}
