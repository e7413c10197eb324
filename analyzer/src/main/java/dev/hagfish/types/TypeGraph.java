package dev.hagfish.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code TypeGraph} holds types by id and answers the questions every printer asks: a type's
 * size and alignment through typedefs and qualifiers, the types of a name, the definition of a
 * declared struct (looked up by name across units), and which types are the same type repeated
 * by several units. Each type may carry where it is declared and whether it comes from a C++
 * unit (which changes how its name prints). A graph may also know aliases: ids that stand for
 * one of its types (the DIEs of a type that several units repeat, merged into one type), which
 * every lookup by id answers with that type. Immutable once built; safe to share between
 * threads.
 */
public final class TypeGraph {
    private static final int MAX_CHAIN = 64;

    private final long[] ids;
    private final Type[] types;
    private final SourceLocation[] locations;
    private final BitSet cplusplus;
    private final long[] aliasIds;
    private final int[] aliasOf;
    private volatile Map<String, List<Type>> byName;
    private volatile Identity identity;
    private volatile long pointerSize;

    /** Creates a graph over the given types, with no locations and no C++ types. */
    public TypeGraph(Map<Long, Type> types) {
        this(new ArrayList<>(types.values()), Map.of(), new BitSet());
    }

    /**
     * Creates a graph.
     *
     * @param types the types, in any order; ids must be distinct
     * @param locations where some of them are declared, by id
     * @param cplusplusIds the ids of types from C++ units, as a set of positions in {@code types}
     */
    public TypeGraph(List<Type> types, Map<Long, SourceLocation> locations, BitSet cplusplusIds) {
        this(types, locations, cplusplusIds, new long[0], new long[0]);
    }

    /**
     * Creates a graph with aliases.
     *
     * @param types the types, in any order; ids must be distinct
     * @param locations where some of them are declared, by id
     * @param cplusplusIds the ids of types from C++ units, as a set of positions in {@code types}
     * @param aliasIds ids that stand for a type of the graph, ascending, none a type's own id
     * @param aliasTargets for each alias, the id of the type it stands for
     * @throws IllegalArgumentException if the aliases are not ascending or name no type
     */
    public TypeGraph(List<Type> types, Map<Long, SourceLocation> locations, BitSet cplusplusIds, long[] aliasIds,
            long[] aliasTargets) {
        int[] order = order(types);
        this.ids = new long[order.length];
        this.types = new Type[order.length];
        this.locations = new SourceLocation[order.length];
        this.cplusplus = new BitSet(order.length);
        for (int i = 0; i < order.length; i++) {
            Type t = types.get(order[i]);
            ids[i] = t.id();
            this.types[i] = t;
            this.locations[i] = locations.get(t.id());
            if (cplusplusIds.get(order[i])) {
                cplusplus.set(i);
            }
            if (i > 0 && ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException("duplicate type id " + ids[i]);
            }
        }
        if (aliasIds.length != aliasTargets.length) {
            throw new IllegalArgumentException("aliases and their targets differ in number");
        }
        this.aliasIds = aliasIds.clone();
        this.aliasOf = new int[aliasIds.length];
        for (int i = 0; i < aliasIds.length; i++) {
            int t = Arrays.binarySearch(ids, aliasTargets[i]);
            if (t < 0 || i > 0 && aliasIds[i] <= aliasIds[i - 1] || Arrays.binarySearch(ids, aliasIds[i]) >= 0) {
                throw new IllegalArgumentException("alias " + aliasIds[i] + " of " + aliasTargets[i]
                        + ": not ascending, a type's own id, or naming no type");
            }
            aliasOf[i] = t;
        }
    }

    /** The positions of the types in id order; no sort (and no boxing) when they come sorted, as DIEs do. */
    private static int[] order(List<Type> types) {
        int n = types.size();
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = types.get(i - 1).id() < types.get(i).id();
        }
        if (sorted) {
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
            return identity;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(types.get(a).id(), types.get(b).id()));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** The position of the type with this id or alias, or a negative number. */
    private int indexOf(long id) {
        int i = Arrays.binarySearch(ids, id);
        if (i < 0 && aliasIds.length > 0) {
            int a = Arrays.binarySearch(aliasIds, id);
            return a >= 0 ? aliasOf[a] : -1;
        }
        return i;
    }

    /**
     * Returns the type with this id, or the type an alias stands for (whose own id differs);
     * {@link Type#VOID} and unknown ids give {@code void}.
     */
    public Type get(long id) {
        int i = indexOf(id);
        return i >= 0 ? types[i] : new Type.Void(Type.VOID, "void");
    }

    /** Tells whether the graph holds a type with this id, or an alias of one. */
    public boolean contains(long id) {
        return indexOf(id) >= 0;
    }

    /** Returns every type, in id order (aliases not repeated). */
    public Collection<Type> all() {
        return Arrays.asList(types);
    }

    /** Returns the number of types (aliases not counted). */
    public int size() {
        return types.length;
    }

    /** Returns where a type is declared, or {@link SourceLocation#NONE}. */
    public SourceLocation location(long id) {
        int i = indexOf(id);
        SourceLocation l = i >= 0 ? locations[i] : null;
        return l != null ? l : SourceLocation.NONE;
    }

    /** Tells whether a type comes from a C++ unit (its name is then scope-qualified, e.g. {@code OSKext::Flags}). */
    public boolean isCplusplus(long id) {
        int i = indexOf(id);
        return i >= 0 && cplusplus.get(i);
    }

    /** Returns the types with this name (struct tags, typedefs, enums, base types), in id order. */
    public List<Type> named(String name) {
        Map<String, List<Type>> m = byName;
        if (m == null) {
            m = new HashMap<>();
            for (Type t : types) {
                String n = nameOf(t);
                if (n != null) {
                    m.computeIfAbsent(n, k -> new ArrayList<>(1)).add(t);
                }
            }
            byName = m;
        }
        return m.getOrDefault(name, List.of());
    }

    /** Returns the name of a named type, or null. */
    public static String nameOf(Type t) {
        if (t instanceof Type.Struct s) {
            return s.name();
        } else if (t instanceof Type.Enum e) {
            return e.name();
        } else if (t instanceof Type.Typedef d) {
            return d.name();
        } else if (t instanceof Type.Base b) {
            return b.name();
        }
        return null;
    }

    /**
     * Returns the definition of a declared struct, union, class or enum: the first defined type of
     * the same kind and name in any unit; any other type is returned as it is, as is a declaration
     * that nothing defines.
     */
    public Type definition(Type t) {
        if (t instanceof Type.Struct s && s.declaration() && s.name() != null) {
            for (Type c : named(s.name())) {
                if (c instanceof Type.Struct d && !d.declaration() && d.kind() == s.kind()) {
                    return d;
                }
            }
        } else if (t instanceof Type.Enum e && e.declaration() && e.name() != null) {
            for (Type c : named(e.name())) {
                if (c instanceof Type.Enum d && !d.declaration()) {
                    return d;
                }
            }
        }
        return t;
    }

    /** Strips typedefs and qualifiers and resolves declarations (bounded, so a cyclic chain ends). */
    public Type resolve(long id) {
        Type t = get(id);
        for (int i = 0; i < MAX_CHAIN; i++) {
            if (t instanceof Type.Typedef d) {
                t = get(d.target());
            } else if (t instanceof Type.Qualified q) {
                t = get(q.target());
            } else {
                return definition(t);
            }
        }
        return t;
    }

    /** Returns the size in bytes of a type, or -1 when unknown. */
    public long sizeOf(long id) {
        return sizeOf(id, 0);
    }

    private long sizeOf(long id, int depth) {
        Type t = resolve(id);
        if (t instanceof Type.Base b) {
            return b.byteSize();
        } else if (t instanceof Type.Pointer p) {
            return p.byteSize();
        } else if (t instanceof Type.MemberPointer p) {
            return p.byteSize();
        } else if (t instanceof Type.Struct s) {
            return s.byteSize();
        } else if (t instanceof Type.Enum e) {
            return e.byteSize() >= 0 ? e.byteSize()
                    : e.underlying() != Type.VOID && depth < MAX_CHAIN ? sizeOf(e.underlying(), depth + 1) : -1;
        } else if (t instanceof Type.Array a && depth < MAX_CHAIN) {
            long n = sizeOf(a.element(), depth + 1);
            if (n < 0) {
                return -1;
            }
            for (long d : a.dimensions()) {
                if (d < 0) {
                    return 0;
                }
                n = Math.multiplyHigh(n, d) != 0 ? -1 : n * d;
                if (n < 0) {
                    return -1;
                }
            }
            return n;
        }
        return -1;
    }

    /**
     * Returns the size of a data pointer in bytes (the target's word size): that of the first
     * pointer type of the graph, or 8 when it has none.
     */
    public long pointerSize() {
        long p = pointerSize;
        if (p == 0) {
            p = 8;
            for (Type t : types) {
                if (t instanceof Type.Pointer ptr && ptr.kind() == Type.PointerKind.POINTER && ptr.byteSize() > 0) {
                    p = ptr.byteSize();
                    break;
                }
            }
            pointerSize = p;
        }
        return p;
    }

    /**
     * Returns the alignment in bytes of a type: {@code DW_AT_alignment} when the DWARF gives it,
     * otherwise the natural alignment of the x86_64/arm64 ABIs (a scalar's size, a struct's most
     * aligned member, an array's element); 1 when nothing is known.
     */
    public long alignOf(long id) {
        return alignOf(id, 0);
    }

    private long alignOf(long id, int depth) {
        if (depth > MAX_CHAIN) {
            return 1;
        }
        Type t = resolve(id);
        if (t instanceof Type.Struct s) {
            if (s.alignment() > 0) {
                return s.alignment();
            }
            long a = 1;
            for (Member m : s.members()) {
                a = Math.max(a, alignOf(m.type(), depth + 1));
            }
            for (Type.Inheritance b : s.bases()) {
                a = Math.max(a, alignOf(b.type(), depth + 1));
            }
            return a;
        } else if (t instanceof Type.Array a) {
            return alignOf(a.element(), depth + 1);
        }
        long size = sizeOf(id);
        return size > 0 && Long.bitCount(size) == 1 ? Math.min(size, 16) : 1;
    }

    /**
     * Returns the id of the representative of a type's identity class: types that several units
     * define identically (same kind, name, size and members, with member types of the same name)
     * share one representative, the lowest id. Unnamed and derived types are their own; an alias
     * is its type's; an unknown id is itself.
     */
    public long canonical(long id) {
        int i = indexOf(id);
        return i < 0 ? id : identity().canonical(ids[i]);
    }

    /** Returns the named structs, unions, enums and typedefs, one per identity class, in id order. */
    public List<Type> distinct() {
        return identity().distinct();
    }

    private Identity identity() {
        Identity i = identity;
        if (i == null) {
            i = new Identity(this);
            identity = i;
        }
        return i;
    }
}
