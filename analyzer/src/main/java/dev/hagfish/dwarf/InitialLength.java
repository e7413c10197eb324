package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;

/**
 * An {@code InitialLength} is the length field that starts every DWARF unit, set and table
 * (DWARF 5 §7.4): 32-bit, or {@code 0xffffffff} followed by a 64-bit length for the 64-bit format.
 * Reading one checks the reserved values and that the length stays inside the section.
 *
 * @param length the length of what follows the field
 * @param offsetSize 4 for 32-bit DWARF, 8 for 64-bit DWARF
 * @param start the offset just after the field
 * @param end {@code start + length}
 */
public record InitialLength(long length, int offsetSize, long start, long end) {
    /**
     * Reads the initial length at {@code offset}.
     *
     * @param what how messages name the field, e.g. {@code "unit length"} or {@code "aranges set length"}
     * @param section the section's canonical name, for messages
     * @throws FormatException if the length is a reserved value or runs past the section
     */
    public static InitialLength read(ByteSource s, long offset, String what, String section)
            throws FormatException {
        BinaryCursor c = new BinaryCursor(s, offset);
        long length = c.u32();
        int offsetSize = 4;
        if (length == 0xffffffffL) {
            length = c.u64();
            offsetSize = 8;
        } else if (length >= 0xfffffff0L) {
            throw new FormatException(s.describe(), offset, what + " 0x" + Long.toHexString(length)
                    + " is a reserved value");
        }
        long start = c.position();
        if (length < 0 || length > s.size() - start) {
            throw new FormatException(s.describe(), offset, what + " 0x" + Long.toHexString(length)
                    + " runs past the end of " + section + " (size 0x" + Long.toHexString(s.size()) + ")");
        }
        return new InitialLength(length, offsetSize, start, start + length);
    }
}
