package dev.hagfish.symbols;

import java.util.OptionalLong;

/**
 * A {@code Variable} is one {@code DW_TAG_variable} DIE at a fixed address or at file scope: a
 * global, a file-scope or function-scope {@code static}, a C++ static data member's definition,
 * or a declaration ({@code extern}, flagged). Name, linkage name, type, declaration and external
 * flag are found along {@code DW_AT_specification} and {@code DW_AT_abstract_origin}, as for
 * {@link Function}. Local variables that live in registers or on the stack are not kept.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param die the DIE's offset in {@code .debug_info}
 * @param unit the offset of its unit's header in {@code .debug_info}
 * @param name {@code DW_AT_name}, or null
 * @param linkageName {@code DW_AT_linkage_name}, still mangled, or null
 * @param type the {@code DW_AT_type} DIE offset, or {@link dev.hagfish.types.Type#VOID}
 * @param declFile the full path of {@code DW_AT_decl_file}, or null
 * @param declLine {@code DW_AT_decl_line}, or 0
 * @param external {@code DW_AT_external}
 * @param declaration its own {@code DW_AT_declaration}
 * @param address its address, when its location is one {@code DW_OP_addr} or {@code DW_OP_addrx}
 * @param specification its {@code DW_AT_specification} DIE offset, or -1
 * @param scope the DIE offset of the subprogram it is declared in, or -1 at file scope
 */
public record Variable(long die, long unit, String name, String linkageName, long type, String declFile,
        long declLine, boolean external, boolean declaration, OptionalLong address, long specification,
        long scope) {}
