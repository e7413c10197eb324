package dev.hagfish.disasm;

/** What an {@link Instruction} record holds: a decoded instruction, data in code, or bytes that do not decode. */
public enum InstructionKind {
    /** A decoded instruction. */
    CODE,
    /**
     * Data the image marks inside code ({@code LC_DATA_IN_CODE}, e.g. a jump table), shown as
     * {@code .byte}, {@code .short} or {@code .long}.
     */
    DATA,
    /**
     * Bytes the decoder rejects: one byte on x86 ({@code (bad)}), one 4-byte word on arm64
     * ({@code .long 0x…}).
     */
    INVALID
}
