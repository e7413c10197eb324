package dev.hagfish.macho;

/**
 * An {@code Nlist} is one decoded {@code nlist} or {@code nlist_64} entry
 * ({@code EXTERNAL_HEADERS/mach-o/nlist.h}, {@code stab.h}).
 *
 * @param index the entry's index in the symbol table
 * @param name the name from the string table (empty for index 0)
 * @param type the {@code n_type} byte
 * @param sect the {@code n_sect} section ordinal, 1-based, or 0 ({@code NO_SECT})
 * @param desc the {@code n_desc} field
 * @param value the {@code n_value}: an unslid address for section symbols
 */
public record Nlist(int index, String name, int type, int sect, int desc, long value) {
    /** Mask of the stab bits. */
    public static final int N_STAB = 0xe0;
    /** Mask of the private-external bit. */
    public static final int N_PEXT = 0x10;
    /** Mask of the type bits. */
    public static final int N_TYPE = 0x0e;
    /** Mask of the external bit. */
    public static final int N_EXT = 0x01;
    /** Undefined. */
    public static final int N_UNDF = 0x0;
    /** Absolute. */
    public static final int N_ABS = 0x2;
    /** Defined in section {@code n_sect}. */
    public static final int N_SECT = 0xe;
    /** Indirect. */
    public static final int N_INDR = 0xa;

    /** Stab: global symbol. */
    public static final int N_GSYM = 0x20;
    /** Stab: procedure. */
    public static final int N_FUN = 0x24;
    /** Stab: static symbol. */
    public static final int N_STSYM = 0x26;
    /** Stab: begin nsect symbol. */
    public static final int N_BNSYM = 0x2e;
    /** Stab: end nsect symbol. */
    public static final int N_ENSYM = 0x4e;
    /** Stab: source file name. */
    public static final int N_SO = 0x64;
    /** Stab: object file name; the value is the object's modification time. */
    public static final int N_OSO = 0x66;

    /** Tells whether this is a debugging (stab) entry. */
    public boolean isStab() {
        return (type & N_STAB) != 0;
    }

    /** Tells whether this is a non-stab symbol defined in a section. */
    public boolean isSectionSymbol() {
        return !isStab() && (type & N_TYPE) == N_SECT;
    }

    /** Tells whether the external bit is set. */
    public boolean isExternal() {
        return (type & N_EXT) != 0;
    }
}
