package dev.hagfish.disasm;

import dev.hagfish.macho.DataInCode;

/**
 * A {@code DataRegion} is a run of data inside code, at an address of the disassembled address
 * space (slid when the space is).
 *
 * @param start the first address
 * @param length the number of bytes
 * @param kind the {@code LC_DATA_IN_CODE} kind ({@link DataInCode#KIND_DATA}, …)
 */
public record DataRegion(long start, int length, int kind) {

    /** Returns the address just past the region. */
    public long end() {
        return start + length;
    }

    /**
     * Returns the size of one datum, as llvm-objdump prints them: 1 for an 8-bit jump table, 2 for
     * a 16-bit one, 4 for 32-bit ones, and for plain data the largest of 4, 2 and 1 that fits the
     * {@code left} bytes.
     */
    public int unit(long left) {
        return switch (kind) {
            case DataInCode.KIND_JUMP_TABLE8 -> 1;
            case DataInCode.KIND_JUMP_TABLE16 -> 2;
            case DataInCode.KIND_JUMP_TABLE32, DataInCode.KIND_ABS_JUMP_TABLE32 -> 4;
            default -> left >= 4 ? 4 : left >= 2 ? 2 : 1;
        };
    }
}
