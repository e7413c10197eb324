package dev.hagfish.types;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code TypeNames} prints types in C declarator syntax as gdb does: {@code struct proc *},
 * {@code char [17]}, {@code void (*)(int, char *)}, {@code const volatile unsigned int}, and
 * declarations such as {@code int (*table[3])(void)}. Qualifiers print in the fixed order
 * const, volatile, restrict, _Atomic, whatever their order in the DWARF.
 */
public final class TypeNames {
    private static final int MAX_DEPTH = 64;
    /** Types visited for one name at most: a function type among its own parameters stays linear. */
    private static final int MAX_STEPS = 4096;
    private int budget;
    private final TypeGraph graph;
    private final boolean cplusplus;

    /** Creates a printer in C syntax, as gdb prints with its language set to C (a kernel's default). */
    public TypeNames(TypeGraph graph) {
        this(graph, false);
    }

    /**
     * Creates a printer.
     *
     * @param graph the graph
     * @param cplusplus print as C++ does (gdb with {@code set language c++}, and lldb): named
     *     structs, classes, unions and enums without their keyword, e.g. {@code proc *}
     */
    public TypeNames(TypeGraph graph, boolean cplusplus) {
        this.graph = graph;
        this.cplusplus = cplusplus;
    }

    /** Returns the name of a type, e.g. {@code struct proc *}. */
    public String name(long id) {
        return declare(id, "");
    }

    /** Returns a declaration of {@code declarator} with this type, e.g. {@code char p_comm[17]}. */
    public String declare(long id, String declarator) {
        budget = MAX_STEPS;
        return declare(id, declarator, 0);
    }

    private String declare(long id, String inner, int depth) {
        if (depth > MAX_DEPTH || --budget < 0) {
            return "<cyclic type>" + (inner.isEmpty() ? "" : " " + inner);
        }
        Type t = graph.get(id);
        Set<Type.Qualifier> quals = EnumSet.noneOf(Type.Qualifier.class);
        while (t instanceof Type.Qualified q && depth < MAX_DEPTH) {
            quals.add(q.qualifier());
            t = graph.get(q.target());
            depth++;
        }
        if (t instanceof Type.Pointer p) {
            String star = switch (p.kind()) {
                case POINTER -> "*";
                case REFERENCE -> "&";
                case RVALUE_REFERENCE -> "&&";
            };
            String q = qualifiers(quals);
            String next = star + (q.isEmpty() ? "" : " " + q + (inner.isEmpty() ? "" : " ")) + inner;
            return declare(p.target(), pointerTo(p.target(), next), depth + 1);
        }
        if (t instanceof Type.MemberPointer p) {
            String q = qualifiers(quals);
            String next = baseName(graph.get(p.containing())) + "::*" + (q.isEmpty() ? "" : " " + q)
                    + (inner.isEmpty() ? "" : " " + inner);
            return declare(p.target(), pointerTo(p.target(), next), depth + 1);
        }
        if (t instanceof Type.Array a) {
            StringBuilder dims = new StringBuilder(inner);
            for (long d : a.dimensions()) {
                dims.append('[').append(d < 0 ? "" : Long.toString(d)).append(']');
            }
            return declare(a.element(), dims.toString(), depth + 1);
        }
        if (t instanceof Type.Function f) {
            List<String> params = new ArrayList<>();
            for (long p : f.parameters()) {
                params.add(declare(p, "", depth + 1));
            }
            if (f.varargs()) {
                params.add("...");
            }
            if (params.isEmpty() && f.prototyped()) {
                params.add("void");
            }
            return declare(f.returnType(), inner + "(" + String.join(", ", params) + ")", depth + 1);
        }
        String q = qualifiers(quals);
        String base = (q.isEmpty() ? "" : q + " ") + baseName(t);
        return inner.isEmpty() ? base : base + " " + inner;
    }

    /** A pointer declarator, parenthesised when it points to an array or a function: {@code (*p)[3]}. */
    private String pointerTo(long target, String declarator) {
        Type t = graph.get(target);
        for (int i = 0; i < MAX_DEPTH && t instanceof Type.Qualified q; i++) {
            t = graph.get(q.target());
        }
        return t instanceof Type.Array || t instanceof Type.Function ? "(" + declarator + ")" : declarator;
    }

    private static String qualifiers(Set<Type.Qualifier> quals) {
        List<String> out = new ArrayList<>();
        for (Type.Qualifier q : quals) {
            out.add(switch (q) {
                case CONST -> "const";
                case VOLATILE -> "volatile";
                case RESTRICT -> "restrict";
                case ATOMIC -> "_Atomic";
            });
        }
        return String.join(" ", out);
    }

    /**
     * Returns the name of a non-derived type: {@code struct proc}, {@code union {...}}, {@code int}.
     * In C++ syntax a named struct, class, union or enum prints without its keyword:
     * {@code OSKext}, {@code OSKext::Flags}.
     */
    public String baseName(Type t) {
        if (t instanceof Type.Base b) {
            return b.name();
        } else if (t instanceof Type.Typedef d) {
            return d.name();
        } else if (t instanceof Type.Struct s) {
            if (s.name() != null && cplusplus) {
                return s.name();
            }
            String kw = s.kind() == Type.Kind.UNION ? "union" : s.kind() == Type.Kind.CLASS ? "class" : "struct";
            return kw + " " + (s.name() != null ? s.name() : "{...}");
        } else if (t instanceof Type.Enum e) {
            if (e.name() != null && cplusplus) {
                return e.name();
            }
            return "enum " + (e.name() != null ? e.name() : "{...}");
        } else if (t instanceof Type.Void v) {
            return v.name();
        }
        return "<unknown type>";
    }
}
