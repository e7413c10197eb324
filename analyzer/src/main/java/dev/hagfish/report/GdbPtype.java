package dev.hagfish.report;

import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.types.TypeNames;

/**
 * {@code GdbPtype} prints a struct or union as gdb's {@code ptype /o} does: each member's offset
 * (with the bit within the byte for bit-fields) and size, holes and trailing padding in bytes and
 * bits, nested structs and unions expanded in place with absolute offsets, and the total size.
 * Named nested structs are expanded too; members whose type is a typedef are not, as in gdb.
 */
public final class GdbPtype {
    private static final String HEADER = "/* offset      |    size */  type = ";
    private static final int OFFSET_WIDTH = 27;
    private static final int MAX_NESTING = 32;

    private final TypeGraph graph;
    private final TypeNames names;

    /** Creates a printer over a graph. */
    public GdbPtype(TypeGraph graph) {
        this.graph = graph;
        this.names = new TypeNames(graph);
    }

    /** Returns the text of {@code ptype /o} for a struct, class or union. */
    public String print(Type.Struct s) {
        StringBuilder out = new StringBuilder();
        out.append(HEADER).append(names.baseName(s)).append(" {\n");
        body(out, s, 0, 0);
        out.append(" ".repeat(OFFSET_WIDTH + 2)).append("}\n");
        return out.toString();
    }

    /** Prints the members of {@code s} at nesting {@code level} and its closing totals. */
    private void body(StringBuilder out, Type.Struct s, int level, long offsetBits) {
        long end = 0;
        boolean union = s.kind() == Type.Kind.UNION;
        for (Member m : s.members()) {
            long size = Math.max(0, graph.sizeOf(m.type()));
            if (union) {
                out.append(String.format("/*                %6d */", size));
            } else {
                hole(out, end, m.bitOffset(), "hole");
                long real = m.bitOffset() + offsetBits;
                if (m.isBitField() || offsetBits % 8 != 0) {
                    out.append(String.format("/* %6d:%2d   |  %6d */", real / 8, real % 8, size));
                    end = m.bitOffset() + m.bitSize();
                } else {
                    out.append(String.format("/* %6d      |  %6d */", real / 8, size));
                    end = m.bitOffset() + size * 8;
                }
            }
            String indent = " ".repeat(4 * (level + 1));
            Type declared = graph.get(m.type());
            Type.Struct nested = declared instanceof Type.Struct st ? definition(st) : null;
            if (nested != null && level < MAX_NESTING) {
                out.append(indent).append(names.baseName(nested).replace("{...}", "").strip()).append(" {\n");
                body(out, nested, level + 1, offsetBits + m.bitOffset());
                out.append(" ".repeat(OFFSET_WIDTH + 4 * (level + 1))).append("}")
                        .append(m.name() != null ? " " + m.name() : "").append(";\n");
            } else {
                out.append(indent).append(names.declare(m.type(), m.name() == null ? "" : m.name()));
                if (m.isBitField()) {
                    out.append(" : ").append(m.bitSize());
                }
                out.append(";\n");
            }
        }
        if (!union) {
            hole(out, end, Math.max(0, s.byteSize()) * 8, "padding");
        }
        out.append('\n').append(" ".repeat(OFFSET_WIDTH + 4 * (level + 1)))
                .append(String.format("/* total size (bytes): %4d */\n", Math.max(0, s.byteSize())));
    }

    /** gdb reports a gap only after the first member has set an end ({@code end > 0}). */
    private static void hole(StringBuilder out, long end, long bitpos, String what) {
        if (end > 0 && end < bitpos) {
            long hole = bitpos - end;
            if (hole % 8 > 0) {
                out.append(String.format("/* XXX %2d-bit %-7s    */\n", hole % 8, what));
            }
            if (hole / 8 > 0) {
                out.append(String.format("/* XXX %2d-byte %-7s   */\n", hole / 8, what));
            }
        }
    }

    /** Returns the definition of a struct type: itself, or the defined struct of the same name. */
    private Type.Struct definition(Type.Struct s) {
        if (!s.declaration()) {
            return s;
        }
        for (Type t : graph.named(s.name())) {
            if (t instanceof Type.Struct d && !d.declaration() && d.kind() == s.kind()) {
                return d;
            }
        }
        return null;
    }
}
