package dev.hagfish.disasm;

import java.util.Optional;

/**
 * An {@code Arch} is an instruction set hagfish disassembles: the kernels' x86_64 and arm64, and
 * i386 for the old 32-bit kernels and objects.
 */
public enum Arch {
    /** 64-bit x86 (Mach-O {@code x86_64}, {@code x86_64h}). */
    X86_64("x86_64", 15, 1),
    /** 32-bit x86 (Mach-O {@code i386}). */
    I386("i386", 15, 1),
    /** 64-bit ARM (Mach-O {@code arm64}, {@code arm64e}). */
    ARM64("arm64", 4, 4);

    private final String archName;
    private final int maxLength;
    private final int alignment;

    Arch(String archName, int maxLength, int alignment) {
        this.archName = archName;
        this.maxLength = maxLength;
        this.alignment = alignment;
    }

    /** Returns the Mach-O architecture name, e.g. {@code x86_64}. */
    public String archName() {
        return archName;
    }

    /** Returns the longest instruction in bytes (15 on x86, 4 on arm64). */
    public int maxLength() {
        return maxLength;
    }

    /** Returns the instruction alignment in bytes; an undecodable unit is this many bytes long. */
    public int alignment() {
        return alignment;
    }

    /** Whether this is an x86 instruction set, where Intel and AT&amp;T syntax differ. */
    public boolean isX86() {
        return this != ARM64;
    }

    /**
     * Returns the instruction set of a Mach-O architecture name ({@code x86_64}, {@code x86_64h},
     * {@code i386}, {@code arm64}, {@code arm64e}), or empty for one hagfish does not disassemble.
     */
    public static Optional<Arch> of(String machoArchName) {
        return switch (machoArchName) {
            case "x86_64", "x86_64h" -> Optional.of(X86_64);
            case "i386" -> Optional.of(I386);
            case "arm64", "arm64e" -> Optional.of(ARM64);
            default -> Optional.empty();
        };
    }
}
