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
 */
public record Member(String name, long type, long bitOffset, long bitSize) {
    /** Tells whether the member is a bit-field. */
    public boolean isBitField() {
        return bitSize != 0;
    }
}
