package dev.hagfish.disasm;

/**
 * The {@code Flow} of an instruction: whether it transfers control, and how. A conditional branch
 * is a {@link #JUMP}; the fall-through path is implied.
 */
public enum Flow {
    /** Execution continues with the next instruction. */
    NONE,
    /** A jump or branch, conditional or not, direct or through a register or memory. */
    JUMP,
    /** A call (x86 {@code call}, arm64 {@code bl}/{@code blr}). */
    CALL,
    /** A return ({@code ret}, {@code iret}, arm64 {@code ret}/{@code eret}). */
    RETURN
}
