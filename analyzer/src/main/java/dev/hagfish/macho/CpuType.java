package dev.hagfish.macho;

/**
 * A {@code CpuType} is the {@code cputype} field of a Mach-O or fat header
 * ({@code <mach/machine.h>}). It is an open set: unknown codes keep their number.
 *
 * @param code the raw {@code cpu_type_t}
 */
public record CpuType(int code) {
    /** The 64-bit ABI flag. */
    public static final int ABI64 = 0x01000000;
    /** Intel 32-bit. */
    public static final CpuType I386 = new CpuType(7);
    /** Intel 64-bit. */
    public static final CpuType X86_64 = new CpuType(7 | ABI64);
    /** ARM 32-bit. */
    public static final CpuType ARM = new CpuType(12);
    /** ARM 64-bit (arm64 and arm64e; the subtype tells them apart). */
    public static final CpuType ARM64 = new CpuType(12 | ABI64);
    /** PowerPC 32-bit. */
    public static final CpuType POWERPC = new CpuType(18);
    /** PowerPC 64-bit. */
    public static final CpuType POWERPC64 = new CpuType(18 | ABI64);

    /** Tells whether this is a 64-bit CPU type. */
    public boolean is64() {
        return (code & ABI64) != 0;
    }

    /** Returns the usual architecture name ({@code x86_64}, {@code arm64}, …) or the number. */
    public String archName() {
        if (equals(I386)) {
            return "i386";
        } else if (equals(X86_64)) {
            return "x86_64";
        } else if (equals(ARM)) {
            return "arm";
        } else if (equals(ARM64)) {
            return "arm64";
        } else if (equals(POWERPC)) {
            return "ppc";
        } else if (equals(POWERPC64)) {
            return "ppc64";
        }
        return "cputype(0x" + Integer.toHexString(code) + ")";
    }
}
