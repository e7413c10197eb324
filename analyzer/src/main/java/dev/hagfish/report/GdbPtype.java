package dev.hagfish.report;

import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;

/**
 * {@code GdbPtype} prints a {@link Layout} as gdb's {@code ptype /o} does: each member's offset
 * (with the bit within the byte for bit-fields) and size, holes and trailing padding in bytes and
 * bits, nested structs and unions expanded in place with absolute offsets, and the total size.
 * Named nested structs are expanded too; members whose type is a typedef are not, as in gdb.
 * On request it adds pahole's cacheline markers and expands typedef'd structs as well.
 */
public final class GdbPtype {
    private static final String HEADER = "/* offset      |    size */  type = ";
    private static final int OFFSET_WIDTH = 27;

    private final StringBuilder out = new StringBuilder();
    private final int cacheline;
    private final boolean expandAll;
    private long nextBoundary;

    private GdbPtype(int cacheline, boolean expandAll) {
        this.cacheline = cacheline;
        this.expandAll = expandAll;
        this.nextBoundary = cacheline;
    }

    /** Returns the text of {@code ptype /o} for a struct, class or union of a graph. */
    public static String print(TypeGraph graph, Type.Struct s) {
        return print(Layout.of(graph, s));
    }

    /** Returns the text of {@code ptype /o} for a layout; the layout alone is enough. */
    public static String print(Layout layout) {
        return print(layout, false, false);
    }

    /**
     * Returns the text of {@code ptype /o} for a layout, with two additions gdb does not make.
     *
     * @param layout the layout
     * @param cachelines mark the layout's cacheline boundaries as pahole does:
     *     {@code --- cacheline 1 boundary (64 bytes) ---} before the first member at or past a
     *     boundary, and {@code ... was N bytes ago} after a member that crosses one
     * @param expandAll expand every nested struct and union, typedef'd ones too (pahole's
     *     {@code --expand_types}); gdb expands only members declared with a struct type
     */
    public static String print(Layout layout, boolean cachelines, boolean expandAll) {
        GdbPtype p = new GdbPtype(cachelines ? layout.cacheline() : 0, expandAll);
        p.out.append(HEADER).append(layout.name()).append(" {\n");
        p.body(layout, 0);
        p.out.append(" ".repeat(OFFSET_WIDTH + 2)).append("}\n");
        return p.out.toString();
    }

    /** Prints the members of a layout at nesting {@code level} and its closing totals. */
    private void body(Layout layout, int level) {
        boolean union = layout.kind() == Type.Kind.UNION;
        for (Layout.Slot m : layout.slots()) {
            if (m.kind() == Layout.SlotKind.BASE) {
                continue; // gdb prints bases in the class header, not as members
            }
            long size = Math.max(0, m.byteSize());
            if (union) {
                out.append("/*                ").append(right(size, 6)).append(" */");
            } else {
                hole(m.holeBeforeBits(), "hole");
                boundariesBefore(m.bitOffset());
                long real = m.bitOffset();
                if (m.bitField() || layout.bitOffset() % 8 != 0) {
                    out.append("/* ").append(right(real / 8, 6)).append(':').append(right(real % 8, 2)).append("   |  ")
                            .append(right(size, 6)).append(" */");
                } else {
                    out.append("/* ").append(right(real / 8, 6)).append("      |  ").append(right(size, 6)).append(" */");
                }
            }
            String indent = " ".repeat(4 * (level + 1));
            if (m.nested() != null && (m.expandedByGdb() || expandAll)) {
                out.append(indent).append(m.nested().name().replace("{...}", "").strip()).append(" {\n");
                body(m.nested(), level + 1);
                out.append(" ".repeat(OFFSET_WIDTH + 4 * (level + 1))).append("}")
                        .append(m.name() != null ? " " + m.name() : "").append(";\n");
            } else {
                out.append(indent).append(m.declaration());
                if (m.bitField()) {
                    out.append(" : ").append(m.bitSize());
                }
                out.append(";\n");
                if (!union) {
                    boundariesInside(m.endBit());
                }
            }
        }
        if (!union) {
            hole(layout.paddingBits(), "padding");
        }
        out.append('\n').append(" ".repeat(OFFSET_WIDTH + 4 * (level + 1)))
                .append("/* total size (bytes): ").append(right(layout.byteSize(), 4)).append(" */\n");
    }

    private void hole(long hole, String what) {
        if (hole % 8 > 0) {
            out.append("/* XXX ").append(right(hole % 8, 2)).append("-bit ").append(left(what, 7)).append("    */\n");
        }
        if (hole / 8 > 0) {
            out.append("/* XXX ").append(right(hole / 8, 2)).append("-byte ").append(left(what, 7)).append("   */\n");
        }
    }

    /** Marks the boundaries at or before a member's start. */
    private void boundariesBefore(long startBit) {
        while (cacheline > 0 && startBit >= nextBoundary * 8) {
            out.append("/* --- cacheline ").append(nextBoundary / cacheline).append(" boundary (").append(nextBoundary)
                    .append(" bytes) --- */\n");
            nextBoundary += cacheline;
        }
    }

    /** Marks the boundaries a member crossed. */
    private void boundariesInside(long endBit) {
        while (cacheline > 0 && endBit > nextBoundary * 8) {
            out.append("/* --- cacheline ").append(nextBoundary / cacheline).append(" boundary (").append(nextBoundary)
                    .append(" bytes) was ").append((endBit + 7) / 8 - nextBoundary).append(" bytes ago --- */\n");
            nextBoundary += cacheline;
        }
    }

    /**
     * A number right-aligned in {@code width} columns, as {@code %Nd} prints it: written out so
     * that printing a layout does not load {@link java.util.Formatter} and the locale data its
     * first use reads (a cold {@code hagfish struct} pays for that).
     */
    static String right(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** A string left-aligned in {@code width} columns, as {@code %-Ns} prints it. */
    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
