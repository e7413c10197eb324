package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Ranges} decodes the non-contiguous address ranges of a DIE ({@code DW_AT_ranges}):
 * {@code .debug_ranges} lists of DWARF 2–4 (DWARF 4 §2.17.3, with base address selection
 * entries) and {@code .debug_rnglists} lists of DWARF 5 (§2.17.3, all {@code DW_RLE_*} kinds,
 * reached by offset or by {@code DW_FORM_rnglistx} index through {@code DW_AT_rnglists_base}).
 * Offset pairs are relative to the unit's base address, as the spec says.
 *
 * <p>Stateless apart from the sections; safe to share between threads if the {@link Unit} is not
 * used concurrently.
 */
public final class Ranges {
    private static final int DW_RLE_END_OF_LIST = 0, DW_RLE_BASE_ADDRESSX = 1, DW_RLE_STARTX_ENDX = 2,
            DW_RLE_STARTX_LENGTH = 3, DW_RLE_OFFSET_PAIR = 4, DW_RLE_BASE_ADDRESS = 5, DW_RLE_START_END = 6,
            DW_RLE_START_LENGTH = 7;

    private final DwarfSections sections;

    /** Creates a decoder over the sections of one object. */
    public Ranges(DwarfSections sections) {
        this.sections = sections;
    }

    /**
     * Returns the ranges a {@code DW_AT_ranges} value names.
     *
     * @param unit the DIE's unit (its version, sizes and {@code .debug_addr} base)
     * @param value the attribute value: a section offset, a constant (DWARF 2/3) or a
     *     {@code DW_FORM_rnglistx} index
     * @param baseAddress the unit's base address ({@code DW_AT_low_pc} of the unit DIE), or 0
     * @param rnglistsBase the unit's {@code DW_AT_rnglists_base}, or -1 when absent
     * @throws FormatException if the list runs past its section or an entry is invalid
     */
    public List<AddressRange> of(Unit unit, AttrValue value, long baseAddress, long rnglistsBase)
            throws FormatException {
        UnitHeader h = unit.header();
        if (value instanceof AttrValue.ListIndex x) {
            ByteSource s = sections.require("debug_rnglists");
            long base = rnglistsBase >= 0 ? rnglistsBase : (h.offsetSize() == 8 ? 20 : 12);
            long at = base + x.index() * h.offsetSize();
            if (x.index() < 0 || x.index() > s.size() / h.offsetSize() || at < 0) {
                throw new FormatException(s.describe(), base, "range list index " + Long.toUnsignedString(x.index())
                        + " lies outside debug_rnglists");
            }
            long rel = h.offsetSize() == 8 ? s.u64(at) : s.u32(at);
            return rnglist(unit, s, base + rel, baseAddress);
        }
        long offset;
        if (value instanceof AttrValue.SecOffset o) {
            offset = o.offset();
        } else if (value instanceof AttrValue.Constant k) {
            offset = k.value();
        } else {
            throw new FormatException("debug_info", h.offset(), "DW_AT_ranges value " + value
                    + " is not a section offset or an index");
        }
        if (h.version() >= 5) {
            return rnglist(unit, sections.require("debug_rnglists"), offset, baseAddress);
        }
        return debugRanges(h, sections.require("debug_ranges"), offset, baseAddress);
    }

    private static List<AddressRange> debugRanges(UnitHeader h, ByteSource s, long offset, long base)
            throws FormatException {
        int size = h.addressSize();
        long max = size == 8 ? -1L : (1L << (8 * size)) - 1;
        BinaryCursor c = cursor(s, offset);
        List<AddressRange> out = new ArrayList<>();
        while (true) {
            long start = sized(c, size);
            long end = sized(c, size);
            if (start == 0 && end == 0) {
                return out;
            }
            if (start == max) {
                base = end;
            } else {
                out.add(new AddressRange(base + start, base + end));
            }
        }
    }

    private static List<AddressRange> rnglist(Unit unit, ByteSource s, long offset, long base)
            throws FormatException {
        int size = unit.header().addressSize();
        BinaryCursor c = cursor(s, offset);
        List<AddressRange> out = new ArrayList<>();
        while (true) {
            long at = c.position();
            int kind = c.u8();
            switch (kind) {
                case DW_RLE_END_OF_LIST -> {
                    return out;
                }
                case DW_RLE_BASE_ADDRESSX -> base = unit.address(new AttrValue.AddressIndex(c.uleb()));
                case DW_RLE_STARTX_ENDX -> {
                    long lo = unit.address(new AttrValue.AddressIndex(c.uleb()));
                    out.add(new AddressRange(lo, unit.address(new AttrValue.AddressIndex(c.uleb()))));
                }
                case DW_RLE_STARTX_LENGTH -> {
                    long lo = unit.address(new AttrValue.AddressIndex(c.uleb()));
                    out.add(new AddressRange(lo, lo + c.uleb()));
                }
                case DW_RLE_OFFSET_PAIR -> {
                    long lo = c.uleb();
                    out.add(new AddressRange(base + lo, base + c.uleb()));
                }
                case DW_RLE_BASE_ADDRESS -> base = sized(c, size);
                case DW_RLE_START_END -> {
                    long lo = sized(c, size);
                    out.add(new AddressRange(lo, sized(c, size)));
                }
                case DW_RLE_START_LENGTH -> {
                    long lo = sized(c, size);
                    out.add(new AddressRange(lo, lo + c.uleb()));
                }
                default -> throw new FormatException(s.describe(), at, "range list entry kind 0x"
                        + Integer.toHexString(kind) + " is not a DW_RLE_* code");
            }
        }
    }

    private static BinaryCursor cursor(ByteSource s, long offset) throws FormatException {
        if (offset < 0 || offset >= s.size()) {
            throw new FormatException(s.describe(), offset, "range list offset 0x" + Long.toHexString(offset)
                    + " lies outside the section (size 0x" + Long.toHexString(s.size()) + ")");
        }
        return new BinaryCursor(s, offset);
    }

    private static long sized(BinaryCursor c, int size) throws FormatException {
        return switch (size) {
            case 1 -> c.u8();
            case 2 -> c.u16();
            case 4 -> c.u32();
            default -> c.u64();
        };
    }
}
