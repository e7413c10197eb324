package dev.hagfish.values;

import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.types.TypeNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Types} is a kernel's {@link TypeGraph} plus the types an expression makes that the
 * kernel may not have: a pointer to any type ({@code &x}, casts), an array of a type, and the C
 * base types by their spelling ({@code unsigned long}, even when no unit used it). Made types
 * get negative ids below {@link Type#VOID}; the graph's own are never copied.
 *
 * <p>Not thread-safe: one per evaluation session.
 */
public final class Types {
    private static final int MAX_CHAIN = 64;

    private final TypeGraph graph;
    private final TypeNames names;
    private final Map<Long, Type> made = new HashMap<>();
    private final Map<String, Long> shapes = new HashMap<>();
    private Map<String, Enumerated> enumerators;
    private long nextId = Type.VOID - 1;

    /** An enumerator found by name: its enum's id and its value. @param type the enum @param value the value */
    public record Enumerated(long type, long value) {}

    /** Creates the view of a graph. */
    public Types(TypeGraph graph) {
        this.graph = graph;
        this.names = new TypeNames(graph);
    }

    /** Returns the underlying graph. */
    public TypeGraph graph() {
        return graph;
    }

    /** Returns the type with this id (a made one or the graph's; unknown ids give {@code void}). */
    public Type get(long id) {
        Type t = made.get(id);
        return t != null ? t : graph.get(id);
    }

    /** Strips typedefs and qualifiers and resolves declarations to definitions. */
    public Type resolve(long id) {
        long at = id;
        for (int i = 0; i < MAX_CHAIN; i++) {
            Type t = made.get(at);
            if (t == null) {
                return graph.resolve(at);
            }
            if (!(t instanceof Type.Qualified q)) {
                return t;
            }
            at = q.target();
        }
        return get(at);
    }

    /** Returns the id {@link #resolve} lands on. */
    public long resolveId(long id) {
        return resolve(id).id();
    }

    /** Returns the size of a type in bytes, or -1 when unknown. */
    public long sizeOf(long id) {
        return sizeOf(id, 0);
    }

    private long sizeOf(long id, int depth) {
        Type t = made.get(id);
        if (t == null) {
            return graph.sizeOf(id);
        } else if (t instanceof Type.Qualified q && depth < MAX_CHAIN) {
            return sizeOf(q.target(), depth + 1);
        } else if (t instanceof Type.Pointer p) {
            return p.byteSize();
        } else if (t instanceof Type.Base b) {
            return b.byteSize();
        } else if (t instanceof Type.Array a && depth < MAX_CHAIN) {
            long n = sizeOf(a.element(), depth + 1);
            for (long d : a.dimensions()) {
                if (n < 0 || d < 0) {
                    return -1;
                }
                n *= d;
            }
            return n;
        }
        return -1;
    }

    /** Returns the target's pointer size in bytes. */
    public long pointerSize() {
        return graph.pointerSize();
    }

    /** Returns the C name of a type as gdb prints it: {@code struct proc *}, {@code const char (*)[97]}. */
    public String name(long id) {
        return declare(id, "", 0);
    }

    private String declare(long id, String inner, int depth) {
        Type t = made.get(id);
        if (t == null || depth > MAX_CHAIN) {
            return names.declare(id, inner);
        }
        if (t instanceof Type.Pointer p) {
            Type target = resolveQualified(p.target());
            String next = "*" + inner;
            if (target instanceof Type.Array || target instanceof Type.Function) {
                next = "(" + next + ")";
            }
            return declare(p.target(), next, depth + 1);
        } else if (t instanceof Type.Array a) {
            StringBuilder dims = new StringBuilder(inner);
            for (long d : a.dimensions()) {
                dims.append('[').append(d < 0 ? "" : Long.toString(d)).append(']');
            }
            return declare(a.element(), dims.toString(), depth + 1);
        } else if (t instanceof Type.Base b) {
            return inner.isEmpty() ? b.name() : b.name() + " " + inner;
        } else if (t instanceof Type.Void v) {
            return inner.isEmpty() ? v.name() : v.name() + " " + inner;
        } else if (t instanceof Type.Qualified q) {
            String word = q.qualifier() == Type.Qualifier.CONST ? "const" : q.qualifier() == Type.Qualifier.VOLATILE
                    ? "volatile" : q.qualifier() == Type.Qualifier.RESTRICT ? "restrict" : "_Atomic";
            Type target = resolveQualified(q.target());
            if (target instanceof Type.Pointer p) {
                // A qualified pointer: the qualifier follows its star, as gdb writes char * const.
                String next = "* " + word + (inner.isEmpty() ? "" : " " + inner);
                Type pointee = resolveQualified(p.target());
                if (pointee instanceof Type.Array || pointee instanceof Type.Function) {
                    next = "(" + next + ")";
                }
                return declare(p.target(), next, depth + 1);
            }
            return word + " " + declare(q.target(), inner, depth + 1);
        }
        return names.declare(id, inner);
    }

    private Type resolveQualified(long id) {
        Type t = get(id);
        for (int i = 0; i < MAX_CHAIN && t instanceof Type.Qualified q; i++) {
            t = get(q.target());
        }
        return t;
    }

    /** Returns a pointer type to {@code target} (made once per target). */
    public long pointerTo(long target) {
        return make("P:" + target, id -> new Type.Pointer(id, Type.PointerKind.POINTER, target, pointerSize()));
    }

    /** Returns {@code target} with a qualifier ({@code const char}). */
    public long qualified(long target, Type.Qualifier qualifier) {
        return make("Q:" + qualifier + ":" + target, id -> new Type.Qualified(id, qualifier, target));
    }

    /**
     * Returns the type gdb gives a symbol that has no debug information: {@code <data variable,
     * no debug info>} (it must be cast to be read) or {@code <text variable, no debug info>}.
     */
    public long noDebugInfo(boolean function) {
        String name = function ? "<text variable, no debug info>" : "<data variable, no debug info>";
        return make("N:" + function, id -> new Type.Void(id, name));
    }

    /** Tells whether a type is {@link #noDebugInfo}'s data variable type. */
    public boolean isNoDebugData(long id) {
        return made.get(id) instanceof Type.Void v && v.name().startsWith("<data");
    }

    /** Tells whether a type is {@link #noDebugInfo}'s text variable type. */
    public boolean isNoDebugText(long id) {
        return made.get(id) instanceof Type.Void v && v.name().startsWith("<text");
    }

    /** Returns a one-dimensional array type of {@code length} elements. */
    public long arrayOf(long element, long length) {
        return arrayOf(element, List.of(length));
    }

    /** Returns an array type with these dimensions (outermost first). */
    public long arrayOf(long element, List<Long> dimensions) {
        List<Long> dims = List.copyOf(dimensions);
        return make("A:" + element + ":" + dims, id -> new Type.Array(id, element, dims));
    }

    private long make(String shape, java.util.function.LongFunction<Type> maker) {
        Long id = shapes.get(shape);
        if (id == null) {
            id = nextId--;
            shapes.put(shape, id);
            made.put(id, maker.apply(id));
        }
        return id;
    }

    /**
     * Returns a C base type by its canonical spelling ({@link BaseSpelling}): the graph's own type
     * of that name (any of the spellings compilers use, e.g. {@code long unsigned int}) when it
     * has one, else a made one of the target's size.
     */
    public long base(BaseSpelling spelling) {
        for (String alias : spelling.aliases()) {
            for (Type t : graph.named(alias)) {
                if (t instanceof Type.Base b && b.byteSize() == spelling.size(pointerSize())) {
                    return b.id();
                }
            }
        }
        if (spelling == BaseSpelling.VOID) {
            return Type.VOID;
        }
        return make("B:" + spelling, id -> new Type.Base(id, spelling.canonical(), spelling.size(pointerSize()),
                spelling.encoding()));
    }

    /**
     * Finds a type by a name as a cast writes it without declarators: {@code struct proc},
     * {@code union layout_value}, {@code enum layout_signed}, or a typedef name. The definition
     * is preferred over a declaration.
     */
    public Optional<Long> named(String keyword, String name) {
        Long declared = null;
        for (Type t : graph.named(name)) {
            boolean match = switch (keyword == null ? "" : keyword) {
                case "struct" -> t instanceof Type.Struct s && s.kind() != Type.Kind.UNION;
                case "union" -> t instanceof Type.Struct s && s.kind() == Type.Kind.UNION;
                case "enum" -> t instanceof Type.Enum;
                default -> t instanceof Type.Typedef;
            };
            if (!match) {
                continue;
            }
            Type def = graph.definition(t);
            if (def != t || !isDeclaration(t)) {
                return Optional.of(def.id());
            }
            if (declared == null) {
                declared = t.id();
            }
        }
        return Optional.ofNullable(declared);
    }

    /** Tells whether a name is a typedef of the graph (a cast may start with it). */
    public boolean isTypedef(String name) {
        for (Type t : graph.named(name)) {
            if (t instanceof Type.Typedef) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDeclaration(Type t) {
        return t instanceof Type.Struct s && s.declaration() || t instanceof Type.Enum e && e.declaration();
    }

    /** Finds an enumerator by name, in any enum of the graph (the first defined, in id order). */
    public Optional<Enumerated> enumerator(String name) {
        if (enumerators == null) {
            enumerators = new HashMap<>();
            for (Type t : graph.all()) {
                if (t instanceof Type.Enum e) {
                    for (Type.Enumerator x : e.enumerators()) {
                        enumerators.putIfAbsent(x.name(), new Enumerated(e.id(), x.value()));
                    }
                }
            }
        }
        return Optional.ofNullable(enumerators.get(name));
    }
}
