package dev.hagfish.types;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code PaholeNames} spells member declarations as pahole 1.24 does, which is not C's declarator
 * syntax and not gdb's. What follows was read off pahole's output (samples/expected/pahole and
 * probes of our own), not taken from its source:
 *
 * <ul>
 *   <li>a pointer is its target's name and {@code " *"}: {@code struct proc * *};
 *   <li>a const or volatile non-pointer type is {@code "const T "}, with a trailing space, so a
 *       pointer to it reads {@code const char  *}; a qualified pointer is {@code "T * const"}
 *       inside another type, but {@code "const T *"} when it is the member's own type;
 *       {@code restrict} always follows, with a trailing space: {@code "char * restrict "};
 *       a const array is {@code const} and its element's name, a volatile one is named as
 *       inside a pointer and loses its bounds;
 *   <li>a function type is {@code "R ()(P, Q)"}, so a pointer to a pointer to a function reads
 *       {@code int ()(int) * *}; but a member that is a pointer to a function (or an array of
 *       them) is declared as {@code R (*name)(P, Q)[N]}, and a parameter that points to a
 *       function as {@code R (*)(P)};
 *   <li>an array member is its element's name and {@code name[3][4]}, {@code name[]} when the
 *       bound is not given (pahole also prints a zero-length array that ends a struct so, which
 *       is for the printer to do); elsewhere (under a
 *       pointer) an array is named by its element alone: {@code int (*p)[4]} reads {@code int *}.
 * </ul>
 *
 * Thread-safe once made: it only reads its graph.
 */
public final class PaholeNames {
    private static final int MAX_DEPTH = 64;
    private final TypeGraph graph;

    /** Creates a printer over a graph. */
    public PaholeNames(TypeGraph graph) {
        this.graph = graph;
    }

    /**
     * Returns how pahole declares a member of this type: the text of its type column and the
     * declarator around the member's name.
     */
    public Layout.PaholeDecl declare(long type) {
        Type t = graph.get(type);
        if (t instanceof Type.Qualified q && q.qualifier() == Type.Qualifier.VOLATILE
                && graph.get(q.target()) instanceof Type.Array) {
            // pahole names a volatile array as it would inside a pointer, and drops its bounds
            return new Layout.PaholeDecl(name(type, false, 0), "", "");
        }
        String prefix = "";
        if (t instanceof Type.Qualified q && q.qualifier() == Type.Qualifier.CONST
                && graph.get(q.target()) instanceof Type.Array) {
            prefix = "const ";
            t = graph.get(q.target());
        }
        List<Long> dims = new ArrayList<>();
        for (int i = 0; t instanceof Type.Array a && i < MAX_DEPTH; i++) {
            dims.addAll(a.dimensions());
            t = graph.get(a.element());
        }
        StringBuilder after = new StringBuilder();
        for (long d : dims) {
            after.append('[').append(d < 0 ? "" : Long.toString(d)).append(']');
        }
        StringBuilder quals = new StringBuilder(prefix);
        Type u = t;
        for (int i = 0; u instanceof Type.Qualified q && q.qualifier() != Type.Qualifier.RESTRICT && i < MAX_DEPTH; i++) {
            quals.append(keyword(q.qualifier())).append(' ');
            u = graph.get(q.target());
        }
        Type.Function f = functionPointer(u);
        if (f != null) {
            return new Layout.PaholeDecl(quals + name(f.returnType(), true, 0), "(*",
                    ")" + parameters(f, 0) + after);
        }
        return new Layout.PaholeDecl(prefix + name(t.id(), true, 0), "", after.toString());
    }

    /** Returns the function a pointer points to, or null. */
    private Type.Function functionPointer(Type t) {
        return t instanceof Type.Pointer p && p.kind() == Type.PointerKind.POINTER
                && graph.get(p.target()) instanceof Type.Function f ? f : null;
    }

    /**
     * Returns the name of a type: {@code top} for the member's own type (its qualifiers read
     * first), otherwise inside a pointer, a function or a typedef'd chain.
     */
    public String name(long id, boolean top, int depth) {
        if (depth > MAX_DEPTH) {
            return "<cyclic type>";
        }
        Type t = graph.get(id);
        if (t instanceof Type.Qualified q) {
            String k = keyword(q.qualifier());
            if (q.qualifier() == Type.Qualifier.RESTRICT) {
                return name(q.target(), top, depth + 1) + " " + k + " ";
            }
            if (graph.get(q.target()) instanceof Type.Pointer && !top) {
                return name(q.target(), false, depth + 1) + " " + k;
            }
            return k + " " + name(q.target(), false, depth + 1) + (top ? "" : " ");
        } else if (t instanceof Type.Pointer p) {
            String mark = switch (p.kind()) {
                case POINTER -> " *";
                case REFERENCE -> " &";
                case RVALUE_REFERENCE -> " &&";
            };
            return name(p.target(), false, depth + 1) + mark;
        } else if (t instanceof Type.Array a) {
            return name(a.element(), top, depth + 1);
        } else if (t instanceof Type.Function f) {
            return name(f.returnType(), true, depth + 1) + " ()" + parameters(f, depth + 1);
        } else if (t instanceof Type.MemberPointer m) {
            return name(m.target(), false, depth + 1) + " " + new TypeNames(graph).baseName(graph.get(m.containing()))
                    + "::*";
        }
        return new TypeNames(graph).baseName(t);
    }

    private String parameters(Type.Function f, int depth) {
        List<String> params = new ArrayList<>();
        for (long p : f.parameters()) {
            Type.Function fp = functionPointer(graph.get(p));
            // a parameter that points to a function is written as in C, without its name
            params.add(fp == null ? name(p, true, depth + 1)
                    : name(fp.returnType(), true, depth + 1) + " (*)" + parameters(fp, depth + 1));
        }
        if (f.varargs()) {
            params.add("...");
        }
        if (params.isEmpty() && f.prototyped()) {
            params.add("void");
        }
        return "(" + String.join(", ", params) + ")";
    }

    private static String keyword(Type.Qualifier q) {
        return switch (q) {
            case CONST -> "const";
            case VOLATILE -> "volatile";
            case RESTRICT -> "restrict";
            case ATOMIC -> "_Atomic";
        };
    }
}
