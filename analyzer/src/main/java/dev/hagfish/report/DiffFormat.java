package dev.hagfish.report;

import dev.hagfish.report.TypeDiff.EnumeratorChange;
import dev.hagfish.report.TypeDiff.MemberChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * {@code DiffFormat} prints a {@link DiffResult}: as text ({@code ---}/{@code +++} kernel lines,
 * then one block per type, {@code +} added, {@code -} removed, {@code ~} changed; a typedef's line
 * names the type it stands for), as Markdown
 * tables, or as JSON (schema {@code diff.schema.json}).
 */
public final class DiffFormat {
    /** The resource holding the JSON Schema of the JSON document. */
    public static final String SCHEMA = "diff.schema.json";

    private DiffFormat() {}

    /** Prints the JSON document. */
    public static void json(PrintWriter out, DiffResult d) throws IOException {
        out.println(JsonReport.MAPPER.writeValueAsString(d));
        out.flush();
    }

    /** Prints the text form. */
    public static void text(PrintWriter out, DiffResult d) {
        out.println("--- a: " + d.a().describe());
        out.println("+++ b: " + d.b().describe());
        DiffResult.Summary s = d.summary();
        out.println(s.changed() + " types changed (" + s.sizeChanged() + " in size), " + s.added() + " added, "
                + s.removed() + " removed, " + s.unchanged() + " unchanged; " + s.typesA() + " types in a, "
                + s.typesB() + " in b (" + d.selection() + ")");
        for (TypeDiff t : d.changes()) {
            out.println();
            out.println(headline(t));
            for (MemberChange m : t.members()) {
                out.println("  " + memberLine(m));
            }
            for (EnumeratorChange e : t.enumerators()) {
                out.println("  " + enumeratorLine(e));
            }
        }
        out.flush();
    }

    /** Prints Markdown: the kernels, the counts, a table of the types, then a table per changed type. */
    public static void markdown(PrintWriter out, DiffResult d) {
        out.println("# hagfish diff");
        out.println();
        out.println("- **a**: `" + d.a().uuid() + "` (" + d.a().arch() + ")"
                + (d.a().version() == null ? "" : " " + MarkdownReport.cell(d.a().version())));
        out.println("- **b**: `" + d.b().uuid() + "` (" + d.b().arch() + ")"
                + (d.b().version() == null ? "" : " " + MarkdownReport.cell(d.b().version())));
        DiffResult.Summary s = d.summary();
        out.println();
        out.println(s.changed() + " types changed (" + s.sizeChanged() + " in size), " + s.added() + " added, "
                + s.removed() + " removed, " + s.unchanged() + " unchanged (" + MarkdownReport.cell(d.selection()) + ").");
        out.println();
        out.println("| type | change | impact | size a | size b | Δ |");
        out.println("|---|---|---|---:|---:|---:|");
        for (TypeDiff t : d.changes()) {
            out.println("| " + MarkdownReport.cell(t.name()) + typedefOf(t) + " | " + t.change() + " | " + t.impact() + " | "
                    + blank(t.sizeA()) + " | " + blank(t.sizeB()) + " | " + signed(t.sizeDelta()) + " |");
        }
        for (TypeDiff t : d.changes()) {
            if (t.members().isEmpty() && t.enumerators().isEmpty()) {
                continue;
            }
            out.println();
            out.println("## " + MarkdownReport.cell(t.name()));
            out.println();
            if (!t.members().isEmpty()) {
                out.println("| member | change | offset a | offset b | size a | size b | type a | type b |");
                out.println("|---|---|---:|---:|---:|---:|---|---|");
                for (MemberChange m : t.members()) {
                    out.println("| " + MarkdownReport.cell(m.name()) + " | " + String.join(", ", m.changes()) + " | "
                            + offset(m.bitOffsetA()) + " | " + offset(m.bitOffsetB()) + " | " + size(m.sizeA(), m.bitSizeA())
                            + " | " + size(m.sizeB(), m.bitSizeB()) + " | " + code(m.typeA()) + " | " + code(m.typeB()) + " |");
                }
            } else {
                out.println("| enumerator | change | value a | value b |");
                out.println("|---|---|---:|---:|");
                for (EnumeratorChange e : t.enumerators()) {
                    out.println("| " + MarkdownReport.cell(e.name()) + " | " + e.change() + " | " + blank(e.valueA())
                            + " | " + blank(e.valueB()) + " |");
                }
            }
        }
        out.flush();
    }

    static String headline(TypeDiff t) {
        if (t.kind().equals("typedef")) {
            return typedefHeadline(t);
        }
        return switch (t.change()) {
            case "added" -> "+ " + t.name() + ": added, " + TextReport.plural(t.sizeB(), "byte") + where(t.declB());
            case "removed" -> "- " + t.name() + ": removed, " + TextReport.plural(t.sizeA(), "byte") + where(t.declA());
            default -> "~ " + t.name() + ": " + (t.sizeDelta() != 0 ? "size " + t.sizeA() + " -> " + t.sizeB() + " ("
                    + signed(t.sizeDelta()) + ")" : "size " + t.sizeB())
                    + (t.alignmentA() != null && !t.alignmentA().equals(t.alignmentB())
                            ? ", alignment " + t.alignmentA() + " -> " + t.alignmentB() : "")
                    + " [" + t.impact() + "]" + where(t.declB());
        };
    }

    /** {@code + name: added, typedef of T, N bytes}, or {@code ~ name: typedef of A -> B, size ... [impact]}. */
    private static String typedefHeadline(TypeDiff t) {
        return switch (t.change()) {
            case "added" -> "+ " + t.name() + ": added, typedef of " + t.targetB() + bytes(t.sizeB()) + where(t.declB());
            case "removed" -> "- " + t.name() + ": removed, typedef of " + t.targetA() + bytes(t.sizeA()) + where(t.declA());
            default -> "~ " + t.name() + ": typedef of " + (t.targetA().equals(t.targetB()) ? t.targetB()
                    : t.targetA() + " -> " + t.targetB())
                    + (t.sizeDelta() != null && t.sizeDelta() != 0
                            ? ", size " + t.sizeA() + " -> " + t.sizeB() + " (" + signed(t.sizeDelta()) + ")"
                            : Objects.equals(t.sizeA(), t.sizeB()) ? bytes(t.sizeB())
                            : ", size " + blankOr(t.sizeA(), "none") + " -> " + blankOr(t.sizeB(), "none"))
                    + " [" + t.impact() + "]" + where(t.declB());
        };
    }

    /** For a typedef's Markdown cell: {@code  (typedef of `A` → `B`)}; empty for other kinds. */
    private static String typedefOf(TypeDiff t) {
        if (!t.kind().equals("typedef")) {
            return "";
        }
        String a = t.targetA() == null ? null : code(t.targetA());
        String b = t.targetB() == null ? null : code(t.targetB());
        return " (typedef of " + (a == null ? b : b == null || a.equals(b) ? a : a + " → " + b) + ")";
    }

    private static String bytes(Long size) {
        return size == null ? "" : ", " + TextReport.plural(size, "byte");
    }

    private static String blankOr(Object o, String none) {
        return o == null ? none : o.toString();
    }

    static String memberLine(MemberChange m) {
        if (m.changes().contains("added")) {
            return String.format("+ %-24s at %s, %s, %s", m.name(), offset(m.bitOffsetB()), size(m.sizeB(), m.bitSizeB()),
                    m.typeB());
        }
        if (m.changes().contains("removed")) {
            return String.format("- %-24s was at %s, %s, %s", m.name(), offset(m.bitOffsetA()), size(m.sizeA(), m.bitSizeA()),
                    m.typeA());
        }
        StringBuilder sb = new StringBuilder(String.format("~ %-24s %s:", m.name(), String.join(", ", m.changes())));
        if (m.changes().contains("moved")) {
            sb.append(" offset ").append(offset(m.bitOffsetA())).append(" -> ").append(offset(m.bitOffsetB()));
        }
        if (m.changes().contains("retyped")) {
            sb.append(" type ").append(m.typeA()).append(" -> ").append(m.typeB());
        }
        if (m.changes().contains("resized")) {
            sb.append(" size ").append(size(m.sizeA(), m.bitSizeA())).append(" -> ").append(size(m.sizeB(), m.bitSizeB()));
        }
        return sb.toString();
    }

    static String enumeratorLine(EnumeratorChange e) {
        return switch (e.change()) {
            case "added" -> "+ " + e.name() + " = " + e.valueB();
            case "removed" -> "- " + e.name() + " = " + e.valueA();
            default -> "~ " + e.name() + ": " + e.valueA() + " -> " + e.valueB();
        };
    }

    /** A bit offset as {@code 20} bytes, or {@code 20:3} (byte:bit) when not on a byte. */
    static String offset(Long bits) {
        if (bits == null) {
            return "";
        }
        return bits % 8 == 0 ? Long.toString(bits / 8) : bits / 8 + ":" + bits % 8;
    }

    static String size(Long bytes, Long bits) {
        if (bytes == null) {
            return "";
        }
        return bits != null && bits > 0 ? bits + " bits" : TextReport.plural(bytes, "byte");
    }

    private static String where(String decl) {
        return decl == null ? "" : "  " + decl;
    }

    private static String signed(Long n) {
        return n == null ? "" : n > 0 ? "+" + n : Long.toString(n);
    }

    private static String blank(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String code(String s) {
        return s == null ? "" : "`" + MarkdownReport.cell(s) + "`";
    }
}
