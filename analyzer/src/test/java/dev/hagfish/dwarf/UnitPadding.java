package dev.hagfish.dwarf;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@code UnitPadding} turns the bytes of {@code .debug_info} outside a kept range into padding
 * units, so that a fuzz trial parses only the units it mutated while every offset stays where it
 * was. A padding unit fills its gap exactly: a DWARF 4 unit header (32-bit format, address size 8)
 * and one childless {@code DW_TAG_compile_unit} DIE whose only attribute, {@code 0x2000} (the
 * first user attribute) in {@code DW_FORM_block4}, holds the rest of the gap, so a reader copies
 * the gap instead of decoding it. The DIE's abbreviation table is appended to
 * {@code .debug_abbrev}. A gap shorter than a padding unit (16 bytes) is left as it is.
 *
 * @param info the new {@code .debug_info}
 * @param abbrev the new {@code .debug_abbrev}
 */
record UnitPadding(byte[] info, byte[] abbrev) {
    private static final int HEADER = 16;
    /** Code 1: DW_TAG_compile_unit, no children, (0x2000, DW_FORM_block4); then the table's end. */
    private static final byte[] TABLE = {1, 0x11, 0, (byte) 0x80, 0x40, 0x04, 0, 0, 0};

    /**
     * Pads {@code info} outside {@code [keepFrom, keepTo)}.
     *
     * @param info {@code .debug_info}
     * @param abbrev {@code .debug_abbrev}
     * @param order the byte order of {@code .debug_info}
     */
    static UnitPadding of(byte[] info, byte[] abbrev, ByteOrder order, long keepFrom, long keepTo) {
        int from = (int) Math.max(0, Math.min(keepFrom, info.length));
        int to = (int) Math.max(from, Math.min(keepTo, info.length));
        if (from < HEADER && info.length - to < HEADER) {
            return new UnitPadding(info, abbrev);
        }
        byte[] newAbbrev = Arrays.copyOf(abbrev, abbrev.length + TABLE.length);
        System.arraycopy(TABLE, 0, newAbbrev, abbrev.length, TABLE.length);
        byte[] newInfo = info.clone();
        if (from >= HEADER) {
            pad(newInfo, 0, from, abbrev.length, order);
        }
        if (info.length - to >= HEADER) {
            pad(newInfo, to, info.length, abbrev.length, order);
        }
        return new UnitPadding(newInfo, newAbbrev);
    }

    private static void pad(byte[] b, int from, int to, int abbrevOffset, ByteOrder order) {
        int at = from;
        at = put(b, at, to - from - 4, 4, order); // unit_length
        at = put(b, at, 4, 2, order); // version
        at = put(b, at, abbrevOffset, 4, order); // debug_abbrev_offset
        b[at++] = 8; // address_size
        b[at++] = 1; // the DIE's abbreviation code
        put(b, at, to - from - HEADER, 4, order); // the block's length
    }

    private static int put(byte[] b, int at, long v, int width, ByteOrder order) {
        for (int i = 0; i < width; i++) {
            int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (width - 1 - i);
            b[at + i] = (byte) (v >>> shift);
        }
        return at + width;
    }
}
