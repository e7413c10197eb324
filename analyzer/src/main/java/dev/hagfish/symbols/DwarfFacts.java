package dev.hagfish.symbols;

/**
 * The records a {@link Symbolizer} keeps from its one pass over {@code .debug_info}.
 * Package-private; all immutable.
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
     * One {@code DW_TAG_subprogram} or {@code DW_TAG_inlined_subroutine}.
     *
     * @param unit the index of its unit
     * @param die its offset in {@code .debug_info}
     * @param inlined whether it is an inlined subroutine
     * @param parent the index of the nearest enclosing subroutine, or -1
     * @param lowPc its own {@code DW_AT_low_pc}, valid when {@code hasLowPc}
     * @param hasLowPc whether it has {@code DW_AT_low_pc}
     * @param call the call site of an inlined subroutine
     */
    record Subroutine(int unit, long die, boolean inlined, int parent, long lowPc, boolean hasLowPc, CallSite call) {}

    /**
     * The call site of an inlined subroutine; absent attributes are 0, as for
     * {@code llvm-symbolizer}.
     *
     * @param file {@code DW_AT_call_file}
     * @param line {@code DW_AT_call_line}
     * @param column {@code DW_AT_call_column}
     * @param discriminator {@code DW_AT_GNU_discriminator}
     */
    record CallSite(long file, long line, long column, long discriminator) {
        static final CallSite NONE = new CallSite(0, 0, 0, 0);
    }

    /**
     * The naming and declaration attributes of a subprogram, variable or static member DIE, with
     * the references that lead to more of them.
     *
     * @param unit the index of its unit (whose line table resolves {@code declFile})
     * @param name {@code DW_AT_name}, or null
     * @param linkageName {@code DW_AT_linkage_name} or {@code DW_AT_MIPS_linkage_name}, or null
     * @param declFile {@code DW_AT_decl_file}, or {@link #NONE}
     * @param declLine {@code DW_AT_decl_line}, or {@link #NONE}
     * @param origin the {@code DW_AT_abstract_origin} target, or {@link #NONE}
     * @param specification the {@code DW_AT_specification} target, or {@link #NONE}
     * @param type the {@code DW_AT_type} target, or {@link #NONE}
     */
    record Decl(int unit, String name, String linkageName, long declFile, long declLine, long origin,
            long specification, long type) {}

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
     * A variable at a fixed address ({@code DW_OP_addr} or {@code DW_OP_addrx} location).
     *
     * @param die its offset in {@code .debug_info}
     * @param address its address
     */
    record Variable(long die, long address) {}
}
