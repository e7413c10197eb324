package dev.hagfish.values;

import dev.hagfish.types.Type;
import java.io.IOException;
import java.util.List;

/**
 * {@code ValueFormatter} prints a {@link Value} as gdb's {@code print} does (what follows
 * {@code $1 = }): nested braces with member names, {@code 0x…} pointers followed by
 * {@code <symbol+offset>} when they point into a symbol, character arrays and the targets of
 * character pointers as strings with repeat blocks, enums by name, bit-fields as numbers, and
 * {@code {...}} for structs nested deeper than the maximum depth ({@code set print max-depth}).
 * At the top, a pointer is preceded by its type in parentheses (except a plain {@code char *},
 * whose string shows what it is) and a function by its type in braces, as gdb does. It also
 * gives the same value as a {@link ValueNode} tree for JSON.
 *
 * <p>Not thread-safe (it uses the scope's {@link Types}).
 */
public final class ValueFormatter {
    /** gdb's default {@code max-depth}. */
    public static final int DEFAULT_DEPTH = 20;

    private final int maxDepth;
    private final PrintFormat format;

    /** Creates a formatter that elides structs nested {@code maxDepth} levels deep (gdb's {@code max-depth}). */
    public ValueFormatter(int maxDepth) {
        this(maxDepth, null);
    }

    /**
     * Creates a formatter that elides structs nested {@code maxDepth} levels deep and prints every
     * scalar in {@code format} (gdb's {@code print/FMT}; null: gdb's default).
     */
    public ValueFormatter(int maxDepth, PrintFormat format) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("depth must not be negative: " + maxDepth);
        }
        this.maxDepth = maxDepth;
        this.format = format;
    }

    /**
     * Reads a value into a tree.
     *
     * @throws dev.hagfish.memory.MemoryFaultException if the value's own bytes are not mapped
     * @throws IOException if they cannot be read
     */
    public ValueNode tree(Value v) throws IOException {
        return new ValueTree(v.scope(), maxDepth, format).build(v, 0);
    }

    /**
     * Prints a value as gdb's {@code print} does, without the {@code $1 = } (and, as gdb, without
     * the pointer's type before it under a format).
     */
    public String format(Value v) throws IOException {
        return (format == null ? prefix(v) : "") + render(tree(v));
    }

    /**
     * Returns what gdb prints before a top-level value: {@code (struct proc *) } before a pointer
     * (through typedefs: {@code (proc_t) }), except before an unnamed pointer to plain
     * {@code char} (qualifiers aside), whose string says what it is; nothing before anything else.
     */
    public static String prefix(Value v) {
        Types types = v.scope().types();
        if (!(v.resolved() instanceof Type.Pointer)) {
            return "";
        }
        Type declared = stripQualifiers(types, types.get(v.type()));
        if (declared instanceof Type.Pointer p && stripQualifiers(types, types.get(p.target())) instanceof Type.Base b
                && b.name().equals("char")) {
            return "";
        }
        return "(" + types.name(v.type()) + ") ";
    }

    private static Type stripQualifiers(Types types, Type t) {
        Type out = t;
        for (int i = 0; i < 64 && out instanceof Type.Qualified q; i++) {
            out = types.get(q.target());
        }
        return out;
    }

    /** Renders a tree in gdb's one-line form. */
    public static String render(ValueNode n) {
        StringBuilder out = new StringBuilder();
        render(n, out);
        return out.toString();
    }

    private static void render(ValueNode n, StringBuilder out) {
        if (Boolean.TRUE.equals(n.elided())) {
            out.append("{...}");
        } else if (n.members() != null) {
            List<ValueNode> members = n.members();
            if (members.isEmpty()) {
                out.append("{<No data fields>}");
                return;
            }
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                ValueNode m = members.get(i);
                out.append(i == 0 ? "" : ", ").append(m.name() == null ? "" : m.name() + " = ");
                render(m, out);
            }
            out.append('}');
        } else if (n.elements() != null) {
            out.append('{');
            List<ValueNode> elements = n.elements();
            for (int i = 0; i < elements.size(); i++) {
                ValueNode e = elements.get(i);
                out.append(i == 0 ? "" : ", ");
                render(e, out);
                if (e.repeats() != null) {
                    out.append(" <repeats ").append(e.repeats()).append(" times>");
                }
            }
            out.append(Boolean.TRUE.equals(n.truncated()) ? "...}" : "}");
        } else {
            out.append(n.text());
        }
    }
}
