package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import dev.hagfish.dwarf.AttrValue;
import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DwAt;
import dev.hagfish.dwarf.Ranges;
import dev.hagfish.dwarf.Unit;
import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code DieValues} decodes the attribute values the symbol tables read from a DIE: constants,
 * references, flags, linkage names, code ranges and fixed-address locations. The one place
 * these are decoded for {@link ProgramCollector} and {@link DataIndex}. Package-private and
 * stateless.
 */
final class DieValues {
    private static final int DW_OP_ADDR = 0x03;
    private static final int DW_OP_ADDRX = 0xa1;
    private static final int DW_OP_GNU_ADDR_INDEX = 0xfb;

    private DieValues() {}

    /** Returns a constant's value, or {@code absent}. */
    static long constant(AttrValue v, long absent) {
        return v instanceof AttrValue.Constant k ? k.value() : absent;
    }

    /** Returns the {@code .debug_info} offset a reference names, or {@link DwarfFacts#NONE}. */
    static long ref(AttrValue v) {
        return v instanceof AttrValue.Ref r ? r.infoOffset() : DwarfFacts.NONE;
    }

    /** Tells whether a flag attribute is present and set. */
    static boolean flag(AttrValue v) {
        return v instanceof AttrValue.Flag f && f.value();
    }

    /** Returns {@code DW_AT_linkage_name}, else {@code DW_AT_MIPS_linkage_name}, or null. */
    static String linkageName(Unit u, Die d) throws FormatException {
        for (Die.Attribute a : d.attributes()) {
            if (a.at() == DwAt.LINKAGE_NAME || a.at() == DwAt.MIPS_LINKAGE_NAME) {
                return u.string(a.value());
            }
        }
        return null;
    }

    /** Returns the unit's base address: the unit DIE's low_pc (or entry_pc), else 0. */
    static long baseAddress(Unit u, Die top) throws FormatException {
        for (Die.Attribute a : top.attributes()) {
            if ((a.at() == DwAt.LOW_PC || a.at() == DwAt.ENTRY_PC) && isAddress(a.value())) {
                return u.address(a.value());
            }
        }
        return 0;
    }

    /** Returns the unit DIE's {@code DW_AT_rnglists_base}, or -1. */
    static long rnglistsBase(Die top) {
        return top.get(DwAt.RNGLISTS_BASE) instanceof AttrValue.SecOffset s ? s.offset() : -1;
    }

    static boolean isAddress(AttrValue v) {
        return v instanceof AttrValue.Address || v instanceof AttrValue.AddressIndex;
    }

    /**
     * Returns a DIE's code ranges: {@code [low_pc, high_pc)} (high as an address or as an offset
     * from low), else the {@code DW_AT_ranges} list, else none.
     */
    static List<AddressRange> ranges(Ranges ranges, Unit u, Die d, long base, long rnglistsBase)
            throws FormatException {
        return ranges(ranges, u, d.get(DwAt.LOW_PC), d.get(DwAt.HIGH_PC), d.get(DwAt.RANGES), base, rnglistsBase);
    }

    /** As {@link #ranges(Ranges, Unit, Die, long, long)}, from the three attribute values (null when absent). */
    static List<AddressRange> ranges(Ranges ranges, Unit u, AttrValue low, AttrValue high, AttrValue r, long base,
            long rnglistsBase) throws FormatException {
        if (isAddress(low) && high != null) {
            long lo = u.address(low);
            if (isAddress(high)) {
                return List.of(new AddressRange(lo, u.address(high)));
            }
            if (high instanceof AttrValue.Constant k) {
                return List.of(new AddressRange(lo, lo + k.value()));
            }
        }
        return r == null ? List.of() : List.copyOf(ranges.of(u, r, base, rnglistsBase));
    }

    /**
     * Returns the address of a location expression that is exactly one {@code DW_OP_addr}, or
     * one {@code DW_OP_addrx} ({@code DW_OP_GNU_addr_index}) resolved through
     * {@code .debug_addr}; empty for any other expression.
     *
     * @param die the DIE whose location it is, named by errors
     * @throws FormatException if the index lies outside {@code .debug_addr}, or (naming
     *     {@code .debug_info} and the DIE) if the {@code DW_OP_addrx} operand is malformed
     */
    static OptionalLong fixedAddress(Unit u, long die, byte[] expr, ByteOrder order) throws FormatException {
        int size = u.header().addressSize();
        int op = expr.length == 0 ? -1 : expr[0] & 0xff;
        if (op == DW_OP_ADDR && expr.length == 1 + size) {
            ByteSource s = ByteSource.of(expr, "DW_OP_addr").withOrder(order);
            return OptionalLong.of(size == 8 ? s.u64(1) : size == 4 ? s.u32(1) : size == 2 ? s.u16(1) : s.u8(1));
        }
        if ((op == DW_OP_ADDRX || op == DW_OP_GNU_ADDR_INDEX) && expr.length > 1) {
            BinaryCursor c = new BinaryCursor(ByteSource.of(expr, "DW_OP_addrx"), 1);
            long index;
            try {
                index = c.uleb();
            } catch (FormatException e) {
                // The expression's own source names no section; report the DIE, as Unit.address does.
                throw new FormatException("debug_info", die, "variable DIE at 0x" + Long.toHexString(die)
                        + ": DW_AT_location's DW_OP_addrx operand: " + e.detail());
            }
            if (c.atEnd()) {
                return OptionalLong.of(u.address(new AttrValue.AddressIndex(index)));
            }
        }
        return OptionalLong.empty();
    }
}
