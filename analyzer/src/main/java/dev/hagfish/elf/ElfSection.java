package dev.hagfish.elf;

/**
 * An {@code ElfSection} is a decoded {@code Elf32_Shdr} or {@code Elf64_Shdr} (System V gABI,
 * "Sections") with its name looked up in the section-name string table. All numbers are widened
 * to {@code long} and are unsigned.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param index the section's index in the section header table
 * @param name the name from {@code .shstrtab} ({@code ""} when the file has no name table)
 * @param type {@code sh_type}, e.g. {@link #SHT_PROGBITS}
 * @param flags {@code sh_flags}, e.g. {@link #SHF_COMPRESSED}
 * @param addr {@code sh_addr}, an unsigned virtual address (0 for non-allocated sections)
 * @param offset {@code sh_offset}, the file offset of the bytes
 * @param size {@code sh_size}, the size in the file (for a compressed section: the compressed
 *     size, header included; for {@code SHT_NOBITS}: the size in memory)
 * @param link {@code sh_link}
 * @param info {@code sh_info}
 * @param addralign {@code sh_addralign}
 * @param entsize {@code sh_entsize}
 */
public record ElfSection(int index, String name, long type, long flags, long addr, long offset, long size,
        long link, long info, long addralign, long entsize) {
    /** {@code sh_type}: an unused header. */
    public static final long SHT_NULL = 0;
    /** {@code sh_type}: program-defined bytes. */
    public static final long SHT_PROGBITS = 1;
    /** {@code sh_type}: a symbol table. */
    public static final long SHT_SYMTAB = 2;
    /** {@code sh_type}: a string table. */
    public static final long SHT_STRTAB = 3;
    /** {@code sh_type}: relocations with addends. */
    public static final long SHT_RELA = 4;
    /** {@code sh_type}: notes. */
    public static final long SHT_NOTE = 7;
    /** {@code sh_type}: occupies no file space (e.g. {@code .bss}, or stripped sections of a debug file). */
    public static final long SHT_NOBITS = 8;
    /** {@code sh_type}: relocations without addends. */
    public static final long SHT_REL = 9;
    /** {@code sh_flags}: writable. */
    public static final long SHF_WRITE = 0x1;
    /** {@code sh_flags}: occupies memory at run time. */
    public static final long SHF_ALLOC = 0x2;
    /** {@code sh_flags}: executable. */
    public static final long SHF_EXECINSTR = 0x4;
    /** {@code sh_flags}: the bytes start with a {@code Elf32_Chdr}/{@code Elf64_Chdr}. */
    public static final long SHF_COMPRESSED = 0x800;

    /** Tells whether the section occupies no file space. */
    public boolean isNoBits() {
        return type == SHT_NOBITS;
    }

    /** Tells whether the section carries a compression header ({@code SHF_COMPRESSED}). */
    public boolean isCompressed() {
        return (flags & SHF_COMPRESSED) != 0;
    }

    /**
     * Tells whether the section is a legacy GNU compressed debug section: a {@code .zdebug_*}
     * name, whose bytes start with {@code "ZLIB"} and an 8-byte big-endian size.
     */
    public boolean isLegacyZdebug() {
        return name.startsWith(".zdebug");
    }
}
