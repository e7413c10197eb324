package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;

/**
 * A {@code UnitHeader} is the header of one unit of {@code .debug_info} (DWARF 2–5, 32- and
 * 64-bit formats; DWARF 5 §7.5.1).
 *
 * @param offset the unit's offset in {@code .debug_info}
 * @param end the offset just past the unit
 * @param offsetSize 4 (32-bit DWARF) or 8 (64-bit DWARF)
 * @param version 2, 3, 4 or 5
 * @param unitType {@code DW_UT_*} (DWARF 5), {@code DW_UT_compile} for earlier versions
 * @param abbrevOffset the unit's abbreviation table
 * @param addressSize the size of an address, in bytes
 * @param typeSignature a type unit's signature, else 0
 * @param typeOffset a type unit's type DIE offset (unit-relative), else 0
 * @param dieOffset the offset of the first DIE
 */
public record UnitHeader(long offset, long end, int offsetSize, int version, int unitType, long abbrevOffset,
        int addressSize, long typeSignature, long typeOffset, long dieOffset) {
    /** {@code DW_UT_compile}. */
    public static final int DW_UT_COMPILE = 1;
    /** {@code DW_UT_type}. */
    public static final int DW_UT_TYPE = 2;
    /** {@code DW_UT_partial}. */
    public static final int DW_UT_PARTIAL = 3;
    /** {@code DW_UT_skeleton}. */
    public static final int DW_UT_SKELETON = 4;
    /** {@code DW_UT_split_compile}. */
    public static final int DW_UT_SPLIT_COMPILE = 5;
    /** {@code DW_UT_split_type}. */
    public static final int DW_UT_SPLIT_TYPE = 6;

    /**
     * Reads the header at {@code offset} of {@code .debug_info}.
     *
     * @throws FormatException if the length, version or address size is invalid
     */
    public static UnitHeader read(ByteSource info, long offset) throws FormatException {
        InitialLength len = InitialLength.read(info, offset, "unit length", "debug_info");
        int offsetSize = len.offsetSize();
        long start = len.start();
        long end = len.end();
        BinaryCursor h = new BinaryCursor(info, start, end);
        int version = h.u16();
        if (version < 2 || version > 5) {
            throw new FormatException(info.describe(), start, "unit version " + version + " is not DWARF 2 to 5");
        }
        int unitType = DW_UT_COMPILE;
        long abbrev;
        int addressSize;
        long signature = 0;
        long typeOffset = 0;
        if (version >= 5) {
            unitType = h.u8();
            addressSize = h.u8();
            abbrev = offsetSize == 8 ? h.u64() : h.u32();
            if (unitType == DW_UT_TYPE || unitType == DW_UT_SPLIT_TYPE) {
                signature = h.u64();
                typeOffset = offsetSize == 8 ? h.u64() : h.u32();
            } else if (unitType == DW_UT_SKELETON || unitType == DW_UT_SPLIT_COMPILE) {
                signature = h.u64(); // dwo_id
            }
        } else {
            abbrev = offsetSize == 8 ? h.u64() : h.u32();
            addressSize = h.u8();
        }
        if (addressSize != 2 && addressSize != 4 && addressSize != 8) {
            throw new FormatException(info.describe(), start, "unit address size " + addressSize + " is not 2, 4 or 8");
        }
        return new UnitHeader(offset, end, offsetSize, version, unitType, abbrev, addressSize, signature, typeOffset,
                h.position());
    }
}
