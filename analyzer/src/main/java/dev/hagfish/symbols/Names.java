package dev.hagfish.symbols;

import dev.hagfish.symbols.DwarfFacts.Own;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code Names} looks attributes up through {@code DW_AT_abstract_origin} and
 * {@code DW_AT_specification} chains, as {@code llvm-dwarfdump} and {@code llvm-symbolizer} do
 * (LLVM's {@code DWARFDie::findRecursively}), and demangles names as {@code llvm-symbolizer}
 * demangles them: only a whole name that starts like an Itanium encoding.
 *
 * <p>Stateless.
 */
final class Names {
    private Names() {}

    /**
     * Returns the DIEs an attribute of {@code self} is looked for in, in order: {@code self},
     * then depth-first through {@code DW_AT_specification} before {@code DW_AT_abstract_origin},
     * each DIE once (so a cyclic chain ends); references to DIEs that {@code decls} does not
     * hold are skipped. An attribute's value is that of the first DIE in the list that has it.
     */
    static List<Own> chain(ProgramReader.Decls decls, Own self) {
        if (self.origin() == DwarfFacts.NONE && self.specification() == DwarfFacts.NONE) {
            return List.of(self); // the common case, without allocating more
        }
        List<Own> out = new ArrayList<>(4);
        Deque<Own> work = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        work.push(self);
        seen.add(self.die());
        while (!work.isEmpty()) {
            Own d = work.pop();
            out.add(d);
            for (long ref : new long[] {d.origin(), d.specification()}) {
                Own next = ref == DwarfFacts.NONE ? null : decls.get(ref);
                if (next != null && seen.add(ref)) {
                    work.push(next);
                }
            }
        }
        return out;
    }

    /** Returns the first DIE of a {@link #chain} that {@code has} accepts, or null. */
    static Own first(List<Own> chain, Predicate<Own> has) {
        for (Own o : chain) {
            if (has.test(o)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Returns the name {@code llvm-symbolizer} shows for a function or variable: the demangled
     * linkage name, else the name; null when it has neither.
     */
    static String display(String name, String linkageName) {
        if (linkageName != null) {
            return demangle(linkageName);
        }
        return name == null ? null : demangle(name);
    }

    /**
     * Demangles a whole name that starts with {@code _Z} (or {@code ___Z}, a block invocation
     * function); any other name is returned as is.
     */
    static String demangle(String name) {
        if (name.startsWith("_Z")) {
            return Demangler.demangle(name);
        }
        if (name.startsWith("___Z")) {
            // Demangler takes the Darwin spelling, with one more underscore.
            String darwin = "_" + name;
            String out = Demangler.demangle(darwin);
            return out.equals(darwin) ? name : out;
        }
        return name;
    }
}
