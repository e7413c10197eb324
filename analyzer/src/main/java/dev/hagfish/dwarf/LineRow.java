package dev.hagfish.dwarf;

/**
 * A {@code LineRow} is one row of the line-number matrix a {@link LineProgram} builds (DWARF 5
 * §6.2.2): the state-machine registers at the moment a row was appended.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param address the unslid address of the instruction (unsigned)
 * @param file the file register: an index into {@link LineProgram#files()}, 1-based before
 *     DWARF 5 and 0-based from DWARF 5 on
 * @param line the source line (unsigned 32-bit), 0 when no line applies
 * @param column the source column, 0 for "the whole line"
 * @param isStmt whether the instruction is a recommended breakpoint location
 * @param endSequence whether this row ends a sequence (its address is one past the last
 *     instruction of the sequence)
 * @param discriminator the block discriminator ({@code DW_LNE_set_discriminator})
 */
public record LineRow(long address, long file, long line, long column, boolean isStmt, boolean endSequence,
        long discriminator) {}
