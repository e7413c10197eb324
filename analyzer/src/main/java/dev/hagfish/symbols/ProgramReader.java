package dev.hagfish.symbols;

import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.io.FormatException;
import dev.hagfish.symbols.DwarfFacts.InlinedFacts;
import dev.hagfish.symbols.DwarfFacts.Own;
import dev.hagfish.symbols.DwarfFacts.SubprogramFacts;
import dev.hagfish.symbols.DwarfFacts.VariableFacts;
import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ProgramReader} reads the functions, inlined calls and variables of an object's DWARF
 * into a {@link Program}: one {@link ProgramCollector} per unit in one {@link UnitWalker} pass
 * (units on several threads if asked), then {@link #link} follows {@code DW_AT_specification}
 * and {@code DW_AT_abstract_origin} references, within a unit and across units
 * ({@code DW_FORM_ref_addr}), as {@code llvm-dwarfdump} does: each attribute from the first DIE
 * that has it, the DIE itself first, then depth-first through the specification before the
 * origin. The result does not depend on the thread count.
 *
 * <p>Stateless; safe to use from several threads.
 */
public final class ProgramReader {
    private ProgramReader() {}

    /**
     * Reads every unit of {@code .debug_info}.
     *
     * @param sections the object's DWARF sections
     * @param threads how many units to walk at once (1 walks them on the calling thread)
     * @throws FormatException at the first malformed unit, DIE, range list or line table header,
     *     in section order
     */
    public static Program read(DwarfSections sections, int threads) throws FormatException {
        if (sections.get("debug_info").isEmpty()) {
            return link(List.of());
        }
        return link(UnitWalker.walk(sections, threads, factory(sections)));
    }

    /**
     * Returns the factory of the per-unit collectors, for a caller that runs them in its own
     * pass beside other visitors and then calls {@link #link}.
     */
    public static UnitWalker.Factory<UnitProgram> factory(DwarfSections sections) {
        return unit -> new ProgramCollector(sections, unit);
    }

    /**
     * Joins what the collectors kept of every unit into a program, following references between
     * DIEs.
     *
     * @param units one result per unit, in section order
     */
    public static Program link(List<UnitProgram> units) {
        Decls decls = new Decls(units);
        Linker l = new Linker(decls);
        List<Function> functions = new ArrayList<>();
        List<InlinedCall> inlined = new ArrayList<>();
        List<Variable> variables = new ArrayList<>();
        for (UnitProgram u : units) {
            for (SubprogramFacts s : u.subprograms) {
                functions.add(l.function(u.offset, s));
            }
            for (InlinedFacts c : u.inlined) {
                inlined.add(l.inlined(u.offset, c));
            }
            for (VariableFacts v : u.variables) {
                variables.add(l.variable(u.offset, v));
            }
        }
        return new Program(functions, inlined, variables);
    }

    /**
     * Finds a DIE's own attributes by its offset: the unit that holds the offset, then the
     * offset among the unit's DIEs, both by binary search (both lists are in offset order), so
     * that nothing is hashed for the many DIEs nobody refers to.
     */
    static final class Decls {
        private final UnitProgram[] units;

        Decls(List<UnitProgram> units) {
            this.units = units.toArray(UnitProgram[]::new);
        }

        /** Returns the own attributes of the DIE at {@code die}, or null if none was kept. */
        Own get(long die) {
            int lo = 0;
            int hi = units.length;
            while (lo < hi) { // the first unit that ends after the offset
                int mid = (lo + hi) >>> 1;
                if (units[mid].end <= die) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo == units.length || units[lo].offset > die) {
                return null;
            }
            List<Own> list = units[lo].decls;
            int a = 0;
            int b = list.size();
            while (a < b) {
                int mid = (a + b) >>> 1;
                long at = list.get(mid).die();
                if (at < die) {
                    a = mid + 1;
                } else if (at > die) {
                    b = mid;
                } else {
                    return list.get(mid);
                }
            }
            return null;
        }
    }

    /** Resolves attributes along the reference chains; shares equal path strings. */
    private static final class Linker {
        private final Decls decls;
        private final Map<String, String> paths = new HashMap<>();

        Linker(Decls decls) {
            this.decls = decls;
        }

        Function function(long unit, SubprogramFacts s) {
            Own own = s.own();
            List<Own> chain = Names.chain(decls, own);
            List<Parameter> params = new ArrayList<>(s.parameters().size());
            for (Own p : s.parameters()) {
                List<Own> pc = Names.chain(decls, p);
                Own named = Names.first(pc, o -> o.name() != null);
                Own artificial = Names.first(pc, o -> o.artificial() != null);
                params.add(new Parameter(p.die(), named == null ? null : named.name(), type(pc),
                        artificial != null && artificial.artificial()));
            }
            return new Function(own.die(), unit, name(chain), linkageName(chain), declFile(chain), declLine(chain),
                    type(chain), params, s.variadic(), external(chain), s.declaration(), s.inline(),
                    own.specification(), own.origin(), s.lowPc(), s.ranges());
        }

        InlinedCall inlined(long unit, InlinedFacts c) {
            Own own = c.own();
            List<Own> chain = Names.chain(decls, own);
            return new InlinedCall(own.die(), unit, own.origin(), name(chain), linkageName(chain), declFile(chain),
                    declLine(chain), share(c.callFile()), c.callLine(), c.callColumn(), c.discriminator(), c.lowPc(),
                    c.ranges(), c.parent(), c.function(), c.depth());
        }

        Variable variable(long unit, VariableFacts v) {
            Own own = v.own();
            List<Own> chain = Names.chain(decls, own);
            return new Variable(own.die(), unit, name(chain), linkageName(chain), type(chain), declFile(chain),
                    declLine(chain), external(chain), v.declaration(), v.address(), own.specification(), v.scope());
        }

        private static String name(List<Own> chain) {
            Own o = Names.first(chain, x -> x.name() != null);
            return o == null ? null : o.name();
        }

        private static String linkageName(List<Own> chain) {
            Own o = Names.first(chain, x -> x.linkageName() != null);
            return o == null ? null : o.linkageName();
        }

        private String declFile(List<Own> chain) {
            Own o = Names.first(chain, Own::hasDeclFile);
            return o == null ? null : share(o.declFile());
        }

        private static long declLine(List<Own> chain) {
            Own o = Names.first(chain, x -> x.declLine() != DwarfFacts.NONE);
            return o == null ? 0 : o.declLine();
        }

        private static long type(List<Own> chain) {
            Own o = Names.first(chain, x -> x.type() != DwarfFacts.NONE);
            return o == null ? Type.VOID : o.type();
        }

        private static boolean external(List<Own> chain) {
            Own o = Names.first(chain, x -> x.external() != null);
            return o != null && o.external();
        }

        private String share(String path) {
            if (path == null) {
                return null;
            }
            String p = paths.putIfAbsent(path, path);
            return p == null ? path : p;
        }
    }
}
