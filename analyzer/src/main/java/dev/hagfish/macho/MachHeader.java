package dev.hagfish.macho;

/**
 * A {@code MachHeader} is the decoded {@code mach_header} or {@code mach_header_64}
 * ({@code EXTERNAL_HEADERS/mach-o/loader.h}); both widths normalise to this one record.
 *
 * @param magic the raw magic ({@code MH_MAGIC} or {@code MH_MAGIC_64})
 * @param cpuType the CPU type
 * @param cpuSubtype the raw {@code cpu_subtype_t}, capability bits included
 * @param fileType the {@code filetype}, e.g. {@link #MH_EXECUTE}
 * @param ncmds the number of load commands
 * @param sizeofcmds the size of the load commands, in bytes
 * @param flags the {@code MH_*} flags
 * @param headerSize 28 or 32: where the load commands start
 */
public record MachHeader(long magic, CpuType cpuType, int cpuSubtype, int fileType, long ncmds,
        long sizeofcmds, long flags, int headerSize) {
    /** 32-bit magic. */
    public static final long MH_MAGIC = 0xfeedfaceL;
    /** 64-bit magic. */
    public static final long MH_MAGIC_64 = 0xfeedfacfL;
    /** A relocatable object file. */
    public static final int MH_OBJECT = 0x1;
    /** A demand-paged executable, e.g. {@code mach_kernel}. */
    public static final int MH_EXECUTE = 0x2;
    /** A core file. */
    public static final int MH_CORE = 0x4;
    /** A dynamic library. */
    public static final int MH_DYLIB = 0x6;
    /** A bundle. */
    public static final int MH_BUNDLE = 0x8;
    /** A companion file holding only debug sections (a dSYM). */
    public static final int MH_DSYM = 0xa;
    /** A kernel extension. */
    public static final int MH_KEXT_BUNDLE = 0xb;
    /** A file set of Mach-O images (a kernel collection). */
    public static final int MH_FILESET = 0xc;

    /** Flag: the image has no undefined references. */
    public static final long MH_NOUNDEFS = 0x1;
    /** Flag: the image is input to the dynamic linker. */
    public static final long MH_DYLDLINK = 0x4;
    /** Flag: two-level namespace bindings. */
    public static final long MH_TWOLEVEL = 0x80;
    /** Flag: load at a random address. */
    public static final long MH_PIE = 0x200000;

    /** Tells whether the header is the 64-bit form. */
    public boolean is64() {
        return magic == MH_MAGIC_64;
    }

    /** Returns the {@code MH_*} name of the file type, or its number. */
    public String fileTypeName() {
        return switch (fileType) {
            case MH_OBJECT -> "MH_OBJECT";
            case MH_EXECUTE -> "MH_EXECUTE";
            case 0x3 -> "MH_FVMLIB";
            case MH_CORE -> "MH_CORE";
            case 0x5 -> "MH_PRELOAD";
            case MH_DYLIB -> "MH_DYLIB";
            case 0x7 -> "MH_DYLINKER";
            case MH_BUNDLE -> "MH_BUNDLE";
            case 0x9 -> "MH_DYLIB_STUB";
            case MH_DSYM -> "MH_DSYM";
            case MH_KEXT_BUNDLE -> "MH_KEXT_BUNDLE";
            case MH_FILESET -> "MH_FILESET";
            default -> "filetype(0x" + Integer.toHexString(fileType) + ")";
        };
    }
}
