package dev.hagfish.types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Identity} recognises the named types that several units define identically: every
 * compilation unit that includes {@code proc_internal.h} carries its own {@code struct proc}.
 * Two types are the same when their kind, name, size and shape are equal, the shape being the
 * members' names, bit positions, widths and type names (or the enumerators, or a typedef's
 * target name). Package-private: {@link TypeGraph#canonical} and {@link TypeGraph#distinct}.
 */
final class Identity {
    private final Map<Long, Long> canonical = new HashMap<>();
    private final List<Type> distinct = new ArrayList<>();

    Identity(TypeGraph graph) {
        TypeNames names = new TypeNames(graph);
        Map<String, Long> first = new HashMap<>();
        for (Type t : graph.all()) {
            String key = key(t, names);
            if (key == null) {
                continue;
            }
            Long prior = first.putIfAbsent(key, t.id());
            if (prior == null) {
                distinct.add(t);
            } else {
                canonical.put(t.id(), prior);
            }
        }
    }

    long canonical(long id) {
        return canonical.getOrDefault(id, id);
    }

    List<Type> distinct() {
        return List.copyOf(distinct);
    }

    private static String key(Type t, TypeNames names) {
        StringBuilder k = new StringBuilder();
        if (t instanceof Type.Struct s && s.name() != null) {
            k.append(s.kind()).append('|').append(s.name()).append('|').append(s.byteSize()).append('|')
                    .append(s.declaration());
            for (Member m : s.members()) {
                k.append('|').append(m.name()).append('@').append(m.bitOffset()).append(':').append(m.bitSize())
                        .append('=').append(names.name(m.type()));
            }
            for (Type.Inheritance b : s.bases()) {
                k.append("|base ").append(names.name(b.type())).append('@').append(b.byteOffset());
            }
            for (Type.StaticMember m : s.statics()) {
                k.append("|static ").append(m.name()).append('=').append(names.name(m.type()));
            }
            return k.toString();
        } else if (t instanceof Type.Enum e && e.name() != null) {
            k.append("enum|").append(e.name()).append('|').append(e.byteSize()).append('|').append(e.declaration());
            for (Type.Enumerator x : e.enumerators()) {
                k.append('|').append(x.name()).append('=').append(x.value());
            }
            return k.toString();
        } else if (t instanceof Type.Typedef d) {
            return "typedef|" + d.name() + '|' + names.name(d.target());
        }
        return null;
    }
}
