package dev.hagfish.index;

import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code TypeReduction} turns a kernel's whole type graph (every unit's copy of every type) into
 * the small graph that {@code print} and {@code x} need: one representative per named type
 * ({@link TypeGraph#canonical}, declarations replaced by their definitions), derived types
 * (pointers, qualifiers, arrays, functions, base types) shared by structure, and only what is
 * reachable from the named types, the global variables and the functions asked for. Ids stay
 * the original DIE offsets; a function type made for a function symbol gets a new id above
 * every DIE offset.
 *
 * <p>Single-threaded; used once per indexing run.
 */
final class TypeReduction {
    private static final int MAX_CHAIN = 64;

    private final TypeGraph graph;
    private final Map<Long, Long> mapped = new HashMap<>();
    private final Map<String, Long> byShape = new HashMap<>();
    private final Map<Long, Type> made = new LinkedHashMap<>();
    private final List<Long> roots = new ArrayList<>();
    private Map<Long, String> enumeratorScopes = Map.of();
    private long nextId;

    TypeReduction(TypeGraph graph) {
        this.graph = graph;
        long max = 0;
        for (Type t : graph.all()) {
            max = Math.max(max, t.id());
        }
        this.nextId = max + 1;
        for (Type t : graph.distinct()) {
            roots.add(map(t.id()));
        }
    }

    /**
     * Names the enumerators of these enums (by id) with a scope prefix, as gdb names them
     * ({@link EnumScopes}).
     */
    void qualifyEnumerators(Map<Long, String> prefixes) {
        this.enumeratorScopes = Map.copyOf(prefixes);
    }

    /** Returns the representative of a type in the reduced graph, and keeps it. */
    long keep(long id) {
        long m = map(id);
        roots.add(m);
        return m;
    }

    /** Returns the id of the function type {@code ret (params...)}, made if needed, and keeps it. */
    long function(long returnType, List<Long> parameters, boolean varargs) {
        List<Long> params = new ArrayList<>(parameters.size());
        for (long p : parameters) {
            params.add(map(p));
        }
        long ret = map(returnType);
        String shape = "F:" + ret + ":" + params + ":" + varargs;
        Long id = byShape.get(shape);
        if (id == null) {
            id = nextId++;
            byShape.put(shape, id);
            made.put(id, new Type.Function(id, ret, params, varargs, true));
        }
        roots.add(id);
        return id;
    }

    private long map(long id) {
        return map(id, 0);
    }

    private long map(long id, int depth) {
        if (id == Type.VOID) {
            return id;
        }
        Long known = mapped.get(id);
        if (known != null) {
            return known;
        }
        // An id may be an alias: a DIE whose type the collector merged into an identical one.
        Type t = graph.get(id);
        long real = t.id();
        long out;
        if (t instanceof Type.Struct || t instanceof Type.Enum || t instanceof Type.Typedef) {
            out = graph.canonical(graph.definition(t).id());
        } else {
            String shape = depth < MAX_CHAIN ? shape(t, depth) : null;
            out = real;
            if (shape != null) {
                Long prior = byShape.putIfAbsent(shape, real);
                out = prior != null ? prior : real;
            }
        }
        mapped.put(id, out);
        return out;
    }

    /** A key equal for derived types of the same structure (after mapping what they refer to). */
    private String shape(Type t, int depth) {
        if (t instanceof Type.Base b) {
            return "B:" + b.name() + ":" + b.byteSize() + ":" + b.encoding();
        } else if (t instanceof Type.Void v) {
            return "V:" + v.name();
        } else if (t instanceof Type.Pointer p) {
            return "P:" + p.kind() + ":" + map(p.target(), depth + 1) + ":" + p.byteSize();
        } else if (t instanceof Type.Qualified q) {
            return "Q:" + q.qualifier() + ":" + map(q.target(), depth + 1);
        } else if (t instanceof Type.Array a) {
            return "A:" + map(a.element(), depth + 1) + ":" + a.dimensions();
        } else if (t instanceof Type.MemberPointer p) {
            return "M:" + map(p.target(), depth + 1) + ":" + map(p.containing(), depth + 1) + ":" + p.byteSize();
        } else if (t instanceof Type.Function f) {
            StringBuilder s = new StringBuilder("F:").append(map(f.returnType(), depth + 1)).append(":[");
            for (long p : f.parameters()) {
                s.append(map(p, depth + 1)).append(',');
            }
            return s.append("]:").append(f.varargs()).append(':').append(f.prototyped()).toString();
        }
        return null;
    }

    /** Returns every type reachable from what was kept, with the ids they refer to mapped. */
    List<Type> types() {
        Map<Long, Type> out = new LinkedHashMap<>();
        Deque<Long> work = new ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            long id = work.pop();
            if (id == Type.VOID || out.containsKey(id)) {
                continue;
            }
            Type t = made.containsKey(id) ? made.get(id) : rewrite(graph.get(id));
            out.put(id, t);
            refs(t, work);
        }
        return new ArrayList<>(out.values());
    }

    private Type rewrite(Type t) {
        if (t instanceof Type.Pointer p) {
            return new Type.Pointer(p.id(), p.kind(), map(p.target()), p.byteSize());
        } else if (t instanceof Type.MemberPointer p) {
            return new Type.MemberPointer(p.id(), map(p.target()), map(p.containing()), p.byteSize());
        } else if (t instanceof Type.Qualified q) {
            return new Type.Qualified(q.id(), q.qualifier(), map(q.target()));
        } else if (t instanceof Type.Typedef d) {
            return new Type.Typedef(d.id(), d.name(), map(d.target()));
        } else if (t instanceof Type.Array a) {
            return new Type.Array(a.id(), map(a.element()), a.dimensions());
        } else if (t instanceof Type.Enum e) {
            List<Type.Enumerator> enumerators = e.enumerators();
            String prefix = enumeratorScopes.get(e.id());
            if (prefix != null) {
                enumerators = new ArrayList<>();
                for (Type.Enumerator x : e.enumerators()) {
                    enumerators.add(new Type.Enumerator(prefix + x.name(), x.value()));
                }
            }
            return new Type.Enum(e.id(), e.name(), e.byteSize(), map(e.underlying()), e.signed(), e.declaration(),
                    enumerators);
        } else if (t instanceof Type.Function f) {
            List<Long> params = new ArrayList<>(f.parameters().size());
            for (long p : f.parameters()) {
                params.add(map(p));
            }
            return new Type.Function(f.id(), map(f.returnType()), params, f.varargs(), f.prototyped());
        } else if (t instanceof Type.Struct s) {
            List<Member> members = new ArrayList<>(s.members().size());
            for (Member m : s.members()) {
                members.add(new Member(m.name(), map(m.type()), m.bitOffset(), m.bitSize(), m.alignment()));
            }
            List<Type.Inheritance> bases = new ArrayList<>(s.bases().size());
            for (Type.Inheritance b : s.bases()) {
                bases.add(new Type.Inheritance(map(b.type()), b.byteOffset(), b.virtual(), b.access()));
            }
            List<Type.StaticMember> statics = new ArrayList<>(s.statics().size());
            for (Type.StaticMember m : s.statics()) {
                statics.add(new Type.StaticMember(m.name(), map(m.type())));
            }
            return new Type.Struct(s.id(), s.kind(), s.name(), s.byteSize(), s.declaration(), members, bases, statics,
                    s.alignment());
        }
        return t;
    }

    /** Pushes the ids a (rewritten) type refers to. */
    private static void refs(Type t, Deque<Long> work) {
        if (t instanceof Type.Pointer p) {
            work.push(p.target());
        } else if (t instanceof Type.MemberPointer p) {
            work.push(p.target());
            work.push(p.containing());
        } else if (t instanceof Type.Qualified q) {
            work.push(q.target());
        } else if (t instanceof Type.Typedef d) {
            work.push(d.target());
        } else if (t instanceof Type.Array a) {
            work.push(a.element());
        } else if (t instanceof Type.Enum e) {
            work.push(e.underlying());
        } else if (t instanceof Type.Function f) {
            work.push(f.returnType());
            f.parameters().forEach(work::push);
        } else if (t instanceof Type.Struct s) {
            s.members().forEach(m -> work.push(m.type()));
            s.bases().forEach(b -> work.push(b.type()));
            s.statics().forEach(m -> work.push(m.type()));
        }
    }
}
