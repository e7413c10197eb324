package dev.hagfish.macho;

/**
 * A {@code FatSlice} is one {@code fat_arch} or {@code fat_arch_64} entry of a universal file
 * ({@code EXTERNAL_HEADERS/mach-o/fat.h}): which architecture, and where its Mach-O image is.
 *
 * @param cpuType the slice's CPU type
 * @param cpuSubtype the raw CPU subtype
 * @param offset the file offset of the slice
 * @param size the size of the slice
 * @param align log2 of the slice's alignment
 */
public record FatSlice(CpuType cpuType, int cpuSubtype, long offset, long size, long align) {
    /** Returns the architecture name as lipo and llvm tools print it ({@code x86_64}, {@code arm64e}, …). */
    public String archName() {
        int sub = cpuSubtype & 0x00ffffff;
        if (cpuType.equals(CpuType.X86_64) && sub == 8) {
            return "x86_64h";
        }
        if (cpuType.equals(CpuType.ARM64) && sub == 2) {
            return "arm64e";
        }
        if (cpuType.equals(CpuType.ARM)) {
            return switch (sub) {
                case 9 -> "armv7";
                case 11 -> "armv7s";
                case 12 -> "armv7k";
                case 6 -> "armv6";
                default -> "arm";
            };
        }
        return cpuType.archName();
    }
}
