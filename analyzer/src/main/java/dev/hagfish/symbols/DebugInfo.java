package dev.hagfish.symbols;

import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.dwarf.UnitTypes;
import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.io.FormatException;
import dev.hagfish.types.TypeGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DebugInfo} is the whole of a file's {@code .debug_info} that hagfish keeps: the type
 * graph and the functions, inlined calls and variables, built in one streaming pass. Each DIE is
 * read once and handed to both a type collector and a program collector of its unit; units are
 * walked on several threads.
 *
 * @param types the type graph
 * @param program the functions, inlined calls and variables
 * @param units the units, in section order (what {@link Symbolizer#of(DwarfSections, DebugInfo,
 *     SymbolRanges)} needs beside the program)
 */
public record DebugInfo(TypeGraph types, Program program, List<CompileUnit> units) {
    /** Creates the record; the list is copied. */
    public DebugInfo {
        units = List.copyOf(units);
    }

    /** What one unit gave both collectors. */
    private record UnitResult(UnitTypes types, UnitProgram program) {}

    /**
     * Reads a file's types and program in one pass.
     *
     * @param threads how many units are walked at once
     * @throws FormatException if a unit is malformed
     */
    public static DebugInfo read(DwarfSections sections, int threads) throws FormatException {
        TypeReader types = new TypeReader(sections);
        UnitWalker.Factory<UnitProgram> programs = ProgramReader.factory(sections);
        List<UnitResult> units = UnitWalker.walk(sections, threads, unit -> {
            UnitWalker.Visitor<UnitTypes> t = types.collector(unit);
            UnitWalker.Visitor<UnitProgram> p = programs.open(unit);
            return new UnitWalker.Visitor<UnitResult>() {
                @Override
                public void visit(Die die) throws FormatException {
                    t.visit(die);
                    p.visit(die);
                }

                @Override
                public UnitResult finish() throws FormatException {
                    return new UnitResult(t.finish(), p.finish());
                }
            };
        });
        List<UnitTypes> typeUnits = new ArrayList<>(units.size());
        List<UnitProgram> programUnits = new ArrayList<>(units.size());
        List<CompileUnit> compileUnits = new ArrayList<>(units.size());
        for (UnitResult u : units) {
            typeUnits.add(u.types());
            programUnits.add(u.program());
            compileUnits.add(u.program().unit());
        }
        units = null; // let the per-unit results go as soon as they are merged
        TypeGraph graph = types.build(typeUnits);
        typeUnits = null;
        return new DebugInfo(graph, ProgramReader.link(programUnits), compileUnits);
    }
}
