package dev.hagfish.symbols;

import java.util.OptionalLong;

/**
 * A {@code Frame} is one level of the inline chain at an address, as {@code llvm-symbolizer}
 * reports it in its JSON {@code "Symbol"} array: the innermost inlined subroutine first, the
 * concrete function last. Text fields are empty, and numbers 0, where nothing is known.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param functionName the demangled linkage name with parameters, else the plain name
 * @param fileName the source file: from the line table for the innermost frame, from the inlined
 *     callee's {@code DW_AT_call_file} for the others
 * @param line the source line (likewise the callee's {@code DW_AT_call_line})
 * @param column the source column (likewise {@code DW_AT_call_column})
 * @param startFileName the file that declares the function ({@code DW_AT_decl_file})
 * @param startLine the line that declares it ({@code DW_AT_decl_line})
 * @param startAddress the frame's own {@code DW_AT_low_pc} (the symbol's address for the last
 *     frame when a symbol table names it); empty when the DIE has only {@code DW_AT_ranges}
 * @param discriminator the line table's discriminator (the callee's
 *     {@code DW_AT_GNU_discriminator} for outer frames)
 */
public record Frame(String functionName, String fileName, long line, long column, String startFileName,
        long startLine, OptionalLong startAddress, long discriminator) {

    /** Returns this frame named after a symbol: its name and start address replace DWARF's. */
    Frame withSymbol(String name, long address) {
        return new Frame(name, fileName, line, column, startFileName, startLine, OptionalLong.of(address),
                discriminator);
    }
}
