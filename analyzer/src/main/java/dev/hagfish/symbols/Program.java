package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Program} is the functions, inlined calls and variables of one object's DWARF, made by
 * {@link ProgramReader}. Each list is in {@code .debug_info} order; lookups go by DIE offset, by
 * name (plain or linkage name) and by address (compared unsigned): the function whose code holds
 * an address, the chain of inlined calls there, and the variables at an address.
 *
 * <p>Immutable and safe to share between threads (the lookup structures are built on first use,
 * once).
 */
public final class Program {
    private final List<Function> functions;
    private final List<InlinedCall> inlined;
    private final List<Variable> variables;
    private volatile Indexes indexes;

    /** The lookup structures, built on first use (a symbolizer never needs them). */
    private static final class Indexes {
        final Map<Long, Function> functionByDie = new HashMap<>();
        final Map<Long, InlinedCall> inlinedByDie = new HashMap<>();
        final Map<String, List<Function>> functionsByName = new HashMap<>();
        final Map<String, List<Variable>> variablesByName = new HashMap<>();
        final AddressMap functionMap = new AddressMap();
        final AddressMap inlinedMap = new AddressMap();
        final Variable[] variablesByAddress;

        Indexes(List<Function> functions, List<InlinedCall> inlined, List<Variable> variables) {
            for (int i = 0; i < functions.size(); i++) {
                Function f = functions.get(i);
                functionByDie.put(f.die(), f);
                index(functionsByName, f.name(), f.linkageName(), f);
                for (AddressRange r : f.ranges()) {
                    functionMap.paint(r.low(), r.high(), i);
                }
            }
            for (int i = 0; i < inlined.size(); i++) {
                InlinedCall c = inlined.get(i);
                inlinedByDie.put(c.die(), c);
                for (AddressRange r : c.ranges()) {
                    inlinedMap.paint(r.low(), r.high(), i); // a caller before its callees: the innermost wins
                }
            }
            List<Variable> placed = new ArrayList<>();
            for (Variable v : variables) {
                index(variablesByName, v.name(), v.linkageName(), v);
                if (v.address().isPresent()) {
                    placed.add(v);
                }
            }
            placed.sort(Comparator.comparing((Variable v) -> v.address().getAsLong(), Long::compareUnsigned));
            variablesByAddress = placed.toArray(Variable[]::new);
            freeze(functionsByName);
            freeze(variablesByName);
        }
    }

    Program(List<Function> functions, List<InlinedCall> inlined, List<Variable> variables) {
        this.functions = List.copyOf(functions);
        this.inlined = List.copyOf(inlined);
        this.variables = List.copyOf(variables);
    }

    private Indexes indexes() {
        Indexes x = indexes;
        if (x == null) {
            synchronized (this) {
                x = indexes;
                if (x == null) {
                    x = new Indexes(functions, inlined, variables);
                    indexes = x;
                }
            }
        }
        return x;
    }

    private static <T> void index(Map<String, List<T>> map, String name, String linkageName, T value) {
        if (name != null) {
            map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        if (linkageName != null && !linkageName.equals(name)) {
            map.computeIfAbsent(linkageName, k -> new ArrayList<>()).add(value);
        }
    }

    private static <T> void freeze(Map<String, List<T>> map) {
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
    }

    /** Returns every subprogram DIE: definitions, abstract inline instances and declarations. */
    public List<Function> functions() {
        return functions;
    }

    /** Returns every inlined subroutine DIE. */
    public List<InlinedCall> inlinedCalls() {
        return inlined;
    }

    /** Returns every variable kept: at a fixed address, or at file scope (declarations too). */
    public List<Variable> variables() {
        return variables;
    }

    /** Returns the function of a subprogram DIE. */
    public Optional<Function> function(long die) {
        return Optional.ofNullable(indexes().functionByDie.get(die));
    }

    /** Returns the inlined call of an inlined subroutine DIE. */
    public Optional<InlinedCall> inlinedCall(long die) {
        return Optional.ofNullable(indexes().inlinedByDie.get(die));
    }

    /**
     * Returns the functions whose {@code DW_AT_name} or (mangled) linkage name is {@code name},
     * in {@code .debug_info} order: definitions, abstract instances and declarations alike.
     */
    public List<Function> functionsNamed(String name) {
        return indexes().functionsByName.getOrDefault(name, List.of());
    }

    /** Returns the variables whose name or (mangled) linkage name is {@code name}. */
    public List<Variable> variablesNamed(String name) {
        return indexes().variablesByName.getOrDefault(name, List.of());
    }

    /**
     * Returns the function whose code holds an address; of overlapping ranges, the one of the
     * later DIE.
     */
    public Optional<Function> functionAt(long address) {
        int i = indexes().functionMap.find(address);
        return i < 0 ? Optional.empty() : Optional.of(functions.get(i));
    }

    /**
     * Returns the inlined calls whose code holds an address, innermost first, each followed by
     * the call it was inlined into, up to the one directly in the concrete function; empty when
     * no inlined code holds the address.
     */
    public List<InlinedCall> inlinedAt(long address) {
        Indexes x = indexes();
        int i = x.inlinedMap.find(address);
        if (i < 0) {
            return List.of();
        }
        List<InlinedCall> chain = new ArrayList<>();
        for (InlinedCall c = inlined.get(i); c != null && chain.size() <= inlined.size();
                c = x.inlinedByDie.get(c.parent())) {
            chain.add(c);
        }
        return List.copyOf(chain);
    }

    /** Returns the variables whose fixed address is exactly {@code address}. */
    public List<Variable> variablesAt(long address) {
        Variable[] variablesByAddress = indexes().variablesByAddress;
        int lo = 0;
        int hi = variablesByAddress.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(variablesByAddress[mid].address().getAsLong(), address) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        List<Variable> out = new ArrayList<>();
        for (int i = lo; i < variablesByAddress.length && variablesByAddress[i].address().getAsLong() == address; i++) {
            out.add(variablesByAddress[i]);
        }
        return List.copyOf(out);
    }
}
