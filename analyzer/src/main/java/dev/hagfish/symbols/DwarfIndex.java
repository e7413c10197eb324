package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import dev.hagfish.dwarf.Aranges;
import dev.hagfish.dwarf.AttrValue;
import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DieReader;
import dev.hagfish.dwarf.DwAt;
import dev.hagfish.dwarf.DwTag;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.Ranges;
import dev.hagfish.dwarf.Unit;
import dev.hagfish.dwarf.UnitHeader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.ByteOrder;
import dev.hagfish.symbols.DwarfFacts.CallSite;
import dev.hagfish.symbols.DwarfFacts.Decl;
import dev.hagfish.symbols.DwarfFacts.Subroutine;
import dev.hagfish.symbols.DwarfFacts.UnitFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code DwarfIndex} is what one pass over {@code .debug_info} keeps for symbolization: per
 * unit its line table offset, compilation directory and subroutine address map; every
 * subprogram and inlined subroutine; the naming attributes of the DIEs names are looked up in;
 * and the unit lookup from {@code .debug_aranges} and unit ranges. With {@code withData} it also
 * collects the variables at fixed addresses and the type facts that size them.
 *
 * <p>Immutable once built; package-private.
 */
final class DwarfIndex {
    final List<UnitFacts> units = new ArrayList<>();
    final List<Subroutine> subroutines = new ArrayList<>();
    final Map<Long, Decl> decls = new HashMap<>();
    final DataIndex data;
    UnitLookup lookup;

    private final DwarfSections sections;
    private final Ranges ranges;
    private final UnitLookup.Builder lookupBuilder = new UnitLookup.Builder();
    private final Set<Long> unitsWithAranges = new HashSet<>();

    private DwarfIndex(DwarfSections sections, boolean withData) {
        this.sections = sections;
        this.ranges = new Ranges(sections);
        this.data = withData ? new DataIndex(sections.get("debug_info").map(ByteSource::order).orElse(ByteOrder.LITTLE_ENDIAN)) : null;
    }

    /**
     * Runs the pass.
     *
     * @throws FormatException if a unit, DIE, range list or aranges set is malformed
     */
    static DwarfIndex build(DwarfSections sections, boolean withData) throws FormatException {
        DwarfIndex x = new DwarfIndex(sections, withData);
        if (sections.get("debug_aranges").isPresent()) {
            for (Aranges.Entry e : Aranges.read(sections.get("debug_aranges").get())) {
                x.lookupBuilder.add(e.unitOffset(), e.range());
                x.unitsWithAranges.add(e.unitOffset());
            }
        }
        if (sections.get("debug_info").isPresent()) {
            DieReader reader = new DieReader(sections);
            for (UnitHeader h : reader.unitHeaders()) {
                x.unit(reader, h);
            }
        }
        x.lookup = x.lookupBuilder.build();
        return x;
    }

    /** Returns the index of the unit holding a {@code .debug_info} offset, or -1. */
    int unitIndex(long infoOffset) {
        int lo = 0;
        int hi = units.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(units.get(mid).end(), infoOffset) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < units.size() && Long.compareUnsigned(units.get(lo).offset(), infoOffset) <= 0 ? lo : -1;
    }

    private void unit(DieReader reader, UnitHeader h) throws FormatException {
        Unit u = reader.unit(h);
        DieReader.Cursor c = reader.cursor(u);
        Die top = c.next();
        if (top == null) {
            return;
        }
        String compDir = u.string(top.get(DwAt.COMP_DIR));
        AttrValue stmt = top.get(DwAt.STMT_LIST);
        long stmtList = stmt instanceof AttrValue.SecOffset s ? s.offset()
                : stmt instanceof AttrValue.Constant k ? k.value() : DwarfFacts.NONE;
        long rnglistsBase = top.get(DwAt.RNGLISTS_BASE) instanceof AttrValue.SecOffset s ? s.offset() : -1;
        UnitPass pass = new UnitPass(u, units.size(), baseAddress(u, top), rnglistsBase);
        units.add(new UnitFacts(h.offset(), h.end(), compDir == null ? "" : compDir, stmtList, pass.map));
        if (!unitsWithAranges.contains(h.offset())) {
            for (AddressRange r : ranges(u, top, pass.base, rnglistsBase)) {
                lookupBuilder.add(h.offset(), r);
            }
        }
        for (Die d = c.next(); d != null; d = c.next()) {
            pass.visit(d);
        }
    }

    /** The state of the pass over one unit's DIEs below the unit DIE. */
    private final class UnitPass {
        final Unit u;
        final int index;
        final long base;
        final long rnglistsBase;
        final AddressMap map = new AddressMap();
        // Per depth: the nearest subroutine at or above that depth; -1 (none) until a DIE at that
        // depth sets it. The unit DIE's depth 0 is never visited, so its -1 ends every chain.
        int[] enclosing = new int[16];

        UnitPass(Unit u, int index, long base, long rnglistsBase) {
            this.u = u;
            this.index = index;
            this.base = base;
            this.rnglistsBase = rnglistsBase;
            Arrays.fill(enclosing, -1);
        }

        void visit(Die d) throws FormatException {
            int depth = d.depth();
            if (depth >= enclosing.length) {
                int old = enclosing.length;
                enclosing = Arrays.copyOf(enclosing, Math.max(depth + 1, old * 2));
                Arrays.fill(enclosing, old, enclosing.length, -1);
            }
            int parent = depth > 0 ? enclosing[depth - 1] : -1;
            enclosing[depth] = parent;
            int tag = d.tag();
            boolean declaration = d.get(DwAt.DECLARATION) instanceof AttrValue.Flag f && f.value();
            if (tag == DwTag.SUBPROGRAM || tag == DwTag.INLINED_SUBROUTINE) {
                decls.put(d.offset(), decl(u, index, d));
                if (!declaration) { // a declaration has no code: its name is all it gives
                    int sub = subroutines.size();
                    subroutines.add(subroutine(u, index, d, parent));
                    enclosing[depth] = sub;
                    for (AddressRange r : ranges(u, d, base, rnglistsBase)) {
                        map.paint(r.low(), r.high(), sub);
                    }
                }
            } else if (data != null && (tag == DwTag.VARIABLE || tag == DwTag.MEMBER && declaration)) {
                decls.put(d.offset(), decl(u, index, d)); // a static member is a declaration
            }
            if (data != null) {
                data.visit(u, d);
            }
        }
    }

    private Subroutine subroutine(Unit u, int unit, Die d, int parent) throws FormatException {
        AttrValue low = d.get(DwAt.LOW_PC);
        boolean hasLow = low instanceof AttrValue.Address || low instanceof AttrValue.AddressIndex;
        long lowPc = hasLow ? u.address(low) : 0;
        CallSite call = CallSite.NONE;
        if (d.tag() == DwTag.INLINED_SUBROUTINE) {
            call = new CallSite(constant(d.get(DwAt.CALL_FILE), 0), constant(d.get(DwAt.CALL_LINE), 0),
                    constant(d.get(DwAt.CALL_COLUMN), 0), constant(d.get(DwAt.GNU_DISCRIMINATOR), 0));
        }
        return new Subroutine(unit, d.offset(), d.tag() == DwTag.INLINED_SUBROUTINE, parent, lowPc, hasLow, call);
    }

    private static Decl decl(Unit u, int unit, Die d) throws FormatException {
        String linkage = null;
        for (Die.Attribute a : d.attributes()) {
            if (a.at() == DwAt.LINKAGE_NAME || a.at() == DwAt.MIPS_LINKAGE_NAME) {
                linkage = u.string(a.value());
                break;
            }
        }
        return new Decl(unit, u.string(d.get(DwAt.NAME)), linkage, constant(d.get(DwAt.DECL_FILE), DwarfFacts.NONE),
                constant(d.get(DwAt.DECL_LINE), DwarfFacts.NONE), ref(d.get(DwAt.ABSTRACT_ORIGIN)),
                ref(d.get(DwAt.SPECIFICATION)), ref(d.get(DwAt.TYPE)));
    }

    /** Returns the unit's base address: the unit DIE's low_pc (or entry_pc), else 0. */
    private static long baseAddress(Unit u, Die top) throws FormatException {
        for (Die.Attribute a : top.attributes()) {
            if ((a.at() == DwAt.LOW_PC || a.at() == DwAt.ENTRY_PC)
                    && (a.value() instanceof AttrValue.Address || a.value() instanceof AttrValue.AddressIndex)) {
                return u.address(a.value());
            }
        }
        return 0;
    }

    /** Returns a DIE's ranges: low_pc/high_pc (high as an address or an offset), else DW_AT_ranges. */
    private List<AddressRange> ranges(Unit u, Die d, long base, long rnglistsBase) throws FormatException {
        AttrValue low = d.get(DwAt.LOW_PC);
        AttrValue high = d.get(DwAt.HIGH_PC);
        if ((low instanceof AttrValue.Address || low instanceof AttrValue.AddressIndex) && high != null) {
            long lo = u.address(low);
            if (high instanceof AttrValue.Address || high instanceof AttrValue.AddressIndex) {
                return List.of(new AddressRange(lo, u.address(high)));
            }
            if (high instanceof AttrValue.Constant k) {
                return List.of(new AddressRange(lo, lo + k.value()));
            }
        }
        AttrValue r = d.get(DwAt.RANGES);
        return r == null ? List.of() : ranges.of(u, r, base, rnglistsBase);
    }

    static long constant(AttrValue v, long absent) {
        return v instanceof AttrValue.Constant k ? k.value() : absent;
    }

    static long ref(AttrValue v) {
        return v instanceof AttrValue.Ref r ? r.infoOffset() : DwarfFacts.NONE;
    }
}
