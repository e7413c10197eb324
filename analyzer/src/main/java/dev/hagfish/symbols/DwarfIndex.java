package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import dev.hagfish.dwarf.Aranges;
import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.io.FormatException;
import dev.hagfish.symbols.DwarfFacts.Subroutine;
import dev.hagfish.symbols.DwarfFacts.TypeFact;
import dev.hagfish.symbols.DwarfFacts.UnitFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code DwarfIndex} is what one {@link UnitWalker} pass over {@code .debug_info} keeps for
 * symbolization: the {@link Program} that {@link ProgramCollector}s gather (without the
 * functions' parameters, which a symbolizer does not show), and from it per unit
 * its line table offset, compilation directory and subroutine address map, every subprogram and
 * inlined subroutine as a {@link Subroutine}, and the unit lookup from {@code .debug_aranges}
 * and unit ranges. With {@code withData} the same pass also collects the type facts that size
 * the variables at fixed addresses.
 *
 * <p>Immutable once built; package-private.
 */
final class DwarfIndex {
    final List<UnitFacts> units = new ArrayList<>();
    final List<Subroutine> subroutines = new ArrayList<>();
    final DataIndex data;
    final UnitLookup lookup;

    /** What the pass keeps of one unit. */
    private record UnitResult(UnitProgram program, Map<Long, TypeFact> types) {}

    private DwarfIndex(List<CompileUnit> compileUnits, Program program, UnitLookup.Builder lookupBuilder,
            Set<Long> unitsWithAranges, DataIndex data) {
        List<Function> functions = program.functions();
        List<InlinedCall> inlined = program.inlinedCalls();
        int f = 0;
        int c = 0;
        for (CompileUnit u : compileUnits) {
            AddressMap map = new AddressMap();
            int first = subroutines.size();
            // The unit's subprograms and inlined subroutines, merged back into DIE order, so that
            // a caller is painted before its callees and the innermost wins.
            while (f < functions.size() && functions.get(f).unit() == u.offset()
                    || c < inlined.size() && inlined.get(c).unit() == u.offset()) {
                boolean takeFunction = c >= inlined.size() || inlined.get(c).unit() != u.offset()
                        || f < functions.size() && functions.get(f).unit() == u.offset()
                        && functions.get(f).die() < inlined.get(c).die();
                Subroutine s;
                List<AddressRange> ranges;
                if (takeFunction) {
                    Function fn = functions.get(f++);
                    if (fn.declaration()) { // a declaration has no code: its name is all it gives
                        continue;
                    }
                    ranges = fn.ranges();
                    s = Subroutine.of(units.size(), fn);
                } else {
                    InlinedCall call = inlined.get(c++);
                    ranges = call.ranges();
                    s = Subroutine.of(units.size(), call, indexOf(call.parent(), first));
                }
                int index = subroutines.size();
                subroutines.add(s);
                for (AddressRange range : ranges) {
                    map.paint(range.low(), range.high(), index);
                }
            }
            units.add(new UnitFacts(u.offset(), u.end(), u.compDir(), u.stmtList(), map));
            if (!unitsWithAranges.contains(u.offset())) {
                for (AddressRange range : u.ranges()) {
                    lookupBuilder.add(u.offset(), range);
                }
            }
        }
        this.lookup = lookupBuilder.build();
        this.data = data;
    }

    /**
     * Returns the index of the subroutine of DIE {@code die} among those from {@code first} on
     * (one unit's, in DIE order), or -1.
     */
    private int indexOf(long die, int first) {
        int lo = first;
        int hi = subroutines.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long at = subroutines.get(mid).die();
            if (at < die) {
                lo = mid + 1;
            } else if (at > die) {
                hi = mid;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /**
     * Runs the pass, on one thread.
     *
     * @throws FormatException if a unit, DIE, range list, line table header or aranges set is
     *     malformed
     */
    static DwarfIndex build(DwarfSections sections, boolean withData) throws FormatException {
        List<UnitResult> results = List.of();
        if (sections.get("debug_info").isPresent()) {
            results = UnitWalker.walk(sections, 1, unit -> {
                UnitWalker.Visitor<UnitProgram> p = new ProgramCollector(sections, unit, false);
                DataIndex.TypeSizes t = withData ? new DataIndex.TypeSizes(unit) : null;
                return new UnitWalker.Visitor<UnitResult>() {
                    @Override
                    public void visit(Die d) throws FormatException {
                        p.visit(d);
                        if (t != null) {
                            t.visit(d);
                        }
                    }

                    @Override
                    public UnitResult finish() throws FormatException {
                        return new UnitResult(p.finish(), t == null ? Map.of() : t.finish());
                    }
                };
            });
        }
        List<UnitProgram> programs = new ArrayList<>(results.size());
        List<CompileUnit> units = new ArrayList<>(results.size());
        for (UnitResult r : results) {
            programs.add(r.program());
            units.add(r.program().unit());
        }
        Program program = ProgramReader.link(programs);
        DataIndex data = null;
        if (withData) {
            long[] ends = new long[results.size()];
            List<Map<Long, TypeFact>> types = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                ends[i] = results.get(i).program().end();
                types.add(results.get(i).types());
            }
            data = new DataIndex(ends, types, program.variables());
        }
        return of(sections, units, program, data);
    }

    /**
     * Makes the index from a program read in another pass (with or without parameters), without
     * reading {@code .debug_info} again.
     *
     * @param units the units, in section order
     * @param program their program
     * @param data the data index, or null
     * @throws FormatException if {@code .debug_aranges} is malformed
     */
    static DwarfIndex of(DwarfSections sections, List<CompileUnit> units, Program program, DataIndex data)
            throws FormatException {
        UnitLookup.Builder lookupBuilder = new UnitLookup.Builder();
        Set<Long> unitsWithAranges = new HashSet<>();
        if (sections.get("debug_aranges").isPresent()) {
            for (Aranges.Entry e : Aranges.read(sections.get("debug_aranges").get())) {
                lookupBuilder.add(e.unitOffset(), e.range());
                unitsWithAranges.add(e.unitOffset());
            }
        }
        return new DwarfIndex(units, program, lookupBuilder, unitsWithAranges, data);
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
}
