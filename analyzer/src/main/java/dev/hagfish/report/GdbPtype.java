package dev.hagfish.report;

import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;

/**
 * {@code GdbPtype} prints a {@link Layout} as gdb's {@code ptype /o} does: each member's offset
 * (with the bit within the byte for bit-fields) and size, holes and trailing padding in bytes and
 * bits, nested structs and unions expanded in place with absolute offsets, and the total size.
 * Named nested structs are expanded too; members whose type is a typedef are not, as in gdb.
 */
public final class GdbPtype {
    private static final String HEADER = "/* offset      |    size */  type = ";
    private static final int OFFSET_WIDTH = 27;

    private GdbPtype() {}

    /** Returns the text of {@code ptype /o} for a struct, class or union of a graph. */
    public static String print(TypeGraph graph, Type.Struct s) {
        return print(Layout.of(graph, s));
    }

    /** Returns the text of {@code ptype /o} for a layout; the layout alone is enough. */
    public static String print(Layout layout) {
        StringBuilder out = new StringBuilder();
        out.append(HEADER).append(layout.name()).append(" {\n");
        body(out, layout, 0);
        out.append(" ".repeat(OFFSET_WIDTH + 2)).append("}\n");
        return out.toString();
    }

    /** Prints the members of a layout at nesting {@code level} and its closing totals. */
    private static void body(StringBuilder out, Layout layout, int level) {
        boolean union = layout.kind() == Type.Kind.UNION;
        for (Layout.Slot m : layout.slots()) {
            if (m.kind() == Layout.SlotKind.BASE) {
                continue; // gdb prints bases in the class header, not as members
            }
            long size = Math.max(0, m.byteSize());
            if (union) {
                out.append(String.format("/*                %6d */", size));
            } else {
                hole(out, m.holeBeforeBits(), "hole");
                long real = m.bitOffset();
                if (m.bitField() || layout.bitOffset() % 8 != 0) {
                    out.append(String.format("/* %6d:%2d   |  %6d */", real / 8, real % 8, size));
                } else {
                    out.append(String.format("/* %6d      |  %6d */", real / 8, size));
                }
            }
            String indent = " ".repeat(4 * (level + 1));
            if (m.nested() != null && m.expandedByGdb()) {
                out.append(indent).append(m.nested().name().replace("{...}", "").strip()).append(" {\n");
                body(out, m.nested(), level + 1);
                out.append(" ".repeat(OFFSET_WIDTH + 4 * (level + 1))).append("}")
                        .append(m.name() != null ? " " + m.name() : "").append(";\n");
            } else {
                out.append(indent).append(m.declaration());
                if (m.bitField()) {
                    out.append(" : ").append(m.bitSize());
                }
                out.append(";\n");
            }
        }
        if (!union) {
            hole(out, layout.paddingBits(), "padding");
        }
        out.append('\n').append(" ".repeat(OFFSET_WIDTH + 4 * (level + 1)))
                .append(String.format("/* total size (bytes): %4d */\n", layout.byteSize()));
    }

    private static void hole(StringBuilder out, long hole, String what) {
        if (hole % 8 > 0) {
            out.append(String.format("/* XXX %2d-bit %-7s    */\n", hole % 8, what));
        }
        if (hole / 8 > 0) {
            out.append(String.format("/* XXX %2d-byte %-7s   */\n", hole / 8, what));
        }
    }
}
