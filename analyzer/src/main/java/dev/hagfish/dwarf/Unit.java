package dev.hagfish.dwarf;

import dev.hagfish.io.FormatException;

/**
 * A {@code Unit} is one unit of {@code .debug_info}: its header, its abbreviation table, and the
 * bases its unit DIE declares ({@code DW_AT_str_offsets_base}, {@code DW_AT_addr_base}), which
 * resolve {@link AttrValue.StrIndex} and {@link AttrValue.AddressIndex}.
 *
 * <p>Single-threaded, like the reader that made it.
 */
public final class Unit {
    private final DwarfSections sections;
    private final UnitHeader header;
    private final Abbreviations.Table abbrevs;
    private long strOffsetsBase = -1;
    private long addrBase = -1;

    Unit(DwarfSections sections, UnitHeader header, Abbreviations.Table abbrevs) {
        this.sections = sections;
        this.header = header;
        this.abbrevs = abbrevs;
    }

    /** Returns the header. */
    public UnitHeader header() {
        return header;
    }

    Abbreviations.Table abbrevs() {
        return abbrevs;
    }

    /** Records the bases from the unit DIE; DWARF 5 default bases apply when absent. */
    void setBases(Die unitDie) {
        if (unitDie.get(DwAt.STR_OFFSETS_BASE) instanceof AttrValue.SecOffset s) {
            strOffsetsBase = s.offset();
        }
        AttrValue addr = unitDie.get(DwAt.ADDR_BASE);
        if (addr == null) {
            addr = unitDie.get(DwAt.GNU_ADDR_BASE);
        }
        if (addr instanceof AttrValue.SecOffset s) {
            addrBase = s.offset();
        }
    }

    /**
     * Returns the string an attribute value names: inline, in {@code .debug_str} or
     * {@code .debug_line_str} (already resolved), or through {@code .debug_str_offsets}.
     *
     * @return the string, or null when the value is not a string
     */
    public String string(AttrValue v) throws FormatException {
        if (v instanceof AttrValue.Str s) {
            return s.value();
        }
        if (v instanceof AttrValue.StrIndex x) {
            var offsets = sections.require("debug_str_offsets");
            // Without DW_AT_str_offsets_base, the first table's header (8 or 16 bytes) is skipped.
            long base = strOffsetsBase >= 0 ? strOffsetsBase : (header.offsetSize() == 8 ? 16 : 8);
            long at = base + x.index() * header.offsetSize();
            long off = header.offsetSize() == 8 ? offsets.u64(at) : offsets.u32(at);
            return DieReader.sectionString(sections.require("debug_str"), off);
        }
        return null;
    }

    /**
     * Returns the address an attribute value names, directly or through {@code .debug_addr}.
     *
     * @throws FormatException if the value is not an address or the index is out of range
     */
    public long address(AttrValue v) throws FormatException {
        if (v instanceof AttrValue.Address a) {
            return a.value();
        }
        if (v instanceof AttrValue.AddressIndex x) {
            var addr = sections.require("debug_addr");
            long base = addrBase >= 0 ? addrBase : 8;
            long at = base + x.index() * header.addressSize();
            return header.addressSize() == 8 ? addr.u64(at) : addr.u32(at);
        }
        throw new FormatException("debug_info", header.offset(), "attribute value " + v + " is not an address");
    }
}
