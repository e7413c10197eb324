package dev.hagfish.types;

/**
 * A {@code Member} is one data member of a struct or union, with its exact position in bits from
 * the start of the struct. DWARF 2/3 {@code DW_AT_bit_offset} (from the most significant bit of
 * the storage unit) and DWARF 4+ {@code DW_AT_data_bit_offset} both normalise to this.
 *
 * @param name the name, or null for an anonymous struct or union member
 * @param type the member's type id
 * @param bitOffset the offset in bits from the start of the enclosing type
 * @param bitSize the width of a bit-field, or 0 for an ordinary member
 * @param alignment the member's own {@code DW_AT_alignment} in bytes (from
 *     {@code __attribute__((aligned(N)))} on the member), or 0 when not given
 */
public record Member(String name, long type, long bitOffset, long bitSize, long alignment) {
    /** A member without an alignment of its own. */
    public Member(String name, long type, long bitOffset, long bitSize) {
        this(name, type, bitOffset, bitSize, 0);
    }

    /** Tells whether the member is a bit-field. */
    public boolean isBitField() {
        return bitSize != 0;
    }
}
