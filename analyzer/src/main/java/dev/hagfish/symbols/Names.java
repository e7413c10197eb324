package dev.hagfish.symbols;

import dev.hagfish.symbols.DwarfFacts.Decl;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code Names} looks attributes up through {@code DW_AT_abstract_origin} and
 * {@code DW_AT_specification} chains, as {@code llvm-symbolizer} does: the DIE itself first, then
 * the DIEs it refers to, depth-first with the specification before the origin, each DIE once (so
 * a cyclic chain ends). Names are demangled as {@code llvm-symbolizer} demangles them: only a
 * whole name that starts like an Itanium encoding.
 *
 * <p>Read-only over a finished index; safe to share between threads.
 */
final class Names {
    private final Map<Long, Decl> decls;

    Names(Map<Long, Decl> decls) {
        this.decls = decls;
    }

    /** Returns the first DIE of the chain from {@code die} that has the attribute, or null. */
    Decl find(long die, Predicate<Decl> has) {
        return find(decls, die, has);
    }

    /**
     * Returns the first DIE of the chain from {@code die} for which {@code has} holds, or null:
     * {@code die} itself, then depth-first through {@code DW_AT_specification} before
     * {@code DW_AT_abstract_origin}, each DIE once; DIEs missing from {@code decls} are skipped.
     */
    static <D extends DwarfFacts.Linked> D find(Map<Long, D> decls, long die, Predicate<? super D> has) {
        D self = decls.get(die);
        if (self != null && self.origin() == DwarfFacts.NONE && self.specification() == DwarfFacts.NONE) {
            return has.test(self) ? self : null; // no chain to follow: the common case, without allocating
        }
        Deque<Long> work = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        work.push(die);
        seen.add(die);
        while (!work.isEmpty()) {
            D d = decls.get(work.pop());
            if (d == null) {
                continue;
            }
            if (has.test(d)) {
                return d;
            }
            for (long ref : new long[] {d.origin(), d.specification()}) {
                if (ref != DwarfFacts.NONE && seen.add(ref)) {
                    work.push(ref);
                }
            }
        }
        return null;
    }

    /** Returns the demangled linkage name, else the name, of a subroutine or variable, or null. */
    String name(long die) {
        Decl linkage = find(die, d -> d.linkageName() != null);
        if (linkage != null) {
            return demangle(linkage.linkageName());
        }
        Decl plain = find(die, d -> d.name() != null);
        return plain == null ? null : demangle(plain.name());
    }

    /** Returns a variable's name, like {@link #name}. */
    String variableName(long die) {
        return name(die);
    }

    /** Returns the DW_AT_type target found along the chain, or {@link DwarfFacts#NONE}. */
    long type(long die) {
        Decl d = find(die, x -> x.type() != DwarfFacts.NONE);
        return d == null ? DwarfFacts.NONE : d.type();
    }

    /** Returns {@code DW_AT_decl_line} along the chain, or 0. */
    long declLine(long die) {
        Decl d = find(die, x -> x.declLine() != DwarfFacts.NONE);
        return d == null ? 0 : d.declLine() & 0xffffffffL;
    }

    /** Returns the DIE along the chain that has {@code DW_AT_decl_file}, or null. */
    Decl declFile(long die) {
        return find(die, x -> x.declFile() != DwarfFacts.NONE);
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
