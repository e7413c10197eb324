package dev.hagfish.elf;

/**
 * An {@code ElfSymbol} is a decoded {@code Elf32_Sym} or {@code Elf64_Sym} (System V gABI,
 * "Symbol Table") with its name looked up in the linked string table and its section index
 * resolved through {@code SHT_SYMTAB_SHNDX} when it is {@code SHN_XINDEX}. All numbers are
 * widened and unsigned.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param index the symbol's index in its table (0 is the null symbol)
 * @param name the name from the string table ({@code ""} for none)
 * @param value {@code st_value}: an address in linked files, a section offset in ET_REL files
 * @param size {@code st_size}, in bytes (0 when unknown)
 * @param type {@code ELF_ST_TYPE(st_info)}, e.g. {@link #STT_FUNC}
 * @param binding {@code ELF_ST_BIND(st_info)}, e.g. {@link #STB_GLOBAL}
 * @param visibility {@code ELF_ST_VISIBILITY(st_other)}, e.g. {@link #STV_HIDDEN}
 * @param shndx the section index: {@code st_shndx}, or the {@code SHT_SYMTAB_SHNDX} entry when
 *     that is {@code SHN_XINDEX}; reserved values ({@link #SHN_ABS}, {@link #SHN_COMMON}) are kept
 * @param section the name of the section {@code shndx} names, or null when the symbol is in no
 *     section (undefined, absolute, common or another reserved index)
 */
public record ElfSymbol(int index, String name, long value, long size, int type, int binding, int visibility,
        long shndx, String section) {
    /** {@code st_type}: no type (assembler labels, linker-defined symbols). */
    public static final int STT_NOTYPE = 0;
    /** {@code st_type}: a data object. */
    public static final int STT_OBJECT = 1;
    /** {@code st_type}: a function. */
    public static final int STT_FUNC = 2;
    /** {@code st_type}: a section. */
    public static final int STT_SECTION = 3;
    /** {@code st_type}: a source file name. */
    public static final int STT_FILE = 4;
    /** {@code st_type}: an uninitialised common block. */
    public static final int STT_COMMON = 5;
    /** {@code st_type}: a thread-local object (the value is an offset in the TLS block). */
    public static final int STT_TLS = 6;
    /** {@code st_type}: a GNU indirect function (the value is its resolver). */
    public static final int STT_GNU_IFUNC = 10;
    /** {@code st_bind}: local. */
    public static final int STB_LOCAL = 0;
    /** {@code st_bind}: global. */
    public static final int STB_GLOBAL = 1;
    /** {@code st_bind}: weak. */
    public static final int STB_WEAK = 2;
    /** {@code st_bind}: GNU unique (one definition per process). */
    public static final int STB_GNU_UNIQUE = 10;
    /** {@code st_other} visibility: hidden. */
    public static final int STV_HIDDEN = 2;
    /** {@code st_other} visibility: internal. */
    public static final int STV_INTERNAL = 1;
    /** {@code st_shndx}: an absolute value. */
    public static final int SHN_ABS = 0xfff1;
    /** {@code st_shndx}: a common block, {@code st_value} holding its alignment. */
    public static final int SHN_COMMON = 0xfff2;

    /** Tells whether the symbol is undefined ({@code SHN_UNDEF}). */
    public boolean isUndefined() {
        return shndx == ElfHeader.SHN_UNDEF;
    }

    /** Tells whether the symbol is defined in a section (not undefined, absolute, common or reserved). */
    public boolean inSection() {
        return section != null;
    }

    /** Tells whether the binding is anything but {@code STB_LOCAL}. */
    public boolean isGlobal() {
        return binding != STB_LOCAL;
    }
}
