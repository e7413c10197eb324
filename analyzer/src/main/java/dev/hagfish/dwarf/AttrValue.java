package dev.hagfish.dwarf;

/**
 * An {@code AttrValue} is one decoded attribute value, normalised from its form: constants of
 * every width are {@link Constant}, references of every width are {@link Ref} with an absolute
 * {@code .debug_info} offset, inline and section strings are {@link Str}. Values that need the
 * unit's bases ({@code DW_FORM_strx*}, {@code DW_FORM_addrx*}) stay indices until the
 * {@link Unit} resolves them.
 */
public sealed interface AttrValue {
    /** An address ({@code DW_FORM_addr}). @param value the address */
    record Address(long value) implements AttrValue {}

    /** An index into {@code .debug_addr}. @param index the index */
    record AddressIndex(long index) implements AttrValue {}

    /**
     * A constant.
     *
     * @param value the value (sign-extended when {@code signed})
     * @param signed whether the form is signed ({@code sdata}, {@code implicit_const})
     */
    record Constant(long value, boolean signed) implements AttrValue {}

    /** A 16-byte constant. @param bytes the bytes */
    record Data16(byte[] bytes) implements AttrValue {}

    /** A block or an expression ({@code DW_FORM_block*}, {@code exprloc}). @param bytes the bytes */
    record Block(byte[] bytes) implements AttrValue {}

    /** A string. @param value the string */
    record Str(String value) implements AttrValue {}

    /** An index into {@code .debug_str_offsets}. @param index the index */
    record StrIndex(long index) implements AttrValue {}

    /** A reference to a DIE. @param infoOffset the DIE's absolute offset in {@code .debug_info} */
    record Ref(long infoOffset) implements AttrValue {}

    /** A type-unit signature ({@code DW_FORM_ref_sig8}). @param signature the signature */
    record RefSig8(long signature) implements AttrValue {}

    /** A flag. @param value the flag */
    record Flag(boolean value) implements AttrValue {}

    /** An offset into another section ({@code DW_FORM_sec_offset}). @param offset the offset */
    record SecOffset(long offset) implements AttrValue {}

    /**
     * An index into a location or range list table.
     *
     * @param index the index
     * @param form {@code DW_FORM_loclistx} or {@code DW_FORM_rnglistx}
     */
    record ListIndex(long index, int form) implements AttrValue {}

    /**
     * A reference into a supplementary or alternate file, which hagfish does not open.
     *
     * @param offset the offset
     * @param form the form
     */
    record External(long offset, int form) implements AttrValue {}
}
