package dev.hagfish.types;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code TypeGraph} holds types by id and answers the questions every printer asks: a type's
 * size through typedefs and qualifiers, and the named structs. Immutable once built.
 */
public final class TypeGraph {
    private final Map<Long, Type> types;
    private final Map<String, List<Type>> byName = new HashMap<>();

    /** Creates a graph over the given types (the map is copied). */
    public TypeGraph(Map<Long, Type> types) {
        this.types = Map.copyOf(types);
        for (Type t : this.types.values()) {
            String n = nameOf(t);
            if (n != null) {
                byName.computeIfAbsent(n, k -> new ArrayList<>()).add(t);
            }
        }
    }

    private static String nameOf(Type t) {
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

    /** Returns the type with this id; {@link Type#VOID} and unknown ids give {@code void}. */
    public Type get(long id) {
        Type t = types.get(id);
        return t != null ? t : new Type.Void(Type.VOID, "void");
    }

    /** Returns every type. */
    public Collection<Type> all() {
        return types.values();
    }

    /** Returns the types with this name (struct tags, typedefs, enums, base types). */
    public List<Type> named(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** Strips typedefs and qualifiers (bounded, so a cyclic typedef chain ends). */
    public Type resolve(long id) {
        Type t = get(id);
        for (int i = 0; i < 64; i++) {
            if (t instanceof Type.Typedef d) {
                t = get(d.target());
            } else if (t instanceof Type.Qualified q) {
                t = get(q.target());
            } else {
                return t;
            }
        }
        return t;
    }

    /** Returns the size in bytes of a type, or -1 when unknown. */
    public long sizeOf(long id) {
        Type t = resolve(id);
        if (t instanceof Type.Base b) {
            return b.byteSize();
        } else if (t instanceof Type.Pointer p) {
            return p.byteSize();
        } else if (t instanceof Type.Struct s) {
            return s.byteSize();
        } else if (t instanceof Type.Enum e) {
            return e.byteSize();
        } else if (t instanceof Type.Array a) {
            long n = sizeOf(a.element());
            for (long d : a.dimensions()) {
                if (d < 0) {
                    return 0;
                }
                n *= d;
            }
            return n;
        }
        return -1;
    }
}
