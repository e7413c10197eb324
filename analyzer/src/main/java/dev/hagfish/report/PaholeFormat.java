package dev.hagfish.report;

import dev.hagfish.report.PaholeSummary.Sharing;
import dev.hagfish.report.PaholeSummary.Span;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import java.util.List;

/**
 * {@code PaholeFormat} prints a {@link Layout} as pahole 1.24's {@code pahole -C NAME} does, from
 * the layout alone: members as {@code TYPE NAME; /* OFFSET SIZE *}{@code /} in pahole's columns,
 * bit-fields as {@code /* OFFSET:BIT SIZE *}{@code /} within their storage unit, byte and bit
 * holes, the bit-field comments ({@code Bitfield combined with previous/next fields},
 * {@code Force alignment to the next boundary}, fillers), {@code last struct has N bytes of
 * padding}, cacheline boundaries, anonymous structs, unions and enums printed in place, the
 * inferred {@code __attribute__((__packed__))} or the declared {@code __aligned__(N)}, forced
 * trailing padding, and the trailer ({@code size}, {@code sum members}, {@code sum bitfield
 * members}, {@code padding}, {@code paddings}, {@code bit_padding}, {@code forced alignments},
 * {@code last cacheline}); a union has no trailer. Enums print as pahole prints them too. Every
 * rule was read off pahole's output (samples/expected/pahole, samples/expected/real/pahole, and
 * probes of our own), not taken from its source.
 *
 * <p>Where pahole 1.24 prints what is not in the struct, this prints the struct: pahole repeats
 * every anonymous struct, union or enum <em>type</em> that clang nests in a struct's DWARF as if
 * it were an extra member (with offsets from 0 and a trailer of its own), which is left out here.
 * Not reproduced either: its {@code --expand_types} output, and its in-place printing of an
 * array of anonymous enums, of a pointer to an anonymous struct, and of forced padding after a
 * struct-typed last member (these print with {@code {...}} names).
 *
 * <p>Stateless between calls; one instance prints one layout.
 */
public final class PaholeFormat {
    private static final int TYPE_WIDTH = 26;
    private static final int STRUCT_WIDTH = 48;
    private static final int UNION_WIDTH = 46;
    private static final int TAB = 8;
    private static final String FORCE_ALIGN = "/* Force alignment to the next boundary: */";

    private final StringBuilder out = new StringBuilder();
    private final int cacheline;
    private final int width;
    private final boolean expand;
    private long line;

    private PaholeFormat(Layout top, boolean expand) {
        this.cacheline = top.cacheline();
        this.width = top.kind() == Type.Kind.UNION ? UNION_WIDTH : STRUCT_WIDTH;
        this.expand = expand;
    }

    /** Returns what {@code pahole -C NAME} prints for a struct or union, with the layout's cacheline size. */
    public static String print(Layout layout) {
        return print(layout, false);
    }

    /**
     * Returns what {@code pahole -C NAME} prints for a struct or union, with the layout's cacheline
     * size; with {@code expand}, every member whose type is a struct or union (through typedefs
     * too) is printed in place with its members, as anonymous ones always are (in the manner of
     * pahole's {@code --expand_types}, whose text this does not reproduce exactly).
     */
    public static String print(Layout layout, boolean expand) {
        PaholeFormat p = new PaholeFormat(layout, expand);
        p.out.append(layout.name()).append(" {\n");
        p.body(layout, 1);
        PaholeSummary sum = PaholeSummary.of(layout);
        if (layout.kind() != Type.Kind.UNION) {
            p.forcePadding(layout, sum);
            p.trailer(layout, sum);
        }
        p.out.append('}');
        if (layout.kind() == Type.Kind.UNION) {
            p.out.append(";\n"); // pahole gives a union neither attribute
            return p.out.toString();
        }
        if (sum.packed()) {
            p.out.append(" __attribute__((__packed__))");
        } else if (layout.explicitAlignment() > 0) {
            p.out.append(" __attribute__((__aligned__(").append(layout.explicitAlignment()).append(")))");
        }
        p.out.append(";\n");
        return p.out.toString();
    }

    /**
     * Returns what {@code pahole -C NAME} prints for an enum: its enumerators aligned, and
     * {@code __attribute__((__packed__))} when it is narrower than an int. An anonymous enum is
     * printed as the typedef that names it.
     *
     * @param e the enum
     * @param typedef the typedef naming an anonymous enum (null for a named one)
     */
    public static String print(Type.Enum e, String typedef) {
        StringBuilder out = new StringBuilder();
        boolean anonymous = e.name() == null;
        out.append(anonymous ? "typedef enum {\n" : "enum " + e.name() + " {\n");
        int w = e.enumerators().stream().mapToInt(x -> x.name().length()).max().orElse(0);
        for (Type.Enumerator x : e.enumerators()) {
            out.append('\t').append(pad(x.name(), w)).append(" = ")
                    .append(e.signed() ? Long.toString(x.value()) : Long.toUnsignedString(x.value())).append(",\n");
        }
        out.append('}');
        if (e.byteSize() > 0 && e.byteSize() < 4) {
            out.append(" __attribute__((__packed__))");
        }
        out.append(anonymous ? " " + typedef : "").append(";\n");
        return out.toString();
    }

    /** Prints the members of a layout at nesting {@code level} (1 for the outermost struct's). */
    private void body(Layout l, int level) {
        boolean union = l.kind() == Type.Kind.UNION;
        long start = line;
        List<Layout.Slot> slots = l.slots();
        for (int i = 0; i < slots.size(); i++) {
            Layout.Slot m = slots.get(i);
            Span span = PaholeSummary.span(l, m);
            if (union) {
                line = start; // every member of a union starts where the union does
            }
            if (!union && i > 0 && PaholeSummary.sharing(PaholeSummary.span(l, slots.get(i - 1)), span)
                    == Sharing.PREVIOUS) {
                blank();
                comment(level, "/* Bitfield combined with previous fields */");
                blank();
            }
            boundary(level, span.unit());
            member(l, m, span, level);
            if (!union) {
                long pad = PaholeSummary.structPadding(m);
                if (pad > 0) {
                    blank();
                    comment(level, "/* XXX last struct has " + plural(pad, "byte") + " of padding */");
                    blank();
                }
                if (i + 1 < slots.size()) {
                    between(span, slots.get(i + 1), PaholeSummary.span(l, slots.get(i + 1)), level);
                }
            }
        }
        if (union) {
            line = start;
        }
    }

    /** Prints one member: a line, or an anonymous struct, union or enum in place. */
    private void member(Layout l, Layout.Slot m, Span span, int level) {
        String ind = "\t".repeat(level);
        String name = m.kind() == Layout.SlotKind.BASE ? "<ancestor>" : m.pahole().declarator(m.name());
        if (l.kind() != Type.Kind.UNION && l.slots().size() > 1 && m == l.slots().get(l.slots().size() - 1)
                && name.endsWith("[0]")) {
            name = name.substring(0, name.length() - 3) + "[]"; // pahole takes it for a flexible array
        }
        String attr = m.explicitAlignment() > 0 ? " __attribute__((__aligned__(" + m.explicitAlignment() + ")))" : "";
        boolean anonymous = m.nested() != null && m.expandedByGdb() && m.nested().name().contains("{...}");
        if (anonymous || expand && m.nested() != null) {
            out.append(ind).append(anonymous ? keyword(m.nested().kind()) : m.nested().name()).append(" {\n");
            body(m.nested(), level + 1);
            String close = "}" + (m.name() == null ? "" : " " + name) + attr + ";";
            out.append(ind).append(pad(close, total(level))).append(' ').append(offsets(m, span)).append('\n');
        } else if (m.element() != null) {
            out.append(ind).append(keyword(m.element().kind())).append(" {\n");
            body(m.element(), level + 1);
            // pahole does not pad this one
            out.append(ind).append("} ").append(name).append(attr).append("; ").append(offsets(m, span)).append('\n');
        } else if (!m.enumerators().isEmpty()) {
            enumeration(m, span, level, name + attr);
        } else {
            String decl = name + attr + (m.bitField() ? ":" + m.bitSize() : "") + ";";
            out.append(ind).append(pad(pad(m.pahole().type(), typeWidth(level)) + " " + decl, total(level)))
                    .append(' ').append(offsets(m, span)).append('\n');
        }
    }

    /** Prints an anonymous enum in place, its enumerators aligned. */
    private void enumeration(Layout.Slot m, Span span, int level, String name) {
        String ind = "\t".repeat(level);
        out.append(ind).append("enum {\n");
        int w = m.enumerators().stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Type.Enumerator e : m.enumerators()) {
            out.append(ind).append('\t').append(pad(e.name(), w)).append(" = ").append(e.value()).append(",\n");
        }
        // pahole pads "} name;" and then puts the bit-field's width in, past the column
        String close = pad("} " + name + ";", total(level));
        if (m.bitField()) {
            close = "} " + name + ":" + m.bitSize() + close.substring(name.length() + 2);
        }
        out.append(ind).append(close).append(' ').append(offsets(m, span)).append('\n');
    }

    /** Prints what pahole says between a struct member and the next: holes and bit-field sharing. */
    private void between(Span m, Layout.Slot nextSlot, Span next, int level) {
        long bits = PaholeSummary.bitHole(m, next);
        long bytes = PaholeSummary.byteHole(m, next);
        boolean said = false;
        if (bits > 0) {
            blank();
            comment(level, "/* XXX " + plural(bits, "bit") + " hole, try to pack */");
            said = true;
        }
        if (bytes > 0) {
            if (!said) {
                blank();
            }
            comment(level, "/* XXX " + plural(bytes, "byte") + " hole, try to pack */");
            said = true;
        }
        if (bits > 0 && nextSlot.bitField()) {
            String type = pad(nextSlot.pahole().type(), typeWidth(level)) + " ";
            if (next.bitInUnit() == 0) {
                blank();
                comment(level, FORCE_ALIGN);
                comment(level, type + ":0;");
            } else {
                comment(level, type + ":" + bits + ";");
            }
        }
        if (PaholeSummary.sharing(m, next) == Sharing.NEXT) {
            if (!said) {
                blank();
            }
            comment(level, "/* Bitfield combined with next fields */");
            said = true;
        }
        if (said) {
            blank();
        }
    }

    /** Marks a cacheline boundary before a member that starts in a later cacheline than the last marked. */
    private void boundary(int level, long offset) {
        if (cacheline <= 0 || offset / cacheline <= line) {
            return;
        }
        line = offset / cacheline;
        long at = line * cacheline;
        comment(level, "/* --- cacheline " + line + " boundary (" + at + " bytes)"
                + (offset > at ? " was " + plural(offset - at, "byte") + " ago" : "") + " --- */");
    }

    /**
     * Pads a struct whose trailing padding is more than a pointer's size and that declares no
     * alignment, as pahole does, with fields of its last member's type, when that type's size
     * is a power of two (seen with pahole on LP64 and ILP32 probes: 8 bytes of padding are not
     * forced on x86_64, 6 are on i386; a last member of 5, 6 or 7 bytes never is).
     */
    private void forcePadding(Layout l, PaholeSummary sum) {
        List<Layout.Slot> slots = l.slots();
        if (slots.isEmpty() || l.explicitAlignment() > 0 || sum.padding() <= l.pointerSize()) {
            return;
        }
        Layout.Slot last = slots.get(slots.size() - 1);
        long size = Math.max(0, last.byteSize());
        if (size == 0 || Long.bitCount(size) != 1) {
            return;
        }
        blank();
        comment(1, "/* Force padding: */");
        String field = pad(last.pahole().type(), typeWidth(1)) + " " + last.pahole().declarator("") + ":" + size * 8
                + ";";
        for (long i = 0; i < (sum.padding() + size - 1) / size; i++) {
            comment(1, field);
        }
    }

    private void trailer(Layout l, PaholeSummary s) {
        blank();
        comment(1, "/* size: " + l.byteSize() + ", cachelines: " + l.cachelines() + ", members: " + l.slots().size()
                + " */");
        if (s.holes() > 0 || s.bitHoles() > 0) {
            if (s.sumMembers() > 0 || s.holes() > 0) {
                comment(1, "/* sum members: " + s.sumMembers() + (s.holes() > 0 ? ", holes: " + s.holes()
                        + ", sum holes: " + s.holeBytes() : "") + " */");
            }
            if (s.sumBits() > 0) {
                comment(1, "/* sum bitfield members: " + s.sumBits() + " bits" + (s.bitHoles() > 0 ? ", bit holes: "
                        + s.bitHoles() + ", sum bit holes: " + s.bitHoleBits() + " bits" : " (" + s.sumBits() / 8
                        + " bytes)") + " */");
            }
        }
        if (s.padding() > 0) {
            comment(1, "/* padding: " + s.padding() + " */");
        }
        if (s.paddings() > 0) {
            comment(1, "/* paddings: " + s.paddings() + ", sum paddings: " + s.paddingBytes() + " */");
        }
        if (s.bitPadding() > 0) {
            comment(1, "/* bit_padding: " + s.bitPadding() + " bits */");
        }
        if (s.forced() > 0) {
            comment(1, "/* forced alignments: " + s.forced() + (s.forcedHoles() > 0 ? ", forced holes: "
                    + s.forcedHoles() + ", sum forced holes: " + s.forcedHoleBytes() : "") + " */");
        }
        if (l.byteSize() % cacheline != 0) {
            comment(1, "/* last cacheline: " + l.byteSize() % cacheline + " bytes */");
        }
    }

    private String offsets(Layout.Slot m, Span span) {
        if (m.bitField()) {
            return String.format("/* %5d:%2d %2d */", span.unit(), span.bitInUnit(), span.size());
        }
        return String.format("/* %5d %5d */", span.unit(), span.size());
    }

    /** The type column's width at a nesting level: each tab of indentation takes 8 from it. */
    private static int typeWidth(int level) {
        return Math.max(0, TYPE_WIDTH - TAB * (level - 1));
    }

    /** Where the offset comment starts, counted from the indentation, at a nesting level. */
    private int total(int level) {
        return Math.max(0, width - TAB * (level - 1));
    }

    private void comment(int level, String text) {
        out.append("\t".repeat(level)).append(text).append('\n');
    }

    /** Ends the text with an empty line, once. */
    private void blank() {
        if (!(out.length() >= 2 && out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
        }
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String keyword(Type.Kind k) {
        return switch (k) {
            case STRUCT -> "struct";
            case CLASS -> "class";
            case UNION -> "union";
        };
    }
}
